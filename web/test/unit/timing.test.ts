import { describe, expect, it } from 'vitest'
import { barBeat, describeLength, describePosition, secondsToTicks, ticksPerBar, ticksPerBeat, ticksToSeconds } from '../../src/music/timing'

const t44 = { ticksPerQuarter: 480, tempoBpm: 120, timeSignature: [4, 4] as [number, number] }
const t68 = { ticksPerQuarter: 480, tempoBpm: 90, timeSignature: [6, 8] as [number, number] }

describe('timing', () => {
  it('counts a 6/8 beat as an eighth and its bar as three quarters', () => {
    expect(ticksPerBeat(t68)).toBe(240)
    expect(ticksPerBar(t68)).toBe(1440)
    expect(ticksPerBar(t44)).toBe(1920)
  })
  it('converts ticks to seconds at the tempo and back', () => {
    expect(ticksToSeconds(480, t44)).toBeCloseTo(0.5)
    expect(ticksToSeconds(480, { ...t44, tempoBpm: 72 })).toBeCloseTo(60 / 72)
    expect(secondsToTicks(2, t44)).toBeCloseTo(1920)
  })
  it('finds bar and beat counted from one', () => {
    expect(barBeat(0, t44)).toEqual({ bar: 1, beat: 1, offset: 0 })
    expect(barBeat(1920 + 480 + 120, t44)).toEqual({ bar: 2, beat: 2, offset: 120 })
    expect(barBeat(1440 + 240 * 5, t68)).toEqual({ bar: 2, beat: 6, offset: 0 })
  })
  it('names lengths and positions in words', () => {
    expect(describeLength(480, 480)).toBe('quarter')
    expect(describeLength(720, 480)).toBe('dotted quarter')
    expect(describeLength(160, 480)).toBe('triplet eighth')
    expect(describeLength(3840, 480)).toBe('2 whole notes')
    expect(describeLength(500, 480)).toBe('1.04 quarters')
    expect(describePosition(1920 + 960, t44)).toBe('bar 2 beat 3')
    expect(describePosition(240, t44)).toBe('bar 1 beat 1 plus eighth')
  })
})
