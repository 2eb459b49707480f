import { describe, expect, it } from 'vitest'
import { formatCounter } from '../../src/studio/time-counter'

describe('formatCounter', () => {
  const chorale = { ticksPerQuarter: 480, tempoBpm: 72, timeSignature: [4, 4] as [number, number] }
  it('counts bars and beats from 1 and time from 0:00.0', () => {
    expect(formatCounter(0, chorale)).toBe('1:1 · 0:00.0')
  })
  it('puts bar 3 of a 72 bpm 4/4 piece at 6.7 s', () => {
    expect(formatCounter(3840, chorale)).toBe('3:1 · 0:06.6')
  })
  it('counts beats of the time signature and whole minutes', () => {
    const waltz = { ticksPerQuarter: 480, tempoBpm: 120, timeSignature: [3, 4] as [number, number] }
    expect(formatCounter(480 * 3 * 40 + 480, waltz)).toBe('41:2 · 1:00.5')
  })
})
