// A stock Yjs client with an UndoManager (as the studio has: each person undoes only their own
// edits), driven by Java tests over stdin/stdout like stock-client.mjs, one JSON line each way:
//   {"op":"connect","url":"ws://localhost:PORT/sync","room":"<projectId>","token":"..."} -> {}
//   {"op":"waitSynced","timeoutMs":10000}                       -> {"synced":true}
//   {"op":"addNote","track":"t1","id":"n1","pitch":60,"start":0} -> {}  (a full note; the track is created if needed)
//   {"op":"setField","id":"n1","field":"pitch","value":64}      -> {}
//   {"op":"deleteNote","id":"n1"}                               -> {}
//   {"op":"undo"}                                               -> {"undone":true|false}
//   {"op":"waitFor","contains":"n1","timeoutMs":10000}          -> {"json":...}
//   {"op":"waitSent","timeoutMs":10000}                         -> {}  once the socket's buffer is empty
//   {"op":"setClientId","id":123}                               -> {}  writes from now on under that client id
//   {"op":"waitClosed","timeoutMs":10000}                       -> {"code":4403,"reason":"..."} once the server closed
//   {"op":"close"}                                              -> {"code": <close code or null>}
import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import WebSocket from 'ws'
import { createInterface } from 'node:readline'

const doc = new Y.Doc()
const tracks = doc.getArray('tracks')
// captureTimeout 0: every edit is its own undo step, as the tests script them one by one
const undo = new Y.UndoManager(tracks, { captureTimeout: 0 })
let provider = null
let lastClose = null
let lastReason = null

const tracksJson = () => ({ tracks: tracks.toJSON() })

const until = (check, timeoutMs, what) => new Promise((resolve, reject) => {
  const started = Date.now()
  const tick = () => {
    if (check()) return resolve()
    if (Date.now() - started > timeoutMs) return reject(new Error(`timed out waiting for ${what}`))
    setTimeout(tick, 10)
  }
  tick()
})

const findNote = id => {
  for (const track of tracks.toArray()) {
    const notes = track.get('notes')
    for (let i = 0; i < notes.length; i++) {
      if (notes.get(i).get('id') === id) return { notes, index: i, note: notes.get(i) }
    }
  }
  throw new Error(`no note ${id}`)
}

const ops = {
  connect: req => {
    provider = new WebsocketProvider(req.url, req.room, doc, {
      WebSocketPolyfill: WebSocket,
      params: { token: req.token },
      disableBc: true
    })
    provider.on('connection-close', event => {
      lastClose = event ? event.code : null
      lastReason = event ? event.reason : null
    })
    return {}
  },
  waitSynced: async req => {
    await until(() => provider && provider.synced, req.timeoutMs || 10000, 'sync')
    return { synced: true }
  },
  addNote: req => {
    doc.transact(() => {
      let track = tracks.toArray().find(t => t.get('id') === req.track)
      if (!track) {
        track = new Y.Map()
        track.set('id', req.track)
        track.set('name', req.track)
        track.set('notes', new Y.Array())
        tracks.push([track])
      }
      const note = new Y.Map()
      for (const [k, v] of Object.entries({ id: req.id, pitch: req.pitch, start: req.start || 0, duration: 480, velocity: 80 })) {
        note.set(k, v)
      }
      track.get('notes').push([note])
    })
    return {}
  },
  setField: req => {
    findNote(req.id).note.set(req.field, req.value)
    return {}
  },
  deleteNote: req => {
    const { notes, index } = findNote(req.id)
    notes.delete(index, 1)
    return {}
  },
  undo: () => ({ undone: undo.undo() !== null }),
  setClientId: req => {
    doc.clientID = req.id
    return {}
  },
  waitClosed: async req => {
    await until(() => lastClose !== null, req.timeoutMs || 10000, 'the server to close the connection')
    return { code: lastClose, reason: lastReason }
  },
  waitFor: async req => {
    await until(() => JSON.stringify(tracksJson()).includes(req.contains), req.timeoutMs || 10000, req.contains)
    return { json: tracksJson() }
  },
  waitSent: async req => {
    await until(() => provider.ws && provider.ws.bufferedAmount === 0, req.timeoutMs || 10000, 'sent')
    return {}
  },
  close: () => {
    if (provider) provider.destroy()
    return { code: lastClose }
  }
}

const lines = createInterface({ input: process.stdin })
for await (const line of lines) {
  let response
  try {
    const req = JSON.parse(line)
    const op = ops[req.op]
    response = op ? await op(req) : { error: `unknown op ${req.op}` }
  } catch (e) {
    response = { error: String(e && e.message ? e.message : e) }
  }
  process.stdout.write(JSON.stringify(response) + '\n')
  if (line.includes('"close"')) break
}
process.exit(0)
