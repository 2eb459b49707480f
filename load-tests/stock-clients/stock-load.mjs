// The load tool's stock-client mode: rooms of the real yjs + y-websocket providers, as browsers run them.
//
//   node stock-load.mjs SPEC.json
//
// SPEC: {"rooms": [[{"name", "serverUrl", "room", "params"}...]...], "rate", "warmupSeconds",
//        "measureSeconds", "ownNotes", "presence", "deflate", "seed", "drainTimeoutMs"}
//
// What makes these clients stock: each is a WebsocketProvider over `ws`, which offers permessage-deflate
// as every browser does (unless "deflate" is false), and whose awareness handler re-sends every change it
// receives (a room of C clients answers each cursor move with C-1 echoes). With "presence", half the
// edits also move the writer's cursor. The edits follow the project schema as the Java tool's do: one
// track per room, notes inserted or changed, each client changing only its own notes.
//
// Latency is measured inside this one process, without writing times into the document: a writer
// records its own clock after each edit with the send time, and a receiver's remote transaction says
// which clocks it brought (beforeState/afterState), so each delivered edit is matched to its send time.
//
// Prints JSON lines on stdout: {"event":"window-open"}, {"event":"window-close"} (so that the caller
// can read the server's CPU over the same window) and last {"event":"result", ...}. Progress on stderr.
import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import WebSocket from 'ws'
import { readFileSync } from 'node:fs'
import { performance } from 'node:perf_hooks'

const TICKS_PER_SIXTEENTH = 120
const BARS = 16
const INSERT_EVERY = 10
const CONNECT_TIMEOUT_MS = 60_000

const spec = JSON.parse(readFileSync(process.argv[2], 'utf8'))
const rate = spec.rate ?? 1
const ownNotes = spec.ownNotes ?? 8
const presence = spec.presence ?? true
const deflate = spec.deflate ?? true
const drainTimeoutMs = spec.drainTimeoutMs ?? 30_000
process.setMaxListeners(0) // each provider adds an exit listener

const log = (line) => process.stderr.write(`[stock-clients] ${line}\n`)
const emit = (event) => process.stdout.write(JSON.stringify(event) + '\n')
const now = () => performance.now() * 1000 // microseconds

// A seeded generator (mulberry32), so that runs against the two servers make the same edits.
function random (seed) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6D2B79F5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
const pick = (rnd, n) => Math.floor(rnd() * n)

/** `ws` as browsers use it, or told not to offer permessage-deflate. */
class NoDeflateWebSocket extends WebSocket {
  constructor (url, protocols) {
    super(url, protocols, { perMessageDeflate: false })
  }
}

const errors = {}
const countError = (key) => { errors[key] = (errors[key] ?? 0) + 1 }

let window = { open: Infinity, close: Infinity }
const latencies = []
let deliveredInWindow = 0
let editsInWindow = 0
const connectTimes = []

class Client {
  constructor (roomIndex, index, where, seed) {
    this.roomIndex = roomIndex
    this.index = index
    this.name = where.name
    this.doc = new Y.Doc()
    this.rnd = random(seed)
    this.mine = []
    this.counter = 0
    this.edits = 0
    this.sent = [] // [clock after the edit, send time µs] in clock order
    this.seen = new Map() // writer client id -> index of the next unmatched entry of its `sent`
    this.where = where
    this.closedByUs = false
  }

  connect (peersById) {
    this.peersById = peersById
    const started = now()
    this.provider = new WebsocketProvider(this.where.serverUrl, this.where.room, this.doc, {
      params: this.where.params ?? {},
      WebSocketPolyfill: deflate ? WebSocket : NoDeflateWebSocket,
      disableBc: true // clients of different people do not share a BroadcastChannel
    })
    this.provider.awareness.setLocalStateField('user', { name: this.name })
    this.provider.on('connection-close', (event) => {
      if (!this.closedByUs) countError(`close-${event?.code ?? 'unknown'}`)
    })
    this.provider.on('connection-error', () => countError('connection-error'))
    this.doc.on('afterTransaction', (tr) => { if (!tr.local) this.received(tr) })
    return new Promise((resolve) => {
      const timer = setTimeout(() => { countError('sync-timeout'); resolve(false) }, CONNECT_TIMEOUT_MS)
      this.provider.once('sync', () => {
        clearTimeout(timer)
        connectTimes.push(now() - started)
        resolve(true)
      })
    })
  }

