import { describe, expect, it } from 'vitest'
import type { Track } from '../../src/model/schema'
import { ghostAt, ghostHere } from '../../src/pianoroll/ghosts'
import { GUTTER, layoutLanes, RULER } from '../../src/pianoroll/layout'

const track = (id: string, role: Track['role']): Track =>
  ({ id, name: id, instrument: 0, role, mute: false, solo: false, gain: 0.8, pan: 0, notes: [] })

describe('hitting a ghost note', () => {
  const lanes = layoutLanes([track('s', 'soprano'), track('a', 'alto')], 8)
  const view = { scrollX: 0, scrollY: 0, pxPerTick: 0.1, rowHeight: 8 }
  const ghosts = [
    { id: 'g1', track: 'a', pitch: 64, start: 480, duration: 480 },
    { id: 'g2', track: 'a', pitch: 200, start: 0, duration: 480 }, // beyond the lane: drawn on its top row
  ]
  const alto = lanes[1]
  const point = (pitch: number, tick: number) => ({ x: GUTTER + tick * view.pxPerTick, y: alto.top + (alto.high - pitch) * 8 + 4 })

  it('finds the note drawn under the point, in its own lane only', () => {
    expect(ghostAt(ghosts, { lanes }, point(64, 500), view)?.id).toBe('g1')
    expect(ghostAt(ghosts, { lanes }, point(64, 959), view)?.id).toBe('g1')
    expect(ghostAt(ghosts, { lanes }, point(64, 970), view)).toBeUndefined()
    expect(ghostAt(ghosts, { lanes }, point(65, 500), view)).toBeUndefined()
    expect(ghostAt(ghosts, { lanes }, point(alto.high, 100), view)?.id).toBe('g2')
    // The same pitch and time in the soprano lane is not the alto's ghost.
    const s = lanes[0]
    expect(ghostAt(ghosts, { lanes }, { x: point(64, 500).x, y: s.top + (s.high - 64) * 8 + 4 }, view)).toBeUndefined()
  })

  it('follows scrolling, and ignores the gutter and the ruler', () => {
    const scrolled = { ...view, scrollX: 40, scrollY: 20 }
    const p = point(64, 500)
    expect(ghostAt(ghosts, { lanes }, { x: p.x - 40, y: p.y - 20 }, scrolled)?.id).toBe('g1')
    expect(ghostAt(ghosts, { lanes }, { x: GUTTER - 1, y: p.y }, view)).toBeUndefined()
    expect(ghostAt(ghosts, { lanes }, { x: p.x, y: RULER - 1 }, view)).toBeUndefined()
  })
})

describe('a ghost note under the keyboard cursor', () => {
  const sets = [
    { suggestionId: 'j-1', tag: 'AI 1', focused: false, notes: [{ id: 'x', trackId: 'a', pitch: 64, start: 0, duration: 480, picked: true }] },
    { suggestionId: 'j-2', tag: 'AI 2', focused: true, notes: [
      { id: 'y', trackId: 'a', pitch: 64, start: 480, duration: 480, picked: true },
      { id: 'z', trackId: 'a', pitch: 65, start: 480, duration: 480, picked: false }] },
  ]
  it('is named for the focused candidate only, with whether it is left out', () => {
    expect(ghostHere(sets, 'a', 500, 64)).toBe('. Under it: a ghost note of AI candidate 2')
    expect(ghostHere(sets, 'a', 500, 65)).toBe('. Under it: a ghost note of AI candidate 2, left out')
    expect(ghostHere(sets, 'a', 0, 64)).toBe('')
    expect(ghostHere(sets, 'b', 500, 64)).toBe('')
    expect(ghostHere([], 'a', 500, 64)).toBe('')
  })
})
