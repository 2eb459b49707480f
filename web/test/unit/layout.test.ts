import { describe, expect, it } from 'vitest'
import { hitNote, laneAt, laneRange, layoutLanes, pitchAt, RULER, yOfPitch } from '../../src/pianoroll/layout'
import type { Track } from '../../src/model/schema'

const track = (id: string, role: Track['role'], pitches: number[]): Track => ({ id, name: id, instrument: 0, role,
  mute: false, solo: false, gain: 0.8, pan: 0, notes: pitches.map((p, i) => ({ id: `${id}${i}`, pitch: p, start: i * 480, duration: 480, velocity: 80 })) })

describe('lanes', () => {
  it('shows a voice\'s range, widened to fit every note', () => {
    expect(laneRange(track('s', 'soprano', []))).toEqual([57, 84])
    expect(laneRange(track('s', 'soprano', [50, 90]))).toEqual([48, 92])
    expect(laneRange(track('x', 'other', [0, 127]))).toEqual([0, 127])
  })
  it('stacks lanes and maps y to pitch and back', () => {
    const lanes = layoutLanes([track('s', 'soprano', []), track('b', 'bass', [])], 8)
    expect(lanes[0].top).toBe(RULER)
    expect(lanes[1].top).toBeGreaterThan(lanes[0].top + lanes[0].height)
    for (const p of [33, 40, 64]) expect(pitchAt(lanes[1], yOfPitch(lanes[1], p, 8) + 3, 8)).toBe(p)
    expect(laneAt(lanes, lanes[1].top + 1)?.trackId).toBe('b')
    expect(laneAt(lanes, 0)).toBeUndefined()
  })
  it('zooms one lane apart from the others', () => {
    const tracks = [track('s', 'soprano', []), track('a', 'alto', []), track('b', 'bass', [])]
    const even = layoutLanes(tracks, 8)
    const lanes = layoutLanes(tracks, 8, new Map([['a', 16]]))
    expect(lanes[0]).toEqual(even[0])
    expect(lanes[1].rowHeight).toBe(16)
    expect(lanes[1].height).toBe(even[1].height * 2)
    expect(lanes[2].top - lanes[1].top).toBe(even[2].top - even[1].top + even[1].height)
    // y and pitch agree inside the zoomed lane, whatever row height the caller passes.
    for (const p of [52, 60, 77]) expect(pitchAt(lanes[1], yOfPitch(lanes[1], p, 8) + 12, 8)).toBe(p)
    expect(yOfPitch(lanes[1], 76, 8) - yOfPitch(lanes[1], 77, 8)).toBe(16)
    expect(laneAt(lanes, lanes[2].top + 1)?.trackId).toBe('b')
  })
  it('tells a note\'s body from its end', () => {
    const notes = track('s', 'soprano', [60]).notes
    expect(hitNote(notes, 100, 60, 40)?.part).toBe('body')
    expect(hitNote(notes, 470, 60, 40)?.part).toBe('end')
    expect(hitNote(notes, 100, 61, 40)).toBeUndefined()
  })
})
