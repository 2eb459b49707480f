// Regenerates ../resources/fixtures/y-protocols-1.0.7/ (deleted and recreated on every run):
// the y-protocols messages (sync, awareness, auth) and the y-websocket framing as the real
// npm packages write them, for the Java tests in org.ensemble.protocol.sync.
//
// Usage (from this folder):  npm ci && node protocol-fixtures.mjs
//
// Everything is deterministic: fixed client ids, fixed states, no randomness; the only clock
// y-protocols reads (Date.now for "lastUpdated") is not recorded. See README.md for the files.

import * as fs from 'node:fs'
import * as path from 'node:path'
import { fileURLToPath } from 'node:url'
import * as Y from 'yjs'
import * as encoding from 'lib0/encoding'
import * as decoding from 'lib0/decoding'
import * as syncProtocol from 'y-protocols/sync'
import * as authProtocol from 'y-protocols/auth'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as yws from 'y-websocket'

const Y_PROTOCOLS_VERSION = '1.0.7'
const Y_WEBSOCKET_VERSION = '3.1.0'
const here = path.dirname(fileURLToPath(import.meta.url))
const OUT_DIR = path.resolve(here, '..', 'resources', 'fixtures', `y-protocols-${Y_PROTOCOLS_VERSION}`)

const installed = name => JSON.parse(fs.readFileSync(path.join(here, 'node_modules', name, 'package.json'), 'utf8')).version
for (const [name, version] of [['y-protocols', Y_PROTOCOLS_VERSION], ['y-websocket', Y_WEBSOCKET_VERSION]]) {
  if (installed(name) !== version) throw new Error(`${name} ${installed(name)} is installed, expected ${version}; run npm ci`)
}

// ---------------------------------------------------------------------------------------
// Output helpers
// ---------------------------------------------------------------------------------------

fs.rmSync(OUT_DIR, { recursive: true, force: true })
const writeBin = (dir, name, bytes) => {
  fs.mkdirSync(path.join(OUT_DIR, dir), { recursive: true })
  fs.writeFileSync(path.join(OUT_DIR, dir, name), bytes)
  return name
}
const writeJson = (dir, name, value) => {
  fs.mkdirSync(path.join(OUT_DIR, dir), { recursive: true })
  fs.writeFileSync(path.join(OUT_DIR, dir, name), JSON.stringify(value, null, 2) + '\n')
}
const newDoc = clientID => {
  const doc = new Y.Doc({ guid: `y-protocols-fixtures/${clientID}` })
  doc.clientID = clientID
  return doc
}
const message = write => {
  const encoder = encoding.createEncoder()
  write(encoder)
  return encoding.toUint8Array(encoder)
}

// ---------------------------------------------------------------------------------------
// constants.json: every wire number, read from the modules that define it
// ---------------------------------------------------------------------------------------

writeJson('.', 'constants.json', {
  versions: { 'y-protocols': Y_PROTOCOLS_VERSION, 'y-websocket': Y_WEBSOCKET_VERSION, yjs: installed('yjs'), lib0: installed('lib0') },
  sync: { step1: syncProtocol.messageYjsSyncStep1, step2: syncProtocol.messageYjsSyncStep2, update: syncProtocol.messageYjsUpdate },
  auth: { permissionDenied: authProtocol.messagePermissionDenied },
  awareness: { outdatedTimeout: awarenessProtocol.outdatedTimeout },
  websocket: { sync: yws.messageSync, awareness: yws.messageAwareness, auth: yws.messageAuth, queryAwareness: yws.messageQueryAwareness }
})

// ---------------------------------------------------------------------------------------
// awareness/: scenarios replayed step by step on a y-protocols Awareness
// ---------------------------------------------------------------------------------------

/**
 * An awareness update written entry by entry, so that clocks, duplicates and the exact JSON text
 * (whitespace, escapes) are under control: entries are [clientID, clock, jsonText].
 */
const rawAwarenessUpdate = entries => message(encoder => {
  encoding.writeVarUint(encoder, entries.length)
  for (const [client, clock, json] of entries) {
    encoding.writeVarUint(encoder, client)
    encoding.writeVarUint(encoder, clock)
    encoding.writeVarString(encoder, json)
  }
})

/** The fixed state transformations that "modify" steps use (the Java test has the same ones). */
const modifiers = {
  identity: state => state,
  nullify: () => null,
  addServerFlag: state => (state !== null && typeof state === 'object' && !Array.isArray(state)) ? { ...state, server: true } : state
}

