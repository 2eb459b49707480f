// CRDT benchmarks B1, B2 and B4 of dmonad/crdt-benchmarks on the real yjs, the reference side of
// scripts/crdt-bench.sh (the Java side is org.ensemble.protocol.bench.CrdtBenchmark; both measure
// the same things the same way, see the README's "CRDT benchmarks" section).
//
// Usage: node --expose-gc crdt-bench.mjs --task B1.1[,B2.4,...] [--repeat 5] [--trace FILE]
// Prints one JSON object per task on stdout; nothing else goes to stdout. The B4 trace defaults to
// ../shared/data/editing-trace/automerge-paper.json.gz relative to the repository root.

import * as fs from 'node:fs'
import { fileURLToPath } from 'node:url'
import { createHash } from 'node:crypto'
import { performance } from 'node:perf_hooks'
import * as Y from 'yjs'
import {
  ALL_TASK_IDS, B1_TASKS, B2_TASKS, B4_TASK, generateRandomTasks, readEditingTrace, inputDigest
} from './crdt-bench-inputs.mjs'

const WRITER_ID = 0x10000001 // 5-byte varint, like most random Yjs client ids
const PEER_ID = 0x10000002
const LOADER_ID = 0x10000003
const MEMORY_SAMPLES = 3
const DEFAULT_TRACE = fileURLToPath(new URL('../../../../../shared/data/editing-trace/automerge-paper.json.gz', import.meta.url))

const fail = message => { console.error(`crdt-bench.mjs: ${message}`); process.exit(2) }

const parseArgs = argv => {
  const opts = { tasks: [], repeat: 5, trace: DEFAULT_TRACE }
  for (let i = 0; i < argv.length; i++) {
    const value = () => argv[++i] ?? fail(`${argv[i - 1]} needs a value`)
    switch (argv[i]) {
      case '--task': case '--tasks': opts.tasks.push(...value().split(',').filter(Boolean)); break
      case '--repeat': opts.repeat = Number.parseInt(value(), 10); break
      case '--trace': opts.trace = value(); break
      default: fail(`unknown argument ${argv[i]}`)
    }
  }
  if (!(opts.repeat >= 1)) fail('--repeat must be a positive integer')
  for (const t of opts.tasks) if (!ALL_TASK_IDS.includes(t)) fail(`unknown task ${t} (known: ${ALL_TASK_IDS.join(' ')})`)
  if (opts.tasks.length === 0) fail('no --task given')
  if (opts.tasks.includes('B4') && !fs.existsSync(opts.trace)) fail(`B4 needs the editing trace, not found: ${opts.trace} (use --trace FILE)`)
  return opts
}

if (typeof global.gc !== 'function') fail('run with node --expose-gc (memory is measured after a full GC)')
const gc = () => { global.gc(); global.gc() }
const heapUsed = () => { gc(); return process.memoryUsage().heapUsed }
/** CPU time of the whole process (V8's compiler and GC threads too) since `start`, in ms. */
const cpuMillisSince = start => { const d = process.cpuUsage(start); return (d.user + d.system) / 1000 }
const sha256 = bytes => createHash('sha256').update(bytes).digest('hex')

/** A doc as the suite's yjs factory makes it: the three roots and an updateV2 listener. */
const createDoc = (clientId, onUpdate = () => {}) => {
  const doc = new Y.Doc()
  doc.clientID = clientId
  doc.on('updateV2', update => onUpdate(update))
  return { doc, array: doc.getArray('array'), map: doc.getMap('map'), text: doc.getText('text') }
}

const applyOp = (d, op) => {
  if (op.t === 'ins') d.text.insert(op.i, op.s)
  else if (op.t === 'del') d.text.delete(op.i, op.n)
  else d.array.insert(op.i, op.v)
}

const sameArray = (a, b) => a.length === b.length && a.every((x, i) => x === b[i])

/** What a replica holds, compared with the task's expectation; null when right, else why not. */
const contentProblem = (d, task) => {
  if (task.kind === 'b1' && task.root === 'array') {
    return sameArray(d.array.toArray(), task.expected) ? null : 'array differs from the expected numbers'
  }
  return d.text.toString() === task.expected ? null : 'text differs from the expected text'
}

/** B1: doc1 applies every step (one transaction per op), then doc2 applies doc1's updates. */
const runB1 = task => {
  const updates = []
  const d2 = createDoc(PEER_ID)
  const d1 = createDoc(WRITER_ID, u => updates.push(u))
  gc()
  const start = performance.now()
  const cpuStart = process.cpuUsage()
  for (const step of task.steps) for (const op of step) applyOp(d1, op)
  for (const u of updates) Y.applyUpdateV2(d2.doc, u)
  const problem = contentProblem(d1, task) ?? contentProblem(d2, task)
  const timeMs = performance.now() - start
  const cpuMs = cpuMillisSince(cpuStart)
  const updateBytes = updates.reduce((a, u) => a + u.length, 0)
  return {
    d1, timeMs, cpuMs, problem, updates: updates.length, updateBytes,
    suiteUpdateSize: Math.round(updateBytes / task.steps.length)
  }
}

