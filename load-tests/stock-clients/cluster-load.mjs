// The load shapes of the single-node table against a cluster: rooms of stock yjs + y-websocket
// clients, each room's clients spread round-robin over the nodes (so most edits cross a relay),
// through stock-load.mjs; the nodes' CPU is read from /proc over the measuring window.
//
//   node cluster-load.mjs ROOMS CLIENTS RATE SECONDS URL:PID [URL:PID...]
//
// Prints one JSON line: the shape, latency (edit -> every other client of the room), deliveries,
// and per node the CPU seconds used in the window.
import { spawn } from 'node:child_process'
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'

const [rooms, clients, rate, seconds] = process.argv.slice(2, 6).map(Number)
const nodes = process.argv.slice(6).map((arg) => {
  const i = arg.lastIndexOf(':')
  return { url: arg.slice(0, i), pid: Number(arg.slice(i + 1)) }
})
const ticks = () => {
  const stat = (pid) => readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')
  return nodes.map(({ pid }) => { const f = stat(pid); return Number(f[11]) + Number(f[12]) })
}
const post = async (url, path, token, body, method = 'POST') => {
  const r = await fetch(url + path, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body)
  })
  if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${await r.text()}`)
  return r.json()
}

const api = nodes[0].url
const spec = { rooms: [], rate, warmupSeconds: 5, measureSeconds: seconds, ownNotes: 8, presence: true, deflate: true, seed: 7 }
let n = 0
for (let r = 0; r < rooms; r++) {
  const tokens = []
  for (let c = 0; c < clients; c++) tokens.push((await post(api, '/api/dev/token', null, { name: `load r${r} c${c}` })).token)
  const project = await post(api, '/api/projects', tokens[0], { title: `cluster load ${r}` })
  for (let c = 1; c < clients; c++) await post(api, `/api/projects/${project.id}/members/load-r${r}-c${c}`, tokens[0], { role: 'editor' }, 'PUT')
  spec.rooms.push(tokens.map((token, c) => {
    const node = nodes[n++ % nodes.length]
    return { name: `r${r}c${c}`, serverUrl: node.url.replace('http', 'ws') + '/sync', room: project.id, params: { token } }
  }))
}
const dir = mkdtempSync(join(tmpdir(), 'cluster-load-'))
writeFileSync(join(dir, 'spec.json'), JSON.stringify(spec))
const tool = spawn(process.execPath, [join(dirname(fileURLToPath(import.meta.url)), 'stock-load.mjs'), join(dir, 'spec.json')], { stdio: ['ignore', 'pipe', 'inherit'] })
let open = null; let cpu = null; let result = null; let buffer = ''
tool.stdout.on('data', (chunk) => {
  buffer += chunk
  let i
  while ((i = buffer.indexOf('\n')) >= 0) {
    const event = JSON.parse(buffer.slice(0, i)); buffer = buffer.slice(i + 1)
    if (event.event === 'window-open') open = ticks()
    if (event.event === 'window-close') { const now = ticks(); cpu = now.map((t, k) => (t - open[k]) / 100) }
    if (event.event === 'result') result = event
  }
})
await new Promise((resolve) => tool.on('exit', resolve))
const delivered = result.latencyCount
const cpuTotal = cpu.reduce((a, b) => a + b, 0)
console.log(JSON.stringify({
  shape: `${rooms} x ${clients} @ ${rate}/s`, nodes: nodes.length, p50: result.p50, p99: result.p99, max: result.max,
  delivered, expected: result.expectedDeliveries, converged: result.converged,
  nodeCpuSeconds: cpu, cpuMicrosPerDelivery: Math.round(cpuTotal * 1e6 / delivered),
  toolCpuMicrosPerDelivery: result.toolCpuMicrosPerDelivery
}))
