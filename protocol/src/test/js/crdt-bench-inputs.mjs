// The operations of the CRDT benchmarks B1, B2 and B4 of dmonad/crdt-benchmarks, as plain data.
//
// B1/B2 inputs come from lib0's seeded PRNG exactly as the suite draws them: one generator
// `prng.create(42)`, consumed in the suite's order (the 100-letter B2 start text first, because
// the suite draws it when its b2.js module loads, then B1.1 ... B1.11, then B2.1 ... B2.4).
// Every input is always generated in that order, whichever tasks run, so a task gets the same
// operations alone as in a full run. The Java side (org.ensemble.protocol.bench.BenchInputs)
// ports the generator and draws the same sequence; `inputDigest` proves it.
//
// Op shapes: {t: 'ins', i, s} text insert, {t: 'del', i, n} text delete,
// {t: 'arr', i, v: [numbers]} array insert. Each op is one transaction unless the task
// says otherwise.

import * as fs from 'node:fs'
import * as zlib from 'node:zlib'
import { createHash } from 'node:crypto'
import * as prng from 'lib0/prng'

export const N = 6000
export const SEED = 42

const ins = (i, s) => ({ t: 'ins', i, s })
const del = (i, n) => ({ t: 'del', i, n })
const arr = (i, v) => ({ t: 'arr', i, v })

/** The B1 tasks in suite order: [id, name]. */
export const B1_TASKS = [
  ['B1.1', '[B1.1] Append N characters'],
  ['B1.2', '[B1.2] Insert string of length N'],
  ['B1.3', '[B1.3] Prepend N characters'],
  ['B1.4', '[B1.4] Insert N characters at random positions'],
  ['B1.5', '[B1.5] Insert N words at random positions'],
  ['B1.6', '[B1.6] Insert string, then delete it'],
  ['B1.7', '[B1.7] Insert/Delete strings at random positions'],
  ['B1.8', '[B1.8] Append N numbers'],
  ['B1.9', '[B1.9] Insert Array of N numbers'],
  ['B1.10', '[B1.10] Prepend N numbers'],
  ['B1.11', '[B1.11] Insert N numbers at random positions']
]

export const B2_TASKS = [
  ['B2.1', '[B2.1] Concurrently insert string of length N at index 0'],
  ['B2.2', '[B2.2] Concurrently insert N characters at random positions'],
  ['B2.3', '[B2.3] Concurrently insert N words at random positions'],
  ['B2.4', '[B2.4] Concurrently insert & delete']
]

export const B4_TASK = ['B4', '[B4] Apply real-world editing dataset']

export const ALL_TASK_IDS = [...B1_TASKS, ...B2_TASKS, B4_TASK].map(([id]) => id)

const splice = (str, index, insert, deleteCount = 0) =>
  str.slice(0, index) + insert + str.slice(index + deleteCount)

const randomNumbers = gen => Array.from({ length: N }, () => prng.uint32(gen, 0, 0x7fffffff))

/**
 * All B1 and B2 tasks, generated in the suite's order.
 * B1 task: {kind: 'b1', root: 'text'|'array', steps: [[op, ...], ...], expected}; each op of a
 * step is its own transaction, `avgUpdateSize` divides by the number of steps.
 * B2 task: {kind: 'b2', initText, user1: [op], user2: [op], expectedLength|null}; each user's
 * ops are one transaction.
 */