/** B2: two synced docs; each applies its ops in one transaction, forwarded at once (mutex). */
const runB2 = task => {
  let token = true
  let updateBytes = 0
  let updates = 0
  const forward = (to, u) => {
    if (!token) return // the update is being applied by the other doc: do not echo it back
    token = false
    try { updates++; updateBytes += u.length; Y.applyUpdateV2(to.doc, u) } finally { token = true }
  }
  let d2 = null
  const d1 = createDoc(WRITER_ID, u => forward(d2, u))
  d2 = createDoc(PEER_ID, u => forward(d1, u))
  d1.text.insert(0, task.initText)
  gc()
  const start = performance.now()
  const cpuStart = process.cpuUsage()
  d1.doc.transact(() => { for (const op of task.user1) applyOp(d1, op) })
  d2.doc.transact(() => { for (const op of task.user2) applyOp(d2, op) })
  const text1 = d1.text.toString()
  const text2 = d2.text.toString()
  const problem = text1 !== text2 ? 'the two users did not converge'
    : task.expectedLength !== null && text1.length !== task.expectedLength ? `length ${text1.length} != ${task.expectedLength}` : null
  const timeMs = performance.now() - start
  const cpuMs = cpuMillisSince(cpuStart)
  task.expected = text2 // what a loaded copy must hold
  return { d1, timeMs, cpuMs, problem, updates, updateBytes, suiteUpdateSize: Math.round(updateBytes / 2) }
}

/** B4: one client replays the trace, one transaction per edit, then reads the text. */
const runB4 = task => {
  const d1 = createDoc(WRITER_ID)
  gc()
  const start = performance.now()
  const cpuStart = process.cpuUsage()
  for (const op of task.ops) applyOp(d1, op)
  const problem = contentProblem(d1, task)
  const timeMs = performance.now() - start
  const cpuMs = cpuMillisSince(cpuStart)
  return { d1, timeMs, cpuMs, problem, updates: task.ops.length, updateBytes: null, suiteUpdateSize: null }
}

const timeLoad = (bytes, v2) => {
  gc()
  const start = performance.now()
  const d = createDoc(LOADER_ID)
  if (v2) Y.applyUpdateV2(d.doc, bytes)
  else Y.applyUpdate(d.doc, bytes)
  return { d, ms: performance.now() - start }
}

let keepAlive = null // holds the loaded doc while its memory is measured

const memoryOfLoadedDoc = bytes => {
  const base = heapUsed()
  keepAlive = createDoc(LOADER_ID)
  Y.applyUpdateV2(keepAlive.doc, bytes)
  const used = heapUsed() - base
  keepAlive = null
  return used
}

const runOnce = task => {
  const run = task.kind === 'b1' ? runB1(task) : task.kind === 'b2' ? runB2(task) : runB4(task)
  let start = performance.now()
  const v2 = Y.encodeStateAsUpdateV2(run.d1.doc)
  const encodeMs = performance.now() - start
  start = performance.now()
  const v1 = Y.encodeStateAsUpdate(run.d1.doc)
  const encodeV1Ms = performance.now() - start
  run.d1 = null
  const loadV2 = timeLoad(v2, true)
  const loadProblem = contentProblem(loadV2.d, task)
  const loadV1 = timeLoad(v1, false)
  const loadV1Problem = contentProblem(loadV1.d, task)
  const memBytes = []
  for (let i = 0; i < MEMORY_SAMPLES; i++) memBytes.push(memoryOfLoadedDoc(v2))
  return {
    timeMs: run.timeMs, cpuMs: run.cpuMs, encodeMs, encodeV1Ms, loadMs: loadV2.ms, loadV1Ms: loadV1.ms, memBytes,
    updates: run.updates, updateBytes: run.updateBytes, suiteUpdateSize: run.suiteUpdateSize,
    problem: run.problem ?? (loadProblem && `loaded v2: ${loadProblem}`) ?? (loadV1Problem && `loaded v1: ${loadV1Problem}`),
    docSizeV1: v1.length, docSizeV2: v2.length, sha256V1: sha256(v1), sha256V2: sha256(v2)
  }
}

const median = xs => {
  const s = xs.slice().sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}

const main = () => {
  const opts = parseArgs(process.argv.slice(2))
  const names = new Map([...B1_TASKS, ...B2_TASKS, B4_TASK])
  const random = generateRandomTasks()
  const yjsVersion = JSON.parse(fs.readFileSync(new URL('./node_modules/yjs/package.json', import.meta.url))).version
  for (const id of opts.tasks) {
    const task = id === 'B4' ? readEditingTrace(opts.trace) : random.get(id)
    const runs = []
    for (let r = 0; r < opts.repeat; r++) runs.push(runOnce(task))
    const first = runs[0]
    const col = key => runs.map(r => r[key])
    const problems = [...new Set(runs.map(r => r.problem).filter(Boolean))]
    const unstable = ['sha256V1', 'sha256V2'].filter(k => new Set(col(k)).size > 1)
    if (unstable.length) problems.push(`encoding differs between repetitions (${unstable.join(', ')})`)
    console.log(JSON.stringify({
      impl: 'yjs', version: yjsVersion, runtime: `node ${process.version}`,
      task: id, name: names.get(id), repeat: opts.repeat, inputSha256: inputDigest(task),
      ok: problems.length === 0, problems,
      timeMs: col('timeMs'), cpuMs: col('cpuMs'), encodeMs: col('encodeMs'), encodeV1Ms: col('encodeV1Ms'),
      loadMs: col('loadMs'), loadV1Ms: col('loadV1Ms'), memBytes: runs.map(r => median(r.memBytes)),
      updates: first.updates, updateBytes: first.updateBytes, suiteUpdateSize: first.suiteUpdateSize,
      docSizeV1: first.docSizeV1, docSizeV2: first.docSizeV2, sha256V1: first.sha256V1, sha256V2: first.sha256V2
    }))
  }
}

main()