const UNICODE_STATE = {
  user: { name: 'Zoë 🎹 Ωmega 音楽', color: '#30bced', colorLight: '#30bced33' },
  escapes: 'quote " backslash \\ newline \n tab \t bell \u0007 nul \u0000 del \u007f line-sep \u2028 lone-surrogate \ud800 bom \ufeff',
  numbers: [0, -0, 1, -5, 0.1, 1.5e300, 1e21, 1e-7, 123456789012, 2 ** 53, -(2 ** 31), 2 ** 31, 3.14159],
  nested: { a: [1, [2, [3, { deep: [null, true, false] }]]], empty: {}, emptyList: [], nothing: null },
  keys: { b: 1, 10: 'ten', 2: 'two', a: 4, '': 'empty key', '01': 'not an index' },
  cursor: { anchor: { type: null, tname: 'notes', item: { client: 4294967295, clock: 12 }, assoc: 0 }, head: null }
}

const scenarios = [
  {
    name: 'local-lifecycle',
    description: 'The local state through its life: the initial {} (clock 0) is replaced (change), re-set to an equal object (update only), extended with setLocalStateField, removed twice (y-protocols reports both), set again while removed (setLocalStateField does nothing) and re-added.',
    clientId: 10,
    steps: [
      { op: 'encode', clients: [10] },
      { op: 'setLocalState', state: { user: { name: 'Ada', color: '#ff0000' } } },
      { op: 'setLocalState', state: { user: { name: 'Ada', color: '#ff0000' } } },
      { op: 'setLocalStateField', field: 'cursor', value: { anchor: 1, head: 3 } },
      { op: 'setLocalStateField', field: 'user', value: { name: 'Ada', color: '#00ff00' } },
      { op: 'encode', clients: [10] },
      { op: 'setLocalState', state: null },
      { op: 'encode', clients: [10] },
      { op: 'setLocalState', state: null },
      { op: 'setLocalStateField', field: 'cursor', value: 1 },
      { op: 'setLocalState', state: { back: true } },
      { op: 'encode', clients: [10] }
    ]
  },
  {
    name: 'remote-clock-rules',
    description: 'Remote states and their clocks: a higher clock wins, an equal or lower one is ignored, except that an equal clock with a null state removes a known state. A first state with clock 0 is ignored (the receiver assumes clock 0); a null state for an unknown client records its clock silently, so that the client later shows up as "updated", not "added"; a client re-sent after its removal is "updated" as well.',
    clientId: 1,
    steps: [
      { op: 'apply', origin: 'peer', entries: [[5, 1, '{"a":1}']] },
      { op: 'apply', origin: 'peer', entries: [[5, 1, '{"a":2}']] },
      { op: 'apply', origin: 'peer', entries: [[5, 0, '{"a":3}']] },
      { op: 'apply', origin: 'peer', entries: [[5, 2, ' { "a" : 1 } ']] },
      { op: 'apply', origin: 'peer', entries: [[5, 3, '{"a":2}']] },
      { op: 'apply', origin: 'peer', entries: [[5, 3, 'null']] },
      { op: 'apply', origin: 'peer', entries: [[5, 3, 'null']] },
      { op: 'apply', origin: 'peer', entries: [[5, 4, '{"a":5}']] },
      { op: 'apply', origin: 'peer', entries: [[6, 0, '{"b":1}']] },
      { op: 'apply', origin: 'peer', entries: [[6, 1, 'null']] },
      { op: 'apply', origin: 'peer', entries: [[6, 2, '{"b":1}']] },
      { op: 'apply', origin: 'other peer', entries: [[5, 9, 'null'], [6, 1, 'null']] },
      { op: 'encode', clients: [1, 5, 6] }
    ]
  },
  {
    name: 'remote-removes-local',
    description: 'Another client declares this one gone (null with the current clock): the local state stays, the clock is bumped so that the next broadcast revives it, and the change still reports the client as removed. A higher remote clock may overwrite the local state.',
    clientId: 1,
    steps: [
      { op: 'setLocalState', state: { name: 'me' } },
      { op: 'apply', origin: 'peer', entries: [[1, 1, 'null']] },
      { op: 'encode', clients: [1] },
      { op: 'apply', origin: 'peer', entries: [[1, 1, 'null']] },
      { op: 'apply', origin: 'peer', entries: [[1, 5, '{"evil":true}']] },
      { op: 'setLocalState', state: { name: 'me again' } },
      { op: 'apply', origin: 'peer', entries: [[1, 9, 'null']] },
      { op: 'encode', clients: [1] }
    ]
  },
  {
    name: 'remove-states',
    description: 'removeAwarenessStates: unknown clients and duplicates are skipped, removing the local client bumps its clock, nothing is emitted when nothing was removed.',
    clientId: 1,
    steps: [
      { op: 'apply', origin: 'peer', entries: [[2, 1, '{"n":2}'], [3, 1, '{"n":3}']] },
      { op: 'remove', clients: [2, 4, 2], origin: 'connection closed' },
      { op: 'remove', clients: [9], origin: 'nobody' },
      { op: 'remove', clients: [1, 3], origin: 'app closed' },
      { op: 'encode', clients: [1, 2, 3] },
      { op: 'setLocalState', state: { again: 1 } },
      { op: 'encode', clients: [1] }
    ]
  },
  {
    name: 'multi-entry-update',
    description: 'One update naming a client twice and carrying non-object states: the events list the client twice; falsy states (0, false, "") are stored but encoded as null, as y-protocols encodes states.get(id) || null.',
    clientId: 1,
    steps: [
      {
        op: 'apply',
        origin: 'peer',
        entries: [[7, 1, '{"x":1}'], [7, 2, '{"x":1}'], [7, 3, '{"x":2}'], [8, 1, 'null'], [9, 3, '"a string state"'], [10, 1, '0'], [11, 1, 'false'], [12, 1, '[1,2,{"z":null}]'], [13, 1, '""'], [14, 1, '-0.0']]
      },
      { op: 'encode', clients: [7, 8, 9, 10, 11, 12, 13, 14] },
      { op: 'apply', origin: 'peer', entries: [[12, 2, '[1,2,{"z":null}]'], [10, 2, '0'], [9, 4, '"another"']] }
    ]
  },
  {
    name: 'json-values',
    description: 'States with unicode, escapes (including a lone surrogate and control characters), numbers that JSON.stringify spells specially (-0, 1e21, 1e-7, 2^53), nested values, integer-like keys (written first, in ascending order) and large client ids.',
    clientId: 4294967295,
    steps: [
      { op: 'setLocalState', state: UNICODE_STATE },
      { op: 'encode', clients: [4294967295] },
      { op: 'apply', origin: 'peer', entries: [[2 ** 53 - 1, 2 ** 53 - 2, JSON.stringify(UNICODE_STATE)], [2 ** 32, 1, '{"\\u00e9":"\\ud83c\\udfb9","z":1e400,"w":[1.0,2.50,-0]}']] },
      { op: 'encode', clients: [2 ** 53 - 1, 2 ** 32, 4294967295] },
      { op: 'setLocalStateField', field: '5', value: 'five' },
      { op: 'encode', clients: [4294967295] }
    ]
  },
  {
    name: 'explicit-states',
    description: 'encodeAwarenessUpdate with an explicit states map: y-websocket announces a leave with an empty map (null state, current clock).',
    clientId: 3,
    steps: [
      { op: 'setLocalState', state: { user: 'u' } },
      { op: 'apply', origin: 'peer', entries: [[4, 1, '{"peer":4}']] },
      { op: 'encode', clients: [3], withStates: [] },
      { op: 'encode', clients: [3, 4], withStates: [[4, { substituted: true }], [3, false]] }
    ]
  },
  {
    name: 'modify',
    description: 'modifyAwarenessUpdate with fixed transformations (identity, nullify, addServerFlag); the JSON text is re-written by JSON.stringify, so whitespace disappears.',
    clientId: 1,
    steps: [
      { op: 'modify', modifier: 'identity', entries: [[5, 1, ' {"a" : [1, 2.50] } '], [6, 2, 'null'], [7, 3, '"s"']] },
      { op: 'modify', modifier: 'nullify', entries: [[5, 1, '{"a":1}'], [6, 2, 'null']] },
      { op: 'modify', modifier: 'addServerFlag', entries: [[5, 1, '{"a":1,"server":false,"b":2}'], [6, 2, 'null'], [7, 3, '[1]']] }
    ]
  },
  {
    name: 'destroy',
    description: 'destroy() sets the local state to null (change and update, origin "local") and forgets the listeners; the meta and its clock stay.',
    clientId: 8,
    steps: [
      { op: 'setLocalState', state: { here: true } },
      { op: 'apply', origin: 'peer', entries: [[9, 1, '{"peer":9}']] },
      { op: 'destroy' },
      { op: 'encode', clients: [8, 9] }
    ]
  }
]

