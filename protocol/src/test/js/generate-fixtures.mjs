// Regenerates ../resources/fixtures/yjs-13.6.33/ (deleted and recreated on every run).
//
// Usage (from this folder):  npm ci && node generate-fixtures.mjs
//
// Every scenario is a function `build(h)` that creates several Y.Docs with fixed client
// ids through the helper object `h` (see makeHelpers below), edits them, exchanges
// updates between them and returns the list of v1 updates in the order in which they
// are delivered to a fresh observing doc. The source of that function is stored in
// scenario.json ("snippet"). Everything is deterministic: fixed client ids, fixed guids
// and a seeded PRNG (h.rng) instead of Math.random.

import * as fs from 'node:fs'
import * as path from 'node:path'
import { fileURLToPath } from 'node:url'
import * as Y from 'yjs'
import { toTaggedJSON } from './tagged-json.mjs'
import { scenarios as contentScenarios } from './fixture-scenarios-content.mjs'
import { scenarios as deliveryScenarios } from './fixture-scenarios-delivery.mjs'

const scenarios = [...contentScenarios, ...deliveryScenarios]

const YJS_VERSION = '13.6.33'
const here = path.dirname(fileURLToPath(import.meta.url))
const OUT_DIR = path.resolve(here, '..', 'resources', 'fixtures', `yjs-${YJS_VERSION}`)
const OBSERVER_CLIENT_ID = 1

// ---------------------------------------------------------------------------------------
// Helpers handed to every scenario function as `h`
// ---------------------------------------------------------------------------------------

/** Seeded PRNG (mulberry32). Returns an object with float(), int(n), pick(arr). */
const mulberry32 = seed => {
  let a = seed >>> 0
  const float = () => {
    a = (a + 0x6D2B79F5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = n => Math.floor(float() * n)
  return { float, int, pick: arr => arr[int(arr.length)] }
}

const REMOTE = Symbol('remote')

/**
 * h.doc(clientID, opts?)   new Y.Doc with that clientID, guid "<scenario>/<clientID>" and the
 *                          scenario's gc flag (opts override). Every update the doc emits for a
 *                          LOCAL transaction is recorded; updates applied through h.sync/h.send
 *                          are not recorded (they are already recorded at their origin).
 * h.sync(...docs)          exchanges the missing state between all given docs (full mesh).
 * h.send(update, ...docs)  applies one update to the given docs.
 * h.updates()              all recorded local updates so far, in emission order (all docs).
 * h.updatesOf(doc)         the recorded local updates of one doc, in emission order.
 * h.rng(seed)              seeded PRNG: {float(), int(n), pick(array)}.
 * h.gc                     the scenario's gc flag.
 * h.params                 the scenario's params object (also written to scenario.json).
 * h.note(key, value)       records a number/string that ends up in scenario.json "notes".
 */
const makeHelpers = scenario => {
  const log = []
  const perDoc = new Map()
  const notes = {}
  return {
    gc: scenario.gc,
    params: scenario.params || {},
    notes,
    note (key, value) { notes[key] = value },
    doc (clientID, opts = {}) {
      const doc = new Y.Doc({ guid: `${scenario.name}/${clientID}`, gc: scenario.gc, ...opts })
      doc.clientID = clientID
      const mine = []
      perDoc.set(doc, mine)
      doc.on('update', (update, origin) => {
        if (origin !== REMOTE) {
          log.push(update)
          mine.push(update)
        }
      })
      return doc
    },
    sync (...docs) {
      for (const from of docs) {
        for (const to of docs) {
          if (from !== to) {
            Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)), REMOTE)
          }
        }
      }
    },
    send (update, ...docs) {
      for (const d of docs) Y.applyUpdate(d, update, REMOTE)
    },
    updates () { return log.slice() },
    updatesOf (doc) { return (perDoc.get(doc) || []).slice() },
    rng: mulberry32
  }
}

// ---------------------------------------------------------------------------------------
// Scenarios
// ---------------------------------------------------------------------------------------

// ---------------------------------------------------------------------------------------

// ---------------------------------------------------------------------------------------
// Writing a scenario
// ---------------------------------------------------------------------------------------

const getRoot = (doc, name, kind) => {
  switch (kind) {
    case 'map': return doc.getMap(name)
    case 'array': return doc.getArray(name)
    case 'text': return doc.getText(name)
    case 'xmlFragment': return doc.getXmlFragment(name)
    case 'xmlElement': return doc.getXmlElement(name)
    default: throw new Error(`unknown root kind ${kind}`)
  }
}

const svToObject = sv => {
  const o = {}
  for (const [client, clock] of sv) o[client] = clock
  return o
}

const pendingInfo = doc => ({
  hasPendingStructs: doc.store.pendingStructs !== null,
  hasPendingDeleteSet: doc.store.pendingDs !== null
})

const writeJson = (file, value) => fs.writeFileSync(file, toTaggedJSON(value, 2) + '\n')

