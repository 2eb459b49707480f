import { describe, expect, it } from 'vitest'
import type { Note } from '../../src/model/schema'
import {
  defaultRegion, defaultVoices, describeBars, FormError, type GenerationForm, MODES, requestBody, voiceAllowed,
} from '../../src/generation/request'

const time = { ticksPerQuarter: 480, tempoBpm: 120, timeSignature: [4, 4] as [number, number] }
const bar = 1920
const n = (start: number, duration: number): Note => ({ id: `n${start}`, pitch: 60, start, duration, velocity: 80 })

const form = (over: Partial<GenerationForm> = {}): GenerationForm => ({
  mode: 'harmonize', region: { first: 3, last: 4 }, bars: 2, voices: ['alto', 'tenor', 'bass'],
  sliders: { surprise: 0, happy: 0, busy: 0, different: 0 }, strength: 0.5, keyLock: false, rangeLock: false,
  strictLock: true, candidates: 2, seed: '', ...over,
})

describe('the region the AI panel proposes', () => {
  it('is the loop when one is set, in whole bars', () => {
    expect(defaultRegion(time, { start: 2 * bar, end: 4 * bar }, [n(0, 480)], 0)).toEqual({ first: 3, last: 4 })
    // A loop from the middle of bar 2 to the middle of bar 3 covers bars 2 and 3.
    expect(defaultRegion(time, { start: bar + 960, end: 2 * bar + 960 }, [], 0)).toEqual({ first: 2, last: 3 })
  })
  it('else the bars the selected notes touch', () => {
    expect(defaultRegion(time, undefined, [n(bar + 480, 480), n(3 * bar, bar)], 0)).toEqual({ first: 2, last: 4 })
    expect(defaultRegion(time, { start: 0, end: 0 }, [n(bar, bar)], 0)).toEqual({ first: 2, last: 2 })
  })
  it('else the bar at the cursor', () => {
    expect(defaultRegion(time, undefined, [], 5 * bar + 10)).toEqual({ first: 6, last: 6 })
    expect(defaultRegion(time, undefined, [], 0)).toEqual({ first: 1, last: 1 })
  })
  it('follows the time signature and is at most 64 bars', () => {
    const waltz = { ...time, timeSignature: [3, 4] as [number, number] }
    expect(defaultRegion(waltz, undefined, [], 1440)).toEqual({ first: 2, last: 2 })
    expect(defaultRegion(time, { start: 0, end: 40 * bar }, [], 0)).toEqual({ first: 1, last: 40 })
    expect(defaultRegion(time, { start: 0, end: 80 * bar }, [], 0)).toEqual({ first: 1, last: 64 })
  })
  it('is described as people count bars', () => {
    expect(describeBars({ first: 3, last: 4 })).toBe('bars 3–4')
    expect(describeBars({ first: 7, last: 7 })).toBe('bar 7')
  })
})

describe('voices per mode', () => {
  it('are the server\'s defaults', () => {
    expect(defaultVoices('harmonize')).toEqual(['alto', 'tenor', 'bass'])
    expect(defaultVoices('melody')).toEqual(['soprano'])
    for (const m of ['infill', 'variation', 'continue'] as const) expect(defaultVoices(m)).toEqual(['soprano', 'alto', 'tenor', 'bass'])
  })
  it('never include the soprano when harmonizing', () => {
    expect(voiceAllowed('harmonize', 'soprano')).toBe(false)
    for (const m of MODES) expect(defaultVoices(m).every((v) => voiceAllowed(m, v))).toBe(true)
  })
})

describe('the request body', () => {
  it('counts bars from 0 with an exclusive end, as the API does', () => {
    expect(requestBody(form({ seed: '1234', keyLock: true, rangeLock: true }))).toEqual({
      mode: 'harmonize', region: { startBar: 2, endBar: 4, voices: ['alto', 'tenor', 'bass'] }, candidates: 2, seed: 1234,
      sliders: { surprise: 0, happy: 0, busy: 0, different: 0 }, keyLock: true, rangeLock: true, strictLock: true,
    })
  })
  it('sends bars, not a region, to continue; strength only for a variation', () => {
    const c = requestBody(form({ mode: 'continue', bars: 3, voices: ['soprano', 'bass'] }))
    expect(c.region).toEqual({ voices: ['soprano', 'bass'] })
    expect(c.bars).toBe(3)
    expect(c).not.toHaveProperty('strength')
    expect(requestBody(form({ mode: 'variation', strength: 0.3, voices: ['alto'] })).strength).toBe(0.3)
  })
  it('sends the strict part-writing lock as the box is, on or off', () => {
    expect(requestBody(form()).strictLock).toBe(true)
    expect(requestBody(form({ strictLock: false })).strictLock).toBe(false)
  })
  it('leaves the seed out when empty, rounds and clamps the sliders', () => {
    const b = requestBody(form({ sliders: { surprise: 0.333, happy: -2, busy: 1, different: -0.5 } }))
    expect(b).not.toHaveProperty('seed')
    expect(b.sliders).toEqual({ surprise: 0.33, happy: -1, busy: 1, different: -0.5 })
  })
  it('drops the soprano from a harmonization and orders voices high to low', () => {
    expect((requestBody(form({ voices: ['bass', 'soprano', 'alto'] })).region as { voices: string[] }).voices).toEqual(['alto', 'bass'])
  })
  it('refuses what the server would refuse, with a reason to show', () => {
    expect(() => requestBody(form({ voices: ['soprano'] }))).toThrow(FormError)
    expect(() => requestBody(form({ candidates: 9 }))).toThrow(/1 to 8 candidates/)
    expect(() => requestBody(form({ region: { first: 4, last: 3 } }))).toThrow(/last bar not before/)
    expect(() => requestBody(form({ region: { first: 1, last: 65 } }))).toThrow(/at most 64 bars/)
    expect(requestBody(form({ region: { first: 1, last: 40 } })).region).toEqual({ startBar: 0, endBar: 40, voices: ['alto', 'tenor', 'bass'] })
    expect(() => requestBody(form({ seed: '-1' }))).toThrow(/seed/)
    expect(() => requestBody(form({ seed: '1.5' }))).toThrow(/seed/)
    expect(() => requestBody(form({ mode: 'continue', bars: 9 }))).toThrow(/1 to 8 bars/)
  })
})
