import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { LOCAL, ProjectModel } from '../../src/model/project'

/** Two replicas that deliver updates to each other at once, as the server would. */
function pair() {
  const a = new Y.Doc()
  const b = new Y.Doc()
  a.on('update', (u: Uint8Array, origin: unknown) => { if (origin !== 'remote') Y.applyUpdate(b, u, 'remote') })
  b.on('update', (u: Uint8Array, origin: unknown) => { if (origin !== 'remote') Y.applyUpdate(a, u, 'remote') })
  return [new ProjectModel(a), new ProjectModel(b)]
}

describe('project model', () => {
  it('writes the schema\'s shape: Y.Map tracks with a Y.Array of Y.Map notes', () => {
    const m = new ProjectModel(new Y.Doc())
    const t = m.addTrack({ id: 'soprano', name: 'Soprano', role: 'soprano', instrument: 52 })
    m.addNotes(t, [{ pitch: 67, start: 0, duration: 480, velocity: 80 }])
    const json = m.doc.toJSON()
    expect(json.meta).toEqual({ title: 'Untitled', tempoBpm: 120, key: { tonic: 'C', mode: 'major' }, timeSignature: [4, 4],
      ticksPerQuarter: 480, schemaVersion: 1 })
    expect(json.tracks[0]).toMatchObject({ id: 'soprano', name: 'Soprano', instrument: 52, role: 'soprano', mute: false,
      solo: false, gain: 0.8, pan: 0 })
    expect(json.tracks[0].notes[0]).toMatchObject({ pitch: 67, start: 0, duration: 480, velocity: 80 })
    expect(m.doc.getArray('tracks').get(0)).toBeInstanceOf(Y.Map)
    expect((m.doc.getArray('tracks').get(0) as Y.Map<unknown>).get('notes')).toBeInstanceOf(Y.Array)
  })
  it('reads notes sorted and skips invalid ones', () => {
    const m = new ProjectModel(new Y.Doc())
    const t = m.addTrack({ id: 't' })
    m.addNotes(t, [{ pitch: 64, start: 960, duration: 480, velocity: 80 }, { pitch: 60, start: 0, duration: 480, velocity: 80 }])
    const bad = new Y.Map<unknown>()
    bad.set('id', 'bad'); bad.set('pitch', 128); bad.set('start', 0); bad.set('duration', 1); bad.set('velocity', 1)
    ;((m.tracks.get(0) as Y.Map<unknown>).get('notes') as Y.Array<unknown>).push([bad])
    expect(m.read().tracks[0].notes.map((n) => n.pitch)).toEqual([60, 64])
    expect(m.read().notes.has('bad')).toBe(false)
  })
  it('refuses edits that would break the schema, and changes nothing', () => {
    const m = new ProjectModel(new Y.Doc())
    const t = m.addTrack({})
    const [id] = m.addNotes(t, [{ pitch: 60, start: 0, duration: 480, velocity: 80 }])
    expect(() => m.updateNotes([{ id, pitch: 128 }])).toThrow(RangeError)
    expect(() => m.addNotes(t, [{ pitch: 60, start: -1, duration: 480, velocity: 80 }])).toThrow(RangeError)
    expect(() => m.setMeta('tempoBpm', 500)).toThrow(RangeError)
    expect(() => m.setMeta('key', { tonic: 'G#', mode: 'major' })).toThrow(RangeError)
    expect(m.read().notes.get(id)?.note.pitch).toBe(60)
  })
  it('updates only the fields that changed and deletes by id', () => {
    const m = new ProjectModel(new Y.Doc())
    const t = m.addTrack({})
    const ids = m.addNotes(t, [0, 1, 2].map((i) => ({ pitch: 60 + i, start: i * 480, duration: 480, velocity: 80 })))
    let transactions = 0
    m.doc.on('afterTransaction', () => transactions++)
    m.updateNotes([{ id: ids[1], pitch: 70, start: 480 }])
    expect(m.read().notes.get(ids[1])?.note).toMatchObject({ pitch: 70, start: 480 })
    m.deleteNotes([ids[0], ids[2]])
    expect([...m.read().notes.keys()]).toEqual([ids[1]])
    expect(transactions).toBe(2)
  })
  it('sees the other replica\'s notes and tells local from remote changes', () => {
    const [a, b] = pair()
    const t = a.addTrack({ id: 'alto' })
    const seen: boolean[] = []
    b.onChange((local) => seen.push(local))
    a.addNotes(t, [{ pitch: 62, start: 0, duration: 480, velocity: 80 }])
    expect(b.read().tracks[0].notes[0].pitch).toBe(62)
    expect(seen).toEqual([false])
  })
  it('undoes only this user\'s edits, never the other\'s', () => {
    const [a, b] = pair()
    const t = a.addTrack({ id: 't' })
    const undoA = new Y.UndoManager([a.meta, a.tracks], { trackedOrigins: new Set([LOCAL]) })
    const [mine] = a.addNotes(t, [{ pitch: 60, start: 0, duration: 480, velocity: 80 }])
    undoA.stopCapturing()
    const [theirs] = b.addNotes(t, [{ pitch: 72, start: 480, duration: 480, velocity: 80 }])
    b.updateNotes([{ id: mine, velocity: 100 }]) // the other user changes my note
    undoA.undo()
    expect(a.read().notes.has(mine)).toBe(false)
    expect(a.read().notes.has(theirs)).toBe(true)
    expect(b.read().notes.has(theirs)).toBe(true)
    undoA.redo()
    expect(a.read().notes.has(mine)).toBe(true)
  })
})

describe('ledger authors', async () => {
  const { describeAuthors } = await import('../../src/presence/ledger-authors')
  it('names the creator, marks the AI, and names the last other hand', () => {
    expect(describeAuthors({ noteId: 'a', createdBy: { name: 'alice', source: 'human' } })).toBe('alice')
    expect(describeAuthors({ noteId: 'a', createdBy: { name: 'AI (chorale-1)', source: 'ai' } })).toBe('the AI co-writer, an AI suggestion')
    expect(describeAuthors({ noteId: 'a', createdBy: { name: 'alice', source: 'human', time: '1' }, fields: {
      pitch: { name: 'carol', source: 'human', time: '3' }, start: { name: 'bob', source: 'human', time: '2' },
      duration: { name: 'alice', source: 'human', time: '4' } } })).toBe('alice, changed by carol')
  })
})
