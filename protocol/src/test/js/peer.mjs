// Differential Yjs peer for the Java compatibility tests.
//
// Protocol: one JSON request per line on stdin, exactly one JSON response per line on
// stdout (in order). Nothing else is written to stdout; diagnostics go to stderr.
// A request that fails gets {"error": "<message>"}; the process never exits because of a
// bad request. See README.md for the list of requests.

import * as readline from 'node:readline'
import * as Y from 'yjs'
import * as encoding from 'lib0/encoding'
import * as decoding from 'lib0/decoding'
import * as syncProtocol from 'y-protocols/sync'
import * as awarenessProtocol from 'y-protocols/awareness'
import { toTaggedJSON, fromTagged, fromBase64, toBase64 } from './tagged-json.mjs'

// Yjs (or anything else) must never write to stdout: it carries the protocol.
console.log = (...args) => console.error(...args)
console.info = (...args) => console.error(...args)
console.debug = (...args) => console.error(...args)

/** @type {Map<string, {doc: Y.Doc, captured: Array<Uint8Array>|null}>} */
const docs = new Map()

const fail = message => { throw new Error(message) }

const str = (v, what) => typeof v === 'string' ? v : fail(`${what} must be a string`)
const int = (v, what) => Number.isInteger(v) ? v : fail(`${what} must be an integer`)
const bool = (v, def) => v === undefined || v === null ? def : (typeof v === 'boolean' ? v : fail('flag must be a boolean'))
const bytes = (v, what) => fromBase64(str(v, what))
const b64 = u8 => toBase64(u8)

const getEntry = name => docs.get(str(name, 'doc')) || fail(`unknown doc: ${name}`)

const getRoot = (doc, name, kind) => {
  str(name, 'root name')
  switch (kind) {
    case 'map': return doc.getMap(name)
    case 'array': return doc.getArray(name)
    case 'text': return doc.getText(name)
    case 'xmlFragment': return doc.getXmlFragment(name)
    case 'xmlElement': return doc.getXmlElement(name)
    default: return fail(`unknown root kind: ${kind}`)
  }
}

/** Nested shared types for {"$type": ...} values (only allowed as a whole value). */
const newType = tag => {
  switch (tag.$type) {
    case 'map': return new Y.Map()
    case 'array': return new Y.Array()
    case 'text': return new Y.Text()
    default: return fail(`unknown $type: ${tag.$type}`)
  }
}

const isTypeTag = v => v !== null && typeof v === 'object' && !Array.isArray(v) && Object.prototype.hasOwnProperty.call(v, '$type')

/** A value to insert: tagged JSON, or {"$type": ...} for a new nested shared type. */
const toValue = v => isTypeTag(v) ? newType(v) : fromTagged(v)

const toAttributes = v => {
  if (v === undefined || v === null) return null
  if (typeof v !== 'object' || Array.isArray(v)) fail('attributes must be an object or null')
  return fromTagged(v)
}

const resolveTarget = (doc, target) => {
  if (target === null || typeof target !== 'object') fail('target must be an object')
  let type = getRoot(doc, target.root, target.kind)
  const p = target.path === undefined || target.path === null ? [] : target.path
  if (!Array.isArray(p)) fail('target.path must be an array')
  for (const el of p) {
    let next
    if (typeof el === 'string') {
      if (!(type instanceof Y.Map)) fail(`path element ${JSON.stringify(el)}: parent is not a map`)
      next = type.get(el)
    } else if (Number.isInteger(el)) {
      if (!(type instanceof Y.Array) && !(type instanceof Y.XmlFragment)) fail(`path element ${el}: parent is not an array`)
      next = type.get(el)
    } else {
      fail('path elements must be strings or integers')
    }
    if (!(next instanceof Y.AbstractType)) fail(`path element ${JSON.stringify(el)} does not lead to a shared type`)
    type = next
  }
  return type
}

const as = (type, ctor, what) => type instanceof ctor ? type : fail(`target is not a ${what}`)