const pairs = map => Array.from(map.entries())

const runScenario = scenario => {
  const doc = newDoc(scenario.clientId)
  const awareness = new awarenessProtocol.Awareness(doc)
  let events = []
  const listen = kind => ({ added, updated, removed }, origin) => events.push({ event: kind, added, updated, removed, origin })
  awareness.on('change', listen('change'))
  awareness.on('update', listen('update'))
  const steps = scenario.steps.map((step, i) => {
    const id = String(i).padStart(2, '0')
    const out = { ...step }
    events = []
    switch (step.op) {
      case 'setLocalState':
        awareness.setLocalState(step.state)
        break
      case 'setLocalStateField':
        awareness.setLocalStateField(step.field, step.value)
        break
      case 'apply': {
        out.update = writeBin('awareness', `${scenario.name}-${id}-apply.bin`, rawAwarenessUpdate(step.entries))
        awarenessProtocol.applyAwarenessUpdate(awareness, rawAwarenessUpdate(step.entries), step.origin)
        break
      }
      case 'remove':
        awarenessProtocol.removeAwarenessStates(awareness, step.clients, step.origin)
        break
      case 'encode': {
        const bytes = step.withStates === undefined
          ? awarenessProtocol.encodeAwarenessUpdate(awareness, step.clients)
          : awarenessProtocol.encodeAwarenessUpdate(awareness, step.clients, new Map(step.withStates))
        out.expected = writeBin('awareness', `${scenario.name}-${id}-encoded.bin`, bytes)
        break
      }
      case 'modify': {
        const input = rawAwarenessUpdate(step.entries)
        out.update = writeBin('awareness', `${scenario.name}-${id}-modify-in.bin`, input)
        out.expected = writeBin('awareness', `${scenario.name}-${id}-modified.bin`, awarenessProtocol.modifyAwarenessUpdate(input, modifiers[step.modifier]))
        break
      }
      case 'destroy':
        awareness.destroy()
        break
      default:
        throw new Error(`unknown step ${step.op}`)
    }
    out.events = events.slice()
    out.states = pairs(awareness.getStates())
    out.clocks = pairs(awareness.meta).map(([client, meta]) => [client, meta.clock])
    return out
  })
  awareness.destroy()
  doc.destroy()
  return { name: scenario.name, description: scenario.description, clientId: scenario.clientId, steps }
}