const writeScenario = scenario => {
  const dir = path.join(OUT_DIR, scenario.name)
  fs.mkdirSync(dir, { recursive: true })
  const h = makeHelpers(scenario)
  const updates = scenario.build(h)
  const updateFiles = updates.map((u, i) => `update-${String(i).padStart(3, '0')}.bin`)
  updates.forEach((u, i) => fs.writeFileSync(path.join(dir, updateFiles[i]), u))

  // the observing doc
  const doc = new Y.Doc({ gc: scenario.gc, guid: `${scenario.name}/observer` })
  doc.clientID = OBSERVER_CLIENT_ID
  const steps = []
  updates.forEach((u, i) => {
    Y.applyUpdate(doc, u)
    steps.push({ update: updateFiles[i], stateVector: svToObject(Y.decodeStateVector(Y.encodeStateVector(doc))), ...pendingInfo(doc) })
  })
  const expected = {}
  const deltas = {}
  for (const [name, kind] of Object.entries(scenario.roots)) {
    const type = getRoot(doc, name, kind)
    expected[name] = type.toJSON()
    if (kind === 'text') deltas[name] = type.toDelta()
  }

  const merged = Y.mergeUpdates(updates)
  const mergedV2 = Y.mergeUpdatesV2(updates.map(u => Y.convertUpdateFormatV1ToV2(u)))
  const half = new Y.Doc({ gc: scenario.gc, guid: `${scenario.name}/half` })
  half.clientID = 2
  updates.slice(0, Math.floor(updates.length / 2)).forEach(u => Y.applyUpdate(half, u))
  const diffSv = Y.encodeStateVector(half)
  const meta = Y.parseUpdateMeta(merged)
  const ds = Y.decodeUpdate(merged).ds
  const deleteSet = {}
  for (const [client, items] of ds.clients) deleteSet[client] = items.map(item => [item.clock, item.len])

  const scenarioJson = {
    name: scenario.name,
    description: scenario.description,
    roots: scenario.roots,
    gc: scenario.gc,
    updates: updateFiles,
    snippet: scenario.build.toString()
  }
  if (scenario.params) scenarioJson.params = scenario.params
  if (Object.keys(h.notes).length > 0) scenarioJson.notes = h.notes
  writeJson(path.join(dir, 'scenario.json'), scenarioJson)
  writeJson(path.join(dir, 'expected.json'), expected)
  if (Object.keys(deltas).length > 0) writeJson(path.join(dir, 'expected-delta.json'), deltas)
  writeJson(path.join(dir, 'steps.json'), steps)
  fs.writeFileSync(path.join(dir, 'state-vector.bin'), Y.encodeStateVector(doc))
  fs.writeFileSync(path.join(dir, 'state-as-update.bin'), Y.encodeStateAsUpdate(doc))
  fs.writeFileSync(path.join(dir, 'state-as-update-v2.bin'), Y.encodeStateAsUpdateV2(doc))
  fs.writeFileSync(path.join(dir, 'merged.bin'), merged)
  fs.writeFileSync(path.join(dir, 'merged-v2.bin'), mergedV2)
  fs.writeFileSync(path.join(dir, 'state-vector-from-update.bin'), Y.encodeStateVectorFromUpdate(merged))
  fs.writeFileSync(path.join(dir, 'diff-sv.bin'), diffSv)
  fs.writeFileSync(path.join(dir, 'diff.bin'), Y.diffUpdate(merged, diffSv))
  // [clock, len] pairs are written on one line each to keep the file small
  fs.writeFileSync(path.join(dir, 'update-meta.json'), toTaggedJSON({ from: svToObject(meta.from), to: svToObject(meta.to), deleteSet }, 2)
    .replace(/\[\n\s+(\d+),\n\s+(\d+)\n\s+\]/g, '[$1, $2]') + '\n')
  writeJson(path.join(dir, 'pending.json'), pendingInfo(doc))

  let size = 0
  for (const f of fs.readdirSync(dir)) size += fs.statSync(path.join(dir, f)).size
  return { name: scenario.name, updates: updates.length, size, pending: pendingInfo(doc), notes: h.notes }
}

const main = () => {
  const names = new Set()
  for (const s of scenarios) {
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(s.name)) throw new Error(`scenario name is not kebab-case: ${s.name}`)
    if (names.has(s.name)) throw new Error(`duplicate scenario name: ${s.name}`)
    names.add(s.name)
  }
  fs.rmSync(OUT_DIR, { recursive: true, force: true })
  fs.mkdirSync(OUT_DIR, { recursive: true })
  let total = 0
  for (const s of scenarios) {
    const r = writeScenario(s)
    total += r.size
    const flags = [r.pending.hasPendingStructs ? 'pendingStructs' : '', r.pending.hasPendingDeleteSet ? 'pendingDs' : ''].filter(x => x).join(',')
    console.error(`${r.name.padEnd(24)} ${String(r.updates).padStart(3)} updates ${String(r.size).padStart(9)} bytes ${flags} ${Object.keys(r.notes).length ? JSON.stringify(r.notes) : ''}`)
  }
  console.error(`total ${total} bytes in ${OUT_DIR}`)
}

main()