  received (tr) {
    const at = now()
    tr.afterState.forEach((after, client) => {
      const before = tr.beforeState.get(client) ?? 0
      if (after <= before) return
      const writer = this.peersById.get(client)
      if (writer === undefined || writer === this) return
      let i = this.seen.get(client) ?? 0
      const sent = writer.sent
      while (i < sent.length && sent[i][0] <= after) {
        const sentAt = sent[i][1]
        if (sentAt >= window.open && sentAt < window.close) latencies.push(at - sentAt)
        if (at >= window.open && at < window.close) deliveredInWindow++
        i++
      }
      this.seen.set(client, i)
    })
  }

  notes () {
    const tracks = this.doc.getArray('tracks')
    if (tracks.length === 0) return null
    const track = tracks.get(0)
    const notes = track instanceof Y.Map ? track.get('notes') : null
    return notes instanceof Y.Array ? notes : null
  }

  seedTrack () {
    const tracks = this.doc.getArray('tracks')
    if (tracks.length > 0) return
    const track = new Y.Map()
    this.doc.transact(() => {
      for (const [k, v] of Object.entries({ id: 'load', name: 'Load', instrument: 0, role: 'melody', mute: false, solo: false, gain: 0.8, pan: 0 })) {
        track.set(k, v)
      }
      track.set('notes', new Y.Array())
      tracks.push([track])
    })
  }

  insert (notes) {
    const note = new Y.Map()
    notes.insert(pick(this.rnd, notes.length + 1), [note])
    note.set('id', `${this.name}-${this.counter++}`)
    note.set('pitch', 36 + pick(this.rnd, 60))
    note.set('start', pick(this.rnd, BARS * 16) * TICKS_PER_SIXTEENTH)
    note.set('duration', (1 + pick(this.rnd, 8)) * TICKS_PER_SIXTEENTH)
    note.set('velocity', 40 + pick(this.rnd, 80))
    this.mine.push(note)
  }

  seedNotes () {
    const notes = this.notes()
    this.doc.transact(() => { while (this.mine.length < ownNotes) this.insert(notes) })
  }

  edit () {
    const notes = this.notes()
    const n = this.edits++
    const sentAt = now()
    this.doc.transact(() => {
      if (this.mine.length === 0 || n % INSERT_EVERY === INSERT_EVERY - 1) {
        this.insert(notes)
      } else {
        const note = this.mine[pick(this.rnd, this.mine.length)]
        if (n % 2 === 0) {
          note.set('start', pick(this.rnd, BARS * 16) * TICKS_PER_SIXTEENTH)
          note.set('pitch', 36 + pick(this.rnd, 60))
        } else {
          note.set('velocity', 40 + pick(this.rnd, 80))
          note.set('duration', (1 + pick(this.rnd, 8)) * TICKS_PER_SIXTEENTH)
        }
      }
    })
    this.sent.push([Y.getState(this.doc.store, this.doc.clientID), sentAt])
    if (sentAt >= window.open && sentAt < window.close) editsInWindow++
    if (presence && n % 2 === 0) {
      this.provider.awareness.setLocalStateField('cursor', { tick: pick(this.rnd, BARS * 16) * TICKS_PER_SIXTEENTH, pitch: 36 + pick(this.rnd, 60) })
    }
  }

  startEditing () {
    const period = 1000 / rate
    this.timer = setTimeout(() => {
      this.edit()
      this.timer = setInterval(() => this.edit(), period)
    }, this.rnd() * period) // spread the clients' edits over the period
  }