writeJson('awareness', 'scenarios.json', scenarios.map(runScenario))

// ---------------------------------------------------------------------------------------
// sync/: the sync sub-protocol for two small documents
// ---------------------------------------------------------------------------------------

{
  const a = newDoc(1001)
  const aUpdates = []
  a.on('update', u => aUpdates.push(u))
  a.transact(() => {
    a.getText('notes').insert(0, 'Hello, 🌍! Grüße')
    a.getMap('meta').set('tempo', 120)
  })
  a.transact(() => {
    a.getText('notes').insert(5, ' there')
    a.getText('notes').delete(0, 2)
    a.getMap('meta').set('key', 'G major')
  })
  const b = newDoc(2002)
  Y.applyUpdate(b, aUpdates[0])
  b.getArray('tracks').insert(0, ['bass', { muted: false }])
  const bSv = Y.encodeStateVector(b)

  const dir = 'sync'
  const files = {
    aState: writeBin(dir, 'a-state.bin', Y.encodeStateAsUpdate(a)),
    aSecondUpdate: writeBin(dir, 'a-second-update.bin', aUpdates[1]),
    bState: writeBin(dir, 'b-state.bin', Y.encodeStateAsUpdate(b)),
    bStateVector: writeBin(dir, 'b-state-vector.bin', bSv),
    step1: writeBin(dir, 'a-step1.bin', message(e => syncProtocol.writeSyncStep1(e, a))),
    step2Full: writeBin(dir, 'a-step2-full.bin', message(e => syncProtocol.writeSyncStep2(e, a))),
    step2ForB: writeBin(dir, 'a-step2-for-b.bin', message(e => syncProtocol.writeSyncStep2(e, a, bSv))),
    update: writeBin(dir, 'a-update.bin', message(e => syncProtocol.writeUpdate(e, aUpdates[1])))
  }
  // b receives a's step 1 and answers with its step 2
  const reply = encoding.createEncoder()
  const step1Type = syncProtocol.readSyncMessage(decoding.createDecoder(fs.readFileSync(path.join(OUT_DIR, dir, files.step1))), reply, b, 'a')
  files.bReplyToStep1 = writeBin(dir, 'b-reply-to-a-step1.bin', encoding.toUint8Array(reply))
  // b applies a's step 2, then a's later update
  const noReply = encoding.createEncoder()
  const step2Type = syncProtocol.readSyncMessage(decoding.createDecoder(fs.readFileSync(path.join(OUT_DIR, dir, files.step2ForB))), noReply, b, 'a')
  files.bAfterStep2 = writeBin(dir, 'b-state-after-step2.bin', Y.encodeStateAsUpdate(b))
  const updateType = syncProtocol.readSyncMessage(decoding.createDecoder(fs.readFileSync(path.join(OUT_DIR, dir, files.update))), noReply, b, 'a')
  files.bAfterUpdate = writeBin(dir, 'b-state-after-update.bin', Y.encodeStateAsUpdate(b))
  if (encoding.length(noReply) !== 0) throw new Error('step 2 and update must not produce a reply')
  writeJson(dir, 'sync.json', {
    description: 'Doc a (clientID 1001) made two transactions; doc b (clientID 2002) applied the first one and added its own array. a-step1/-step2-full/-step2-for-b/-update are written by y-protocols writeSyncStep1/writeSyncStep2(a)/writeSyncStep2(a, bStateVector)/writeUpdate(secondUpdate). b then ran readSyncMessage on a-step1 (reply in b-reply-to-a-step1.bin), on a-step2-for-b and on a-update; the returned types and b\'s states are recorded.',
    clientIds: { a: 1001, b: 2002 },
    files,
    readSyncMessageTypes: { step1: step1Type, step2: step2Type, update: updateType },
    json: { a: a.toJSON(), b: b.toJSON() }
  })
  a.destroy()
  b.destroy()
}