const actions = {
  mapSet: (doc, a) => as(resolveTarget(doc, a.target), Y.Map, 'map').set(str(a.key, 'key'), toValue(a.value)),
  mapDelete: (doc, a) => as(resolveTarget(doc, a.target), Y.Map, 'map').delete(str(a.key, 'key')),
  arrayInsert: (doc, a) => {
    if (!Array.isArray(a.values)) fail('values must be an array')
    as(resolveTarget(doc, a.target), Y.Array, 'array').insert(int(a.index, 'index'), a.values.map(toValue))
  },
  arrayPush: (doc, a) => {
    if (!Array.isArray(a.values)) fail('values must be an array')
    as(resolveTarget(doc, a.target), Y.Array, 'array').push(a.values.map(toValue))
  },
  arrayDelete: (doc, a) => as(resolveTarget(doc, a.target), Y.Array, 'array').delete(int(a.index, 'index'), int(a.length, 'length')),
  textInsert: (doc, a) => {
    const t = as(resolveTarget(doc, a.target), Y.Text, 'text')
    const attrs = toAttributes(a.attributes)
    if (attrs === null) t.insert(int(a.index, 'index'), str(a.text, 'text'))
    else t.insert(int(a.index, 'index'), str(a.text, 'text'), attrs)
  },
  textInsertEmbed: (doc, a) => {
    const t = as(resolveTarget(doc, a.target), Y.Text, 'text')
    if (a.embed === null || typeof a.embed !== 'object' || Array.isArray(a.embed)) fail('embed must be an object')
    const attrs = toAttributes(a.attributes)
    if (attrs === null) t.insertEmbed(int(a.index, 'index'), toValue(a.embed))
    else t.insertEmbed(int(a.index, 'index'), toValue(a.embed), attrs)
  },
  textDelete: (doc, a) => as(resolveTarget(doc, a.target), Y.Text, 'text').delete(int(a.index, 'index'), int(a.length, 'length')),
  textFormat: (doc, a) => {
    const attrs = toAttributes(a.attributes) || fail('attributes must be an object')
    as(resolveTarget(doc, a.target), Y.Text, 'text').format(int(a.index, 'index'), int(a.length, 'length'), attrs)
  },
  textApplyDelta: (doc, a) => {
    const t = as(resolveTarget(doc, a.target), Y.Text, 'text')
    if (!Array.isArray(a.delta)) fail('delta must be an array')
    const delta = a.delta.map(op => {
      if (op === null || typeof op !== 'object' || Array.isArray(op)) fail('delta ops must be objects')
      const out = {}
      if (op.insert !== undefined) out.insert = toValue(op.insert)
      if (op.retain !== undefined) out.retain = int(op.retain, 'retain')
      if (op.delete !== undefined) out.delete = int(op.delete, 'delete')
      const attrs = toAttributes(op.attributes)
      if (attrs !== null) out.attributes = attrs
      return out
    })
    t.applyDelta(delta, { sanitize: bool(a.sanitize, true) })
  }
}

const rootsJson = (doc, roots) => {
  if (roots === null || typeof roots !== 'object' || Array.isArray(roots)) fail('roots must be an object {name: kind}')
  const json = {}
  const delta = {}
  for (const [name, kind] of Object.entries(roots)) {
    const type = getRoot(doc, name, kind)
    json[name] = type.toJSON()
    if (kind === 'text') delta[name] = type.toDelta()
  }
  return { json, delta }
}

const dump = (doc, roots) => {
  const { json, delta } = rootsJson(doc, roots)
  return {
    json,
    delta,
    sv: b64(Y.encodeStateVector(doc)),
    update: b64(Y.encodeStateAsUpdate(doc)),
    updateV2: b64(Y.encodeStateAsUpdateV2(doc)),
    pending: { hasPendingStructs: doc.store.pendingStructs !== null, hasPendingDeleteSet: doc.store.pendingDs !== null }
  }
}

const svToObject = sv => {
  const o = {}
  for (const [client, clock] of sv) o[client] = clock
  return o
}