export const generateRandomTasks = () => {
  const gen = prng.create(SEED)
  const initText = prng.word(gen, 100, 100)
  const tasks = new Map()
  const b1 = (id, root, steps, expected) => tasks.set(id, { kind: 'b1', root, steps, expected })

  let s = prng.word(gen, N, N)
  b1('B1.1', 'text', s.split('').map((c, i) => [ins(i, c)]), s)
  s = prng.word(gen, N, N)
  b1('B1.2', 'text', [[ins(0, s)]], s)
  s = prng.word(gen, N, N)
  b1('B1.3', 'text', s.split('').reverse().map(c => [ins(0, c)]), s)
  for (const [id, min, max] of [['B1.4', 1, 1], ['B1.5', 2, 10]]) {
    let str = ''
    const steps = []
    for (let i = 0; i < N; i++) {
      const index = prng.int32(gen, 0, str.length)
      const insert = prng.word(gen, min, max)
      str = splice(str, index, insert)
      steps.push([ins(index, insert)])
    }
    b1(id, 'text', steps, str)
  }
  s = prng.word(gen, N, N)
  b1('B1.6', 'text', [[ins(0, s), del(0, s.length)]], '')
  {
    let str = ''
    const steps = []
    for (let i = 0; i < N; i++) {
      const index = prng.uint32(gen, 0, str.length)
      if (str.length === index || prng.bool(gen)) {
        const insert = prng.word(gen, 2, 10)
        str = splice(str, index, insert)
        steps.push([ins(index, insert)])
      } else {
        const deleteCount = prng.uint32(gen, 1, Math.min(9, str.length - index))
        str = splice(str, index, '', deleteCount)
        steps.push([del(index, deleteCount)])
      }
    }
    b1('B1.7', 'text', steps, str)
  }
  let numbers = randomNumbers(gen)
  b1('B1.8', 'array', numbers.map((x, i) => [arr(i, [x])]), numbers)
  numbers = randomNumbers(gen)
  b1('B1.9', 'array', [[arr(0, numbers)]], numbers)
  numbers = randomNumbers(gen)
  b1('B1.10', 'array', numbers.map(x => [arr(0, [x])]), numbers.slice().reverse())
  {
    const list = []
    const steps = []
    for (let i = 0; i < N; i++) {
      const index = prng.uint32(gen, 0, list.length)
      const insert = prng.uint32(gen, 0, 0x7fffffff)
      list.splice(index, 0, insert)
      steps.push([arr(index, [insert])])
    }
    b1('B1.11', 'array', steps, list)
  }

  const b2 = (id, user1, user2, expectedLength) =>
    tasks.set(id, { kind: 'b2', initText, user1, user2, expectedLength })
  b2('B2.1', [ins(0, prng.word(gen, N, N))], [ins(0, prng.word(gen, N, N))], 2 * N + 100)
  const randomInserts = (min, max) => {
    let str = initText
    const ops = []
    for (let i = 0; i < N; i++) {
      const index = prng.uint32(gen, 0, str.length)
      const insert = prng.word(gen, min, max)
      str = splice(str, index, insert)
      ops.push(ins(index, insert))
    }
    return ops
  }
  {
    const user1 = randomInserts(1, 1)
    b2('B2.2', user1, randomInserts(1, 1), 2 * N + 100)
  }
  {
    const user1 = randomInserts(3, 9)
    b2('B2.3', user1, randomInserts(3, 9), null)
  }
  const insertsAndDeletes = () => {
    let str = initText
    const ops = []
    for (let i = 0; i < N; i++) {
      const index = prng.uint32(gen, 0, str.length)
      const insert = prng.word(gen, 3, 9)
      str = splice(str, index, insert)
      ops.push(ins(index, insert))
      if (str.length === index || prng.bool(gen)) {
        const insert2 = prng.word(gen, 2, 10)
        str = splice(str, index, insert2)
        ops.push(ins(index, insert2))
      } else {
        const deleteCount = prng.uint32(gen, 1, Math.min(9, str.length - index))
        str = splice(str, index, '', deleteCount)
        ops.push(del(index, deleteCount))
      }
    }
    return ops
  }
  {
    const user1 = insertsAndDeletes()
    b2('B2.4', user1, insertsAndDeletes(), null)
  }
  return tasks
}

/**
 * B4: the editing trace (gzipped JSON, see shared/data/editing-trace/README.md) as one op per
 * patch: [pos, del, ins] becomes a delete of `del` then an insert of `ins`, each its own
 * transaction (in this trace every patch is exactly one of the two).
 */
export const readEditingTrace = path => {
  const trace = JSON.parse(zlib.gunzipSync(fs.readFileSync(path)).toString('utf8'))
  const ops = []
  for (const txn of trace.txns) {
    for (const [pos, delCount, insert] of txn.patches) {
      if (delCount > 0) ops.push(del(pos, delCount))
      if (insert.length > 0) ops.push(ins(pos, insert))
    }
  }
  return { kind: 'b4', ops, expected: trace.endContent }
}

const opLine = op => op.t === 'ins' ? `ins ${op.i} ${op.s}`
  : op.t === 'del' ? `del ${op.i} ${op.n}`
    : `arr ${op.i} ${op.v.join(',')}`

/**
 * sha256 of a line-based listing of a task's operations (see opLine; B1 steps end with a line
 * ".", B2 lists "init <text>", "user1", its ops, "user2", its ops). BenchInputs.digest in Java
 * writes the same lines.
 */
export const inputDigest = task => {
  const lines = []
  if (task.kind === 'b1') {
    for (const step of task.steps) {
      for (const op of step) lines.push(opLine(op))
      lines.push('.')
    }
  } else if (task.kind === 'b2') {
    lines.push(`init ${task.initText}`, 'user1', ...task.user1.map(opLine), 'user2', ...task.user2.map(opLine))
  } else {
    for (const op of task.ops) lines.push(opLine(op))
  }
  const hash = createHash('sha256')
  for (const line of lines) hash.update(line + '\n')
  return hash.digest('hex')
}