// ---------------------------------------------------------------------------------------
// auth/: the permission-denied message, bare and framed
// ---------------------------------------------------------------------------------------

{
  const reason = 'Room "song-42" is read-only for you — ask the owner 🎼'
  writeJson('auth', 'auth.json', {
    reason,
    files: {
      message: writeBin('auth', 'permission-denied.bin', message(e => authProtocol.writePermissionDenied(e, reason))),
      frame: writeBin('auth', 'permission-denied-frame.bin', message(e => {
        encoding.writeVarUint(e, yws.messageAuth)
        authProtocol.writePermissionDenied(e, reason)
      }))
    }
  })
}

// ---------------------------------------------------------------------------------------
// websocket/: a session of the stock y-websocket client against a scripted server
// ---------------------------------------------------------------------------------------

{
  const dir = 'websocket'
  const sockets = []
  /** Stands in for the browser's WebSocket: records what the client sends, lets us deliver messages. */
  class FakeWebSocket {
    constructor (url, protocols) {
      this.url = url
      this.protocols = protocols
      this.readyState = 0
      this.OPEN = 1
      this.sent = []
      sockets.push(this)
    }

    send (data) { this.sent.push(new Uint8Array(data)) }
    close () { this.readyState = 3 }
  }

  const client = newDoc(7)
  client.getText('notes').insert(0, 'hi 🎹')
  const clientInitialState = Y.encodeStateAsUpdate(client)
  const clientAwareness = new awarenessProtocol.Awareness(client)
  const clientAwarenessState = { user: { name: 'Ada', color: '#30bced' } }
  clientAwareness.setLocalState(clientAwarenessState)

  const server = newDoc(9)
  server.getMap('meta').set('bpm', 90)
  const serverState = Y.encodeStateAsUpdate(server)
  const serverAwareness = new awarenessProtocol.Awareness(server)
  const serverAwarenessState = { user: { name: 'Server', role: 'host' } }
  serverAwareness.setLocalState(serverAwarenessState)

  const provider = new yws.WebsocketProvider('ws://localhost:1234/collab/', 'song-42', client, {
    awareness: clientAwareness,
    params: { token: 'abc' },
    WebSocketPolyfill: FakeWebSocket,
    disableBc: true
  })
  const ws = sockets[0]
  const events = []
  let frameNo = 0
  const save = (from, kind, bytes) => writeBin(dir, `${String(++frameNo).padStart(2, '0')}-${from}-${kind}.bin`, bytes)
  /** Runs an action on the client and records the frames it sent meanwhile. */
  const step = (event, action, kinds) => {
    const before = ws.sent.length
    action()
    const sent = ws.sent.slice(before)
    if (sent.length !== kinds.length) throw new Error(`${event.action}: expected ${kinds.length} frames, got ${sent.length}`)
    event.sent = sent.map((bytes, i) => ({ kind: kinds[i], file: save('client', kinds[i], bytes) }))
    events.push(event)
    return sent
  }
  const deliver = (kind, bytes, kinds) => {
    const event = { action: 'receive', kind, file: save('server', kind, bytes) }
    return step(event, () => ws.onmessage({ data: bytes.slice().buffer }), kinds)
  }
  const serverFrame = write => message(e => write(e))

  const [clientStep1] = step({ action: 'open' }, () => { ws.readyState = 1; ws.onopen() }, ['sync-step1', 'awareness'])
  // the server answers the client's step 1 as @y/websocket-server does, then sends its own
  deliver('sync-step2', serverFrame(e => {
    const d = decoding.createDecoder(clientStep1)
    decoding.readVarUint(d)
    encoding.writeVarUint(e, yws.messageSync)
    syncProtocol.readSyncMessage(d, e, server, null)
  }), [])
  deliver('sync-step1', serverFrame(e => { encoding.writeVarUint(e, yws.messageSync); syncProtocol.writeSyncStep1(e, server) }), ['sync-step2'])
  deliver('awareness', serverFrame(e => {
    encoding.writeVarUint(e, yws.messageAwareness)
    encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(serverAwareness, [9]))
  }), ['awareness'])
  deliver('query-awareness', serverFrame(e => encoding.writeVarUint(e, yws.messageQueryAwareness)), ['awareness'])
  const localEdit = { index: 5, text: ' & Bob' }
  step({ action: 'edit', root: 'notes', ...localEdit }, () => client.getText('notes').insert(localEdit.index, localEdit.text), ['sync-update'])
  const cursor = { index: 2 }
  step({ action: 'setLocalStateField', field: 'cursor', value: cursor }, () => clientAwareness.setLocalStateField('cursor', cursor), ['awareness'])
  const serverEdit = message(e => {
    const before = Y.encodeStateVector(server)
    server.getMap('meta').set('bpm', 96)
    encoding.writeVarUint(e, yws.messageSync)
    syncProtocol.writeUpdate(e, Y.encodeStateAsUpdate(server, before))
  })
  deliver('sync-update', serverEdit, [])
  const origWarn = console.warn
  console.warn = () => {}
  deliver('permission-denied', serverFrame(e => { encoding.writeVarUint(e, yws.messageAuth); authProtocol.writePermissionDenied(e, 'read-only') }), [])
  console.warn = origWarn
  step({ action: 'disconnect' }, () => provider.disconnect(), ['awareness'])

  writeJson(dir, 'session.json', {
    description: `A stock y-websocket ${Y_WEBSOCKET_VERSION} WebsocketProvider (disableBc, a fake WebSocket) for doc "client" (clientID 7), against a scripted server (doc clientID 9) that uses y-protocols as @y/websocket-server does. Events are in order; "sent" lists the frames the client sent in reaction.`,
    serverUrl: 'ws://localhost:1234/collab/',
    room: 'song-42',
    params: { token: 'abc' },
    url: ws.url,
    client: { clientId: 7, initialState: writeBin(dir, 'client-initial-state.bin', clientInitialState), awarenessState: clientAwarenessState },
    server: { clientId: 9, initialState: writeBin(dir, 'server-initial-state.bin', serverState), awarenessState: serverAwarenessState },
    events,
    final: {
      clientState: writeBin(dir, 'client-final-state.bin', Y.encodeStateAsUpdate(client)),
      clientJson: client.toJSON(),
      clientAwarenessStates: pairs(clientAwareness.getStates()),
      clientAwarenessClocks: pairs(clientAwareness.meta).map(([id, m]) => [id, m.clock])
    }
  })
  provider.destroy()
  client.destroy()
  server.destroy()
}

console.error(`wrote ${OUT_DIR}`)