  stopEditing () {
    clearTimeout(this.timer)
    clearInterval(this.timer)
  }

  close () {
    this.closedByUs = true
    this.provider.destroy()
    this.doc.destroy()
  }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))
async function until (condition, timeoutMs, pollMs = 50) {
  const deadline = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > deadline) return false
    await sleep(pollMs)
  }
  return true
}

const sameState = (room) => {
  const first = Buffer.from(Y.encodeStateVector(room[0].doc))
  return room.every((c) => first.equals(Buffer.from(Y.encodeStateVector(c.doc))))
}

function percentile (sorted, p) {
  if (sorted.length === 0) return 0
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1)])
}

async function main () {
  const rooms = spec.rooms.map((room, r) => room.map((where, c) => new Client(r, c, where, (spec.seed ?? 42) * 1_000_003 + r * 1009 + c)))
  const all = rooms.flat()
  const byId = rooms.map((room) => new Map(room.map((c) => [c.doc.clientID, c])))
  // Each room's first client creates the track, then the others join.
  await Promise.all(rooms.map((room, r) => room[0].connect(byId[r])))
  rooms.forEach((room) => room[0].seedTrack())
  let connected = 0
  for (const room of rooms) {
    const r = rooms.indexOf(room)
    const ok = await Promise.all(room.slice(1).map((c) => c.connect(byId[r])))
    connected += ok.filter(Boolean).length + 1
  }
  if (!await until(() => all.every((c) => c.notes() !== null), 30_000)) throw new Error('some clients never received their room\'s track')
  all.forEach((c) => c.seedNotes())
  if (!await until(() => rooms.every(sameState), drainTimeoutMs)) throw new Error('the rooms did not converge after the first notes')
  log(`connected ${connected}/${all.length}; editing at ${rate}/s per client, presence ${presence ? 'on' : 'off'}, deflate ${deflate ? 'offered' : 'not offered'}`)

  all.forEach((c) => c.startEditing())
  await sleep(spec.warmupSeconds * 1000)
  const cpu0 = process.cpuUsage()
  window = { open: now(), close: Infinity }
  emit({ event: 'window-open' })
  await sleep(spec.measureSeconds * 1000)
  window.close = now()
  emit({ event: 'window-close' })
  const cpu = process.cpuUsage(cpu0)
  all.forEach((c) => c.stopEditing())
  // Nothing in flight at the close of the window may be lost: the undelivered count is the backlog.
  const expected = editsInWindow * (rooms[0].length - 1)
  const drainStart = Date.now()
  const converged = await until(() => rooms.every(sameState), drainTimeoutMs)
  const drainMillis = Date.now() - drainStart
  const convergedRooms = rooms.filter(sameState).length
  const sorted = Float64Array.from(latencies).sort()
  const seconds = (window.close - window.open) / 1e6
  const toolCpuMicros = cpu.user + cpu.system
  emit({
    event: 'result',
    latencyCount: sorted.length,
    expectedDeliveries: expected,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: percentile(sorted, 100),
    deliveredPerSecond: deliveredInWindow / seconds,
    editsSentPerSecond: editsInWindow / seconds,
    connectCount: connectTimes.length,
    connectP50: percentile(Float64Array.from(connectTimes).sort(), 50),
    connectP99: percentile(Float64Array.from(connectTimes).sort(), 99),
    errors,
    toolCpuPercent: toolCpuMicros / 1e4 / seconds,
    toolCpuMicrosPerDelivery: deliveredInWindow > 0 ? toolCpuMicros / deliveredInWindow : 0,
    converged,
    convergence: converged
      ? `all ${rooms.length} rooms converged (drained in ${drainMillis} ms)`
      : `${convergedRooms}/${rooms.length} rooms converged after ${drainTimeoutMs} ms`
  })
  all.forEach((c) => c.close())
  setTimeout(() => process.exit(0), 200)
}

main().catch((e) => {
  log(`failed: ${e.message}`)
  process.exit(1)
})