const newDoc = (clientId, gc) => {
  const doc = new Y.Doc({ gc, guid: `peer-${clientId}` })
  doc.clientID = clientId
  return doc
}

const updatesOf = req => {
  if (!Array.isArray(req.updates)) fail('updates must be an array of base64 strings')
  return req.updates.map((u, i) => bytes(u, `updates[${i}]`))
}

const ops = {
  ping: () => ({}),
  reset: () => {
    docs.forEach(e => e.doc.destroy())
    docs.clear()
    return {}
  },
  create: req => {
    const name = str(req.doc, 'doc')
    if (docs.has(name)) fail(`doc already exists: ${name}`)
    const clientId = int(req.clientId, 'clientId')
    if (clientId < 0 || clientId > 0xFFFFFFFF) fail('clientId must be a uint32')
    const entry = { doc: newDoc(clientId, bool(req.gc, true)), captured: null }
    entry.doc.on('update', update => { if (entry.captured !== null) entry.captured.push(update) })
    docs.set(name, entry)
    return {}
  },
  apply: req => {
    const { doc } = getEntry(req.doc)
    const update = bytes(req.update, 'update')
    if (bool(req.v2, false)) Y.applyUpdateV2(doc, update)
    else Y.applyUpdate(doc, update)
    return {}
  },
  edit: req => {
    const entry = getEntry(req.doc)
    if (!Array.isArray(req.actions)) fail('actions must be an array')
    entry.captured = []
    try {
      entry.doc.transact(() => {
        req.actions.forEach((a, i) => {
          if (a === null || typeof a !== 'object') fail(`actions[${i}] must be an object`)
          const fn = Object.prototype.hasOwnProperty.call(actions, a.type) ? actions[a.type] : fail(`actions[${i}]: unknown action type: ${a.type}`)
          try {
            fn(entry.doc, a)
          } catch (e) {
            throw new Error(`actions[${i}] (${a.type}): ${e && e.message ? e.message : e}`)
          }
        })
      })
    } catch (e) {
      // the transaction was still committed; report what it emitted
      const updates = entry.captured.map(b64)
      entry.captured = null
      const err = new Error(e && e.message ? e.message : String(e))
      if (updates.length > 0) err.updates = updates
      throw err
    }
    const updates = entry.captured.map(b64)
    entry.captured = null
    return { updates }
  },
  state: req => dump(getEntry(req.doc).doc, req.roots),
  encodeStateAsUpdate: req => {
    const { doc } = getEntry(req.doc)
    const sv = req.sv === undefined || req.sv === null ? undefined : bytes(req.sv, 'sv')
    return { update: b64(bool(req.v2, false) ? Y.encodeStateAsUpdateV2(doc, sv) : Y.encodeStateAsUpdate(doc, sv)) }
  },
  encodeStateVector: req => ({ sv: b64(Y.encodeStateVector(getEntry(req.doc).doc)) }),
  applyAndDump: req => {
    const clientId = req.clientId === undefined || req.clientId === null ? 1 : int(req.clientId, 'clientId')
    const doc = newDoc(clientId, bool(req.gc, true))
    try {
      const v2 = bool(req.v2, false)
      for (const u of updatesOf(req)) {
        if (v2) Y.applyUpdateV2(doc, u)
        else Y.applyUpdate(doc, u)
      }
      return dump(doc, req.roots)
    } finally {
      doc.destroy()
    }
  },
  mergeUpdates: req => {
    const updates = updatesOf(req)
    return { update: b64(bool(req.v2, false) ? Y.mergeUpdatesV2(updates) : Y.mergeUpdates(updates)) }
  },
  diffUpdate: req => {
    const update = bytes(req.update, 'update')
    const sv = bytes(req.sv, 'sv')
    return { update: b64(bool(req.v2, false) ? Y.diffUpdateV2(update, sv) : Y.diffUpdate(update, sv)) }
  },
  encodeStateVectorFromUpdate: req => {
    const update = bytes(req.update, 'update')
    return { sv: b64(bool(req.v2, false) ? Y.encodeStateVectorFromUpdateV2(update) : Y.encodeStateVectorFromUpdate(update)) }
  },
  convertV1ToV2: req => ({ update: b64(Y.convertUpdateFormatV1ToV2(bytes(req.update, 'update'))) }),
  convertV2ToV1: req => ({ update: b64(Y.convertUpdateFormatV2ToV1(bytes(req.update, 'update'))) }),
  writeSyncStep1: req => {
    const { doc } = getEntry(req.doc)
    const encoder = encoding.createEncoder()
    syncProtocol.writeSyncStep1(encoder, doc)
    return { message: b64(encoding.toUint8Array(encoder)) }
  },
  readSyncMessage: req => {
    const { doc } = getEntry(req.doc)
    const encoder = encoding.createEncoder()
    let failure = null
    const type = syncProtocol.readSyncMessage(decoding.createDecoder(bytes(req.message, 'message')), encoder, doc,
      req.origin === undefined ? 'peer' : req.origin, e => { failure = e })
    if (failure !== null) fail(`y-protocols could not apply the update: ${failure && failure.message ? failure.message : failure}`)
    return { type, reply: b64(encoding.toUint8Array(encoder)) }
  },
  awarenessApply: req => {
    const clientId = int(req.clientId, 'clientId')
    if (!Array.isArray(req.updates)) fail('updates must be an array of base64 strings')
    const origin = req.origin === undefined ? 'peer' : req.origin
    const doc = newDoc(clientId, true)
    const awareness = new awarenessProtocol.Awareness(doc)
    try {
      const events = []
      awareness.on('change', ({ added, updated, removed }, o) => events.push({ event: 'change', added, updated, removed, origin: o }))
      awareness.on('update', ({ added, updated, removed }, o) => events.push({ event: 'update', added, updated, removed, origin: o }))
      req.updates.forEach((u, i) => awarenessProtocol.applyAwarenessUpdate(awareness, bytes(u, `updates[${i}]`), origin))
      return {
        events: events.slice(),
        states: Array.from(awareness.getStates().entries()).map(([id, state]) => [id, JSON.stringify(state)]),
        clocks: Array.from(awareness.meta.entries()).map(([id, meta]) => [id, meta.clock]),
        encoded: b64(awarenessProtocol.encodeAwarenessUpdate(awareness, Array.from(awareness.meta.keys())))
      }
    } finally {
      awareness.destroy()
      doc.destroy()
    }
  },
  parseUpdateMeta: req => {
    const update = bytes(req.update, 'update')
    const meta = bool(req.v2, false) ? Y.parseUpdateMetaV2(update) : Y.parseUpdateMeta(update)
    return { from: svToObject(meta.from), to: svToObject(meta.to) }
  }
}

const handle = line => {
  let req
  try {
    req = JSON.parse(line)
  } catch (e) {
    return { error: `invalid JSON: ${e.message}` }
  }
  try {
    if (req === null || typeof req !== 'object' || Array.isArray(req)) fail('request must be a JSON object')
    const op = Object.prototype.hasOwnProperty.call(ops, req.op) ? ops[req.op] : fail(`unknown op: ${req.op}`)
    return op(req)
  } catch (e) {
    const res = { error: e && e.message ? e.message : String(e) }
    if (e && e.updates) res.updates = e.updates
    return res
  }
}

const respond = res => {
  let out
  try {
    out = toTaggedJSON(res)
  } catch (e) {
    out = JSON.stringify({ error: `could not serialise response: ${e && e.message ? e.message : e}` })
  }
  process.stdout.write(out + '\n')
}

process.on('uncaughtException', e => { console.error('peer: uncaught exception', e) })
process.on('unhandledRejection', e => { console.error('peer: unhandled rejection', e) })

const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity, terminal: false })
rl.on('line', line => {
  if (line.trim() === '') return
  respond(handle(line))
})
rl.on('close', () => { process.exitCode = 0 })
console.error('peer: ready')
