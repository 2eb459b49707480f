// Writes protocol/samples/chorale.update: a small Ensemble project (the opening of a four-part
// chorale) as the stock yjs package encodes it, edited by two collaborators. The README's first
// command runs the document inspector on it. It follows docs/document-schema.md (schema version 1);
// the server's schema tests read it.
import * as Y from 'yjs'
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const out = fileURLToPath(new URL('../../../samples/chorale.update', import.meta.url))

const alice = new Y.Doc()
alice.clientID = 1001
const bob = new Y.Doc()
bob.clientID = 2002

const meta = alice.getMap('meta')
meta.set('title', 'Chorale in G')
meta.set('tempoBpm', 72)
meta.set('key', { tonic: 'G', mode: 'major' })
meta.set('timeSignature', [4, 4])
meta.set('ticksPerQuarter', 480)
meta.set('schemaVersion', 1)

const voices = [
  ['soprano', 'Soprano', 52, [67, 71, 74, 72, 71]],
  ['alto', 'Alto', 53, [62, 62, 67, 66, 67]],
  ['tenor', 'Tenor', 54, [59, 59, 59, 57, 55]],
  ['bass', 'Bass', 32, [43, 43, 40, 38, 43]]
]
const tracks = alice.getArray('tracks')
alice.transact(() => {
  voices.forEach(([role, name, program, pitches]) => {
    const track = new Y.Map()
    track.set('id', role)
    track.set('name', name)
    track.set('instrument', program)
    track.set('role', role)
    track.set('mute', false)
    track.set('solo', false)
    track.set('gain', 0.8)
    track.set('pan', 0)
    const notes = new Y.Array()
    notes.push(pitches.map((pitch, i) => {
      const n = new Y.Map()
      n.set('id', `${role}-${i}`)
      n.set('pitch', pitch)
      n.set('start', i * 480)
      n.set('duration', 480)
      n.set('velocity', 80)
      return n
    }))
    track.set('notes', notes)
    tracks.push([track])
  })
})
const phrase = new Y.Map()
phrase.set('name', 'Phrase 1')
phrase.set('start', 0)
phrase.set('length', 1920)
alice.getArray('sections').push([phrase])

// Bob joins, lengthens the last soprano note and renames the piece.
Y.applyUpdate(bob, Y.encodeStateAsUpdate(alice))
const soprano = bob.getArray('tracks').get(0).get('notes')
soprano.get(4).set('duration', 960)
bob.getMap('meta').set('title', 'Chorale in G (draft 2)')
Y.applyUpdate(alice, Y.encodeStateAsUpdate(bob))

writeFileSync(out, Y.encodeStateAsUpdate(alice))
console.log(`wrote ${out}`)
