// Track operations on real Yjs documents: rename, delete (undone by the user's own undo, restored
// whole on the other replica), and moving notes between tracks in one transaction.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { LOCAL, ProjectModel } from '../../src/model/project'

function pair() {
  const a = new Y.Doc()
  const b = new Y.Doc()
  a.on('update', (u: Uint8Array, origin: unknown) => { if (origin !== 'remote') Y.applyUpdate(b, u, 'remote') })
  b.on('update', (u: Uint8Array, origin: unknown) => { if (origin !== 'remote') Y.applyUpdate(a, u, 'remote') })
  return [new ProjectModel(a), new ProjectModel(b)]
}

function chorale(m: ProjectModel) {
  const s = m.addTrack({ id: 'soprano', name: 'Soprano', role: 'soprano' })
  const a = m.addTrack({ id: 'alto', name: 'Alto', role: 'alto' })
  const [n1, n2] = m.addNotes(s, [{ pitch: 67, start: 0, duration: 480, velocity: 90 }, { pitch: 69, start: 480, duration: 240, velocity: 70 }])
  const [n3] = m.addNotes(a, [{ pitch: 62, start: 0, duration: 960, velocity: 80 }])
  return { s, a, n1, n2, n3 }
}

describe('tracks', () => {
  it('renames a track, trimmed, and refuses an empty or over-long name without writing', () => {
    const [m, other] = pair()
    const { s } = chorale(m)
    m.renameTrack(s, '  Descant ')
    expect(other.read().tracks[0].name).toBe('Descant')
    const before = Y.encodeStateVector(m.doc)
    expect(() => m.renameTrack(s, '   ')).toThrow(RangeError)
    expect(() => m.renameTrack(s, 'x'.repeat(101))).toThrow(RangeError)
    expect(Y.encodeStateVector(m.doc)).toEqual(before)
    expect(other.read().tracks[0].name).toBe('Descant')
  })

  it('deletes a track with its notes; the user\'s undo restores it whole on both replicas', () => {
    const [m, other] = pair()
    const { s, n1, n2 } = chorale(m)
    const undo = new Y.UndoManager([m.meta, m.tracks], { trackedOrigins: new Set([LOCAL]) })
    undo.stopCapturing()
    m.deleteTrack(s)
    expect(other.read().tracks.map((t) => t.id)).toEqual(['alto'])
    expect(other.read().notes.has(n1)).toBe(false)
    undo.undo()
    const back = other.read()
    expect(back.tracks.map((t) => t.id)).toEqual(['soprano', 'alto'])
    expect(back.tracks[0]).toMatchObject({ name: 'Soprano', role: 'soprano' })
    expect(back.tracks[0].notes.map((n) => [n.id, n.pitch, n.start, n.duration, n.velocity]))
      .toEqual([[n1, 67, 0, 480, 90], [n2, 69, 480, 240, 70]])
    expect(() => m.deleteTrack('nope')).toThrow()
  })

  it('undo of a track deletion leaves the other user\'s edits alone', () => {
    const [m, other] = pair()
    const { s, a } = chorale(m)
    const undo = new Y.UndoManager([m.meta, m.tracks], { trackedOrigins: new Set([LOCAL]) })
    m.deleteTrack(s)
    other.addNotes(a, [{ pitch: 64, start: 960, duration: 480, velocity: 80 }])
    undo.undo()
    expect(m.read().tracks.map((t) => [t.id, t.notes.length])).toEqual([['soprano', 2], ['alto', 2]])
  })

  it('moves selected notes to another track in one transaction, keeping their music and other keys', () => {
    const [m, other] = pair()
    const { a, n1, n2, n3 } = chorale(m)
    ;(m.tracks.get(0) as Y.Map<Y.Array<Y.Map<unknown>>>).get('notes')!.get(1).set('origin', { suggestion: 'sg-1' })
    let transactions = 0
    other.doc.on('afterTransaction', () => { transactions++ })
    const moved = m.moveNotesToTrack([n1, n2, n3], a) // n3 is already there: left alone
    expect(transactions).toBe(1)
    expect(moved).toEqual([n1, n2]) // ids kept: the ledger links the copy to the note's history
    const snap = other.read()
    expect(snap.tracks[0].notes).toEqual([])
    expect(snap.tracks[1].notes.map((n) => [n.pitch, n.start, n.duration, n.velocity]))
      .toEqual([[62, 0, 960, 80], [67, 0, 480, 90], [69, 480, 240, 70]])
    expect(snap.notes.get(n3)?.trackId).toBe('alto')
    expect(snap.notes.get(n2)?.trackId).toBe('alto')
    expect(snap.notes.size).toBe(3)
    expect(other.originOf(moved[1])).toEqual({ suggestion: 'sg-1' })
    expect(() => m.moveNotesToTrack([n3], 'nope')).toThrow()
  })

  it('reads one note when two people moved the same note at once', () => {
    const a = new Y.Doc()
    const b = new Y.Doc()
    const m = new ProjectModel(a)
    const { n1 } = chorale(m)
    m.addTrack({ id: 'tenor', name: 'Tenor', role: 'tenor' })
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    const other = new ProjectModel(b)
    m.moveNotesToTrack([n1], 'alto')
    other.moveNotesToTrack([n1], 'tenor')
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    for (const r of [m.read(), other.read()]) {
      expect(r.tracks.flatMap((t) => t.notes).filter((n) => n.id === n1)).toHaveLength(1)
      expect(r.notes.get(n1)?.note.pitch).toBe(67)
    }
    expect(m.read().notes.get(n1)?.trackId).toBe(other.read().notes.get(n1)?.trackId) // both replicas agree
  })

  it('undoes a move as one step', () => {
    const [m] = pair()
    const { a, n1, n2 } = chorale(m)
    const undo = new Y.UndoManager([m.meta, m.tracks], { trackedOrigins: new Set([LOCAL]) })
    undo.stopCapturing()
    m.moveNotesToTrack([n1, n2], a)
    undo.undo()
    const snap = m.read()
    expect(snap.tracks.map((t) => t.notes.length)).toEqual([2, 1])
    expect(snap.notes.get(n1)?.trackId).toBe('soprano')
  })

  it('moves a track up and down with its settings and notes (same ids), one undo step, on both replicas', () => {
    const [m, other] = pair()
    const { s, a, n1, n2, n3 } = chorale(m)
    m.setTrack(s, 'gain', 0.4)
    const undo = new Y.UndoManager([m.meta, m.tracks], { trackedOrigins: new Set([LOCAL]) })
    undo.stopCapturing()
    expect(m.moveTrack(s, -1)).toBe(false) // already first: nothing written
    expect(m.moveTrack(s, 1)).toBe(true)
    const moved = other.read().tracks
    expect(moved.map((t) => t.id)).toEqual([a, s])
    expect(moved[1].gain).toBe(0.4)
    expect(moved[1].notes.map((n) => n.id).sort()).toEqual([n1, n2].sort())
    expect(moved[0].notes.map((n) => n.id)).toEqual([n3])
    undo.undo()
    expect(other.read().tracks.map((t) => t.id)).toEqual([s, a])
    expect(other.read().tracks[0].notes.length).toBe(2)
  })
})
