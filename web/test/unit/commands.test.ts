import { describe, expect, it } from 'vitest'
import { copyNotes, moveNotes, neighbour, notesInBox, pasteAt, resizeNotes, setVelocity } from '../../src/editing/commands'
import { MAX_TICK, type Note } from '../../src/model/schema'

const n = (id: string, pitch: number, start: number, duration = 480, velocity = 80): Note => ({ id, pitch, start, duration, velocity })

describe('editing commands', () => {
  it('moves and transposes notes together', () => {
    expect(moveNotes([n('a', 60, 0), n('b', 64, 480)], 240, 2)).toEqual([
      { id: 'a', start: 240, pitch: 62 }, { id: 'b', start: 720, pitch: 66 }])
  })
  it('clamps a group move so that the chord keeps its shape at the edges', () => {
    // The top note can rise by only one semitone: the whole chord rises by one, not the low note by twelve.
    expect(moveNotes([n('a', 120, 0), n('b', 126, 0)], 0, 12)).toEqual([
      { id: 'a', start: 0, pitch: 121 }, { id: 'b', start: 0, pitch: 127 }])
    expect(moveNotes([n('a', 60, 120), n('b', 60, 960)], -480, 0)).toEqual([
      { id: 'a', start: 0, pitch: 60 }, { id: 'b', start: 840, pitch: 60 }])
    expect(moveNotes([n('a', 0, 0)], -10, -1)).toEqual([])
    expect(moveNotes([n('a', 60, MAX_TICK - 480)], 480, 0)).toEqual([])
  })
  it('lengthens and shortens, never below the minimum', () => {
    expect(resizeNotes([n('a', 60, 0, 480)], 240, 120)).toEqual([{ id: 'a', duration: 720 }])
    expect(resizeNotes([n('a', 60, 0, 240)], -480, 120)).toEqual([{ id: 'a', duration: 120 }])
    expect(resizeNotes([n('a', 60, 0, 60)], -480, 120)).toEqual([]) // already shorter than a step: kept
  })
  it('sets velocity within 1 to 127', () => {
    expect(setVelocity([n('a', 60, 0, 480, 120)], 140)).toEqual([{ id: 'a', velocity: 127 }])
    expect(setVelocity([n('a', 60, 0, 480, 5)], -3)).toEqual([{ id: 'a', velocity: 1 }])
  })
  it('copies relative to the first note and pastes at the cursor', () => {
    const clip = copyNotes([n('a', 60, 960), n('b', 67, 1440, 240)])
    expect(clip.notes).toEqual([{ pitch: 60, start: 0, duration: 480, velocity: 80 }, { pitch: 67, start: 480, duration: 240, velocity: 80 }])
    expect(pasteAt(clip, 3840).map((x) => x.start)).toEqual([3840, 4320])
    expect(pasteAt(clip, MAX_TICK - 500)).toHaveLength(1)
  })
  it('selects notes that overlap a box', () => {
    const notes = [n('a', 60, 0), n('b', 62, 480), n('c', 72, 480), n('d', 60, 1920)]
    expect(notesInBox(notes, 400, 1000, 59, 65).map((x) => x.id)).toEqual(['a', 'b'])
  })
  it('steps through notes in time order', () => {
    const notes = [n('late', 60, 960), n('early', 60, 0), n('mid', 64, 480)]
    expect(neighbour(notes, undefined, 1)?.id).toBe('early')
    expect(neighbour(notes, 'early', 1)?.id).toBe('mid')
    expect(neighbour(notes, 'late', 1)?.id).toBe('late')
    expect(neighbour(notes, undefined, -1)?.id).toBe('late')
  })
})
