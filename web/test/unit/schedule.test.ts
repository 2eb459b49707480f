import { describe, expect, it } from 'vitest'
import { beatsBetween, firstAtOrAfter, positionAt, segmentsBetween } from '../../src/transport/schedule'
import { audibleNotes } from '../../src/transport/transport'
import type { Track } from '../../src/model/schema'

describe('transport schedule', () => {
  const loop = { start: 1920, end: 3840 }
  it('plays straight through without a loop', () => {
    expect(positionAt(1000, 500)).toBe(1500)
    expect(segmentsBetween(0, 480, 960)).toEqual([{ from: 960, to: 1440, elapsedAt: 0 }])
  })
  it('wraps at the loop end back to its start', () => {
    expect(positionAt(3840 - 960, 960, loop)).toBe(1920)
    expect(positionAt(3840 - 960 + 100, 960, loop)).toBe(2020)
    expect(segmentsBetween(2700, 3100, 960, loop)).toEqual([
      { from: 3660, to: 3840, elapsedAt: 2700 }, { from: 1920, to: 2140, elapsedAt: 2880 }])
  })
  it('ignores a loop that lies before the starting point', () => {
    expect(positionAt(100, 4000, loop)).toBe(4100)
  })
  it('finds notes by start with a binary search', () => {
    const starts = [0, 0, 480, 960, 960, 1920]
    expect(firstAtOrAfter(starts, 0)).toBe(0)
    expect(firstAtOrAfter(starts, 481)).toBe(3)
    expect(firstAtOrAfter(starts, 5000)).toBe(6)
  })
  it('accents the first beat of each bar', () => {
    expect(beatsBetween(1440, 2500, 480, 1920)).toEqual([
      { tick: 1440, downbeat: false }, { tick: 1920, downbeat: true }, { tick: 2400, downbeat: false }])
  })
  it('plays soloed tracks only, else all but the muted', () => {
    const t = (id: string, mute: boolean, solo: boolean): Track => ({ id, name: id, instrument: 0, role: 'other', mute, solo,
      gain: 0.8, pan: 0, notes: [{ id: id + '1', pitch: 60, start: 0, duration: 480, velocity: 80 }] })
    expect(audibleNotes([t('a', false, false), t('b', true, false)]).map((p) => p.note.id)).toEqual(['a1'])
    expect(audibleNotes([t('a', false, false), t('b', true, true)]).map((p) => p.note.id)).toEqual(['b1'])
  })
})
