import { describe, expect, it } from 'vitest'
import { ghostSets } from '../../src/generation/ghost-sets'
import type { Suggestion } from '../../src/generation/suggestions'

const suggestion = (notes: Suggestion['notes']): Suggestion => ({
  id: 'j-1', job: 'j', candidate: 1, mode: 'harmonize', region: { startTick: 960, endTick: 1920, voices: ['alto', 'bass'] },
  requestedBy: { id: 'alice', name: 'Alice' }, createdAt: '', notes,
})
const sn = (id: string, track: string, pitch: number, start: number, duration = 480) =>
  ({ id, track, voice: track === 'a' ? 'alto' : 'bass', pitch, start, duration, velocity: 80 })

describe('the ghost notes drawn for the pending candidates', () => {
  const a = suggestion([sn('a1', 'a', 69, 960), sn('a2', 'b', 43, 960)])
  const b = { ...suggestion([sn('b1', 'a', 67, 960)]), id: 'j-2', candidate: 2 }

  it('draw the focused candidate strong, its notes left out weaker, the others faint', () => {
    const sets = ghostSets([a, b], { focusedId: 'j-2', picked: new Set(), showAll: true, editable: true })
    expect(sets.map((s) => [s.suggestionId, s.tag, s.focused])).toEqual([['j-1', 'AI 1', false], ['j-2', 'AI 2', true]])
    expect(sets[1].notes[0]).toEqual({ id: 'b1', trackId: 'a', pitch: 67, start: 960, duration: 480, picked: false })
    expect(sets[0].notes.every((n) => n.picked)).toBe(true)
    const picked = ghostSets([a], { focusedId: 'j-1', picked: new Set(['a2']), showAll: true, editable: true })
    expect(picked[0].notes.map((n) => n.picked)).toEqual([false, true])
  })

  it('hide the others when only the focused one is shown; a viewer has nothing to pick', () => {
    expect(ghostSets([a, b], { focusedId: 'j-1', picked: new Set(), showAll: false, editable: true }).map((s) => s.suggestionId))
      .toEqual(['j-1'])
    expect(ghostSets([a], { focusedId: 'j-1', picked: new Set(), showAll: true, editable: false })[0].notes.every((n) => n.picked))
      .toBe(true)
  })
})
