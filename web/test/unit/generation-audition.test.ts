import { describe, expect, it } from 'vitest'
import type { Note, Track } from '../../src/model/schema'
import { auditionStart, auditionTracks, cutSpan } from '../../src/generation/audition'
import type { Suggestion } from '../../src/generation/suggestions'

const n = (id: string, pitch: number, start: number, duration = 480): Note => ({ id, pitch, start, duration, velocity: 80 })
const track = (id: string, role: Track['role'], notes: Note[], extra: Partial<Track> = {}): Track =>
  ({ id, name: id, instrument: 52, role, mute: false, solo: false, gain: 0.8, pan: 0, notes, ...extra })

const tracks = [
  track('s', 'soprano', [n('s0', 72, 0, 1920), n('s1', 74, 1920, 1920)]),
  track('a', 'alto', [n('a0', 67, 0, 960), n('a1', 65, 960, 1920), n('a2', 64, 3840)], { mute: true }),
  track('b', 'bass', [n('b0', 48, 0, 4000)]),
  track('x', 'chords', [n('x0', 60, 0, 1920)]),
]

const suggestion = (notes: Suggestion['notes'], voices = ['alto', 'bass']): Suggestion => ({
  id: 'j-1', job: 'j', candidate: 1, mode: 'harmonize', region: { startTick: 960, endTick: 1920, voices },
  requestedBy: { id: 'alice', name: 'Alice' }, createdAt: '', notes,
})
const sn = (id: string, track: string, pitch: number, start: number, duration = 480) =>
  ({ id, track, voice: track === 'a' ? 'alto' : 'bass', pitch, start, duration, velocity: 80 })

describe('cutting a span out of a voice', () => {
  it('removes notes inside, shortens notes reaching in, moves the start of notes reaching out', () => {
    const cut = cutSpan([n('in', 60, 1000, 100), n('before', 60, 0, 1200), n('after', 60, 1800, 400), n('out', 60, 2000),
      n('over', 60, 0, 4000)], 960, 1920)
    expect(cut).toEqual([n('before', 60, 0, 960), n('after', 60, 1920, 280), n('out', 60, 2000), n('over', 60, 0, 960)])
  })
})

describe('an audition', () => {
  const s = suggestion([sn('c1', 'a', 69, 960), sn('c2', 'a', 67, 1440), sn('c3', 'b', 43, 960, 960)])

  it('alone plays only the candidate\'s notes, muted tracks included', () => {
    const out = auditionTracks(tracks, s, 'alone')
    expect(out.map((t) => t.id)).toEqual(['a', 'b'])
    expect(out[0].mute).toBe(false)
    expect(out.flatMap((t) => t.notes.map((x) => x.id))).toEqual(['c1', 'c2', 'c3'])
  })

  it('in the mix replaces the region\'s notes of its voices and keeps everything else', () => {
    const out = auditionTracks(tracks, s, 'mix')
    const ids = (id: string) => out.find((t) => t.id === id)!.notes.map((x) => `${x.id}@${x.start}+${x.duration}`)
    expect(ids('s')).toEqual(['s0@0+1920', 's1@1920+1920'])
    expect(ids('a')).toEqual(['a0@0+960', 'c1@960+480', 'c2@1440+480', 'a1@1920+960', 'a2@3840+480'])
    expect(ids('b')).toEqual(['b0@0+960', 'c3@960+960'])
    expect(ids('x')).toEqual(['x0@0+1920'])
    expect(out.find((t) => t.id === 'a')!.mute).toBe(true) // the mix is the project as it sounds
    expect(tracks[1].notes).toHaveLength(3) // the document's tracks are not touched
  })

  it('in the mix silences a region voice the candidate leaves empty (a rest)', () => {
    const out = auditionTracks(tracks, suggestion([sn('c1', 'a', 69, 960)]), 'mix')
    expect(out.find((t) => t.id === 'b')!.notes.map((x) => x.duration)).toEqual([960])
  })

  it('starts at the region', () => {
    expect(auditionStart(s)).toBe(960)
  })
})
