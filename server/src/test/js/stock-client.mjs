// A stock Yjs client (yjs + y-websocket's WebsocketProvider, unchanged) that Java tests drive over
// stdin/stdout, one JSON request per line, one JSON response per line:
//   {"op":"connect","url":"ws://localhost:PORT/sync","room":"<projectId>","token":"..."}  -> {}
//   {"op":"waitSynced","timeoutMs":10000}            -> {"synced":true}
//   {"op":"addNote","track":"t1","id":"n1","pitch":60} -> {}   (creates the track if needed)
//   {"op":"setPresence","state":{...}}               -> {}
//   {"op":"waitFor","contains":"n1","timeoutMs":10000} -> {"json":...}  once the tracks JSON holds the text
//   {"op":"state"}                                    -> {"json": {"tracks":[...],"meta":{...}}, "presence": {...},
//                                                        "extensions": the WebSocket extensions the server accepted}
//   {"op":"waitSuggestions","count":2,"timeoutMs":10000} -> {"json": {...}, "writers": [client ids]}
//                                                      once the suggestions map has that many entries;
//                                                      writers: the client ids of its entries' items
//   {"op":"close"}                                    -> {"code": <close code or null>}
// Anything Yjs or the socket reports goes to stderr; stdout carries only responses.
import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import WebSocket from 'ws'
import { createInterface } from 'node:readline'

const doc = new Y.Doc()
let provider = null
let lastClose = null

const tracksJson = () => ({ tracks: doc.getArray('tracks').toJSON(), meta: doc.getMap('meta').toJSON() })

const until = (check, timeoutMs, what) => new Promise((resolve, reject) => {
  const started = Date.now()
  const tick = () => {
    if (check()) return resolve()
    if (Date.now() - started > timeoutMs) return reject(new Error(`timed out waiting for ${what}`))
    setTimeout(tick, 10)
  }
  tick()
})

const ops = {
  connect: req => {
    provider = new WebsocketProvider(req.url, req.room, doc, {
      WebSocketPolyfill: WebSocket,
      params: { token: req.token },
      disableBc: true
    })
    provider.on('connection-close', event => { lastClose = event ? event.code : null })
    return {}
  },
  waitSynced: async req => {
    await until(() => provider && provider.synced, req.timeoutMs || 10000, 'sync')
    return { synced: true }
  },
  addNote: req => {
    doc.transact(() => {
      const tracks = doc.getArray('tracks')
      let track = tracks.toArray().find(t => t.get('id') === req.track)
      if (!track) {
        track = new Y.Map()
        track.set('id', req.track)
        track.set('notes', new Y.Array())
        tracks.push([track])
      }
      const note = new Y.Map()
      note.set('id', req.id)
      note.set('pitch', req.pitch)
      track.get('notes').push([note])
    })
    return {}
  },
  setPresence: req => {
    provider.awareness.setLocalState(req.state)
    return {}
  },
  waitFor: async req => {
    await until(() => JSON.stringify(tracksJson()).includes(req.contains), req.timeoutMs || 10000, req.contains)
    return { json: tracksJson() }
  },
  state: () => {
    const presence = {}
    if (provider) provider.awareness.getStates().forEach((s, id) => { presence[id] = s })
    return { json: tracksJson(), presence, clientId: doc.clientID, extensions: provider?.ws?.extensions ?? null }
  },
  waitSuggestions: async req => {
    const suggestions = doc.getMap('suggestions')
    await until(() => suggestions.size >= req.count, req.timeoutMs || 10000, `${req.count} suggestions`)
    const writers = new Set()
    const fieldsOf = map => map._map.forEach(item => writers.add(item.id.client))
    suggestions._map.forEach(item => {
      writers.add(item.id.client)
      const suggestion = suggestions.get(item.parentSub)
      if (suggestion instanceof Y.Map) {
        fieldsOf(suggestion)
        const notes = suggestion.get('notes')
        if (notes instanceof Y.Array) notes.toArray().forEach(fieldsOf)
      }
    })
    return { json: suggestions.toJSON(), writers: [...writers] }
  },
  close: () => {
    if (provider) provider.destroy()
    return { code: lastClose }
  }
}

const rl = createInterface({ input: process.stdin })
let queue = Promise.resolve()
rl.on('line', line => {
  queue = queue.then(async () => {
    let response
    try {
      const req = JSON.parse(line)
      const op = ops[req.op]
      response = op ? await op(req) : { error: `unknown op ${req.op}` }
    } catch (e) {
      response = { error: String(e && e.message ? e.message : e) }
    }
    process.stdout.write(JSON.stringify(response) + '\n')
  })
})
rl.on('close', () => { queue.then(() => { if (provider) provider.destroy(); process.exit(0) }) })
