// The AI panel's part-writing score of a candidate: the project with the candidate in place, checked,
// counting only the findings that concern the candidate's notes.
import { describe, expect, it } from 'vitest'
import { scoreCandidate } from '../../src/generation/score'
import type { Suggestion } from '../../src/generation/suggestions'
import { DEFAULT_META, type Track, type TrackRole } from '../../src/model/schema'

const track = (role: TrackRole, notes: [string, number, number][]): Track => ({
  id: role, name: role, instrument: 52, role, mute: false, solo: false, gain: 0.8, pan: 0,
  notes: notes.map(([id, pitch, start]) => ({ id, pitch, start, duration: 480, velocity: 80 })),
})

const candidate = (tenor: [number, number], bass: [number, number]): Suggestion => ({
  id: 's1', job: 'job1', candidate: 1, mode: 'harmonize', region: { startTick: 0, endTick: 960, voices: ['tenor', 'bass'] },
  requestedBy: { id: 'ann', name: 'Ann' }, createdAt: '2026-12-08T00:00:00Z',
  notes: [
    { id: 'c-t0', pitch: tenor[0], start: 0, duration: 480, velocity: 80, track: 'tenor', voice: 'tenor' },
    { id: 'c-t1', pitch: tenor[1], start: 480, duration: 480, velocity: 80, track: 'tenor', voice: 'tenor' },
    { id: 'c-b0', pitch: bass[0], start: 0, duration: 480, velocity: 80, track: 'bass', voice: 'bass' },
    { id: 'c-b1', pitch: bass[1], start: 480, duration: 480, velocity: 80, track: 'bass', voice: 'bass' },
  ],
})

// The soprano and alto already written; the tenor and bass have notes the candidate replaces, and a
// range problem of the soprano's later on that is not the candidate's.
const tracks = [
  track('soprano', [['s0', 72, 0], ['s1', 71, 480], ['s2', 84, 960]]),
  track('alto', [['a0', 64, 0], ['a1', 65, 480]]),
  track('tenor', [['t0', 55, 0], ['t1', 57, 480]]),
  track('bass', [['b0', 36, 0], ['b1', 36, 480]]),
]

describe('a candidate\'s part-writing score', () => {
  it('counts the parallel fifths the candidate writes, not the project\'s own problems nor the notes it replaces', () => {
    const score = scoreCandidate(DEFAULT_META, tracks, candidate([55, 57], [48, 50]))
    expect(score.text).toBe('1 parallel fifth')
    expect(score.findings[0].noteIds).toEqual(['c-t0', 'c-t1', 'c-b0', 'c-b1'])
  })

  it('says clean when the candidate brings no finding', () => {
    expect(scoreCandidate(DEFAULT_META, tracks, candidate([55, 53], [48, 50])).text).toBe('clean')
  })

  it('checks only the rules asked for (an assignment\'s)', () => {
    expect(scoreCandidate(DEFAULT_META, tracks, candidate([55, 57], [48, 50]), ['leap']).text).toBe('clean')
  })
})
