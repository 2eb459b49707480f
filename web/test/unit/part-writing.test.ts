// The studio's port of the part-writing checker on the server's hand-made examples (the schema module's
// tests): each rule triggered, and a near miss that is not. A rule emptied or left out fails here.
import { describe, expect, it } from 'vitest'
import { checkPartWriting, summarize } from '../../src/partwriting/checker'
import { DEFAULT_META, type Meta, type Track, type TrackRole } from '../../src/model/schema'

const QUARTER = 480
const A_MINOR: Meta = { ...DEFAULT_META, key: { tonic: 'A', mode: 'minor' } }

/** "tenor 55 57*2 r 60/2": the role, then a quarter note a pitch, *n for n quarters, /2 an eighth, r a rest. */
function piece(...voices: string[]): Track[] {
  return voices.map((voice) => {
    const [role, ...words] = voice.trim().split(/\s+/)
    const notes = []
    let tick = 0
    for (let word of words) {
      let length = QUARTER
      if (word.includes('*')) { length = QUARTER * Number(word.split('*')[1]); word = word.split('*')[0] }
      else if (word.endsWith('/2')) { length = QUARTER / 2; word = word.slice(0, -2) }
      if (word !== 'r') notes.push({ id: `${role}-${notes.length}`, pitch: Number(word), start: tick, duration: length, velocity: 80 })
      tick += length
    }
    return { id: role, name: role, instrument: 52, role: role as TrackRole, mute: false, solo: false, gain: 0.8, pan: 0, notes }
  })
}

const check = (rule: string, tracks: Track[], meta: Meta = DEFAULT_META) => checkPartWriting(meta, tracks, [rule]).findings

describe('part-writing checker (studio port)', () => {
  it('finds parallel fifths, compound ones too, and says where and which notes', () => {
    const [f, ...rest] = check('parallel-fifths', piece('tenor 55 57', 'bass 48 50'))
    expect(rest).toEqual([])
    expect(f).toMatchObject({ bar: 1, beat: 2, voices: ['tenor', 'bass'], noteIds: ['tenor-0', 'tenor-1', 'bass-0', 'bass-1'] })
    expect(f.explanation).toContain('Tenor and bass move in parallel fifths (G3 over C3 to A3 over D3)')
    expect(check('parallel-fifths', piece('soprano 67 69', 'bass 48 50'))).toHaveLength(1)
    expect(check('parallel-fifths', piece('tenor 55 62', 'bass 48 43'))).toEqual([])
    expect(check('parallel-fifths', piece('tenor 55 55', 'bass 48 48'))).toEqual([])
  })

  it('finds parallel octaves and unisons', () => {
    const found = check('parallel-octaves', piece('soprano 72 74', 'alto 60 62', 'tenor 60 62'))
    expect(found.map((f) => f.voices)).toEqual([['soprano', 'alto'], ['soprano', 'tenor'], ['alto', 'tenor']])
    expect(found[2].explanation).toContain('parallel unisons')
    expect(check('parallel-octaves', piece('soprano 72 74', 'alto 60 59'))).toEqual([])
  })

  it('finds hidden octaves and fifths in the outer voices, not with a soprano step', () => {
    expect(check('hidden-octaves', piece('soprano 64 72', 'bass 43 48'))[0].noteIds).toEqual(['soprano-0', 'soprano-1', 'bass-0', 'bass-1'])
    expect(check('hidden-octaves', piece('soprano 71 72', 'bass 43 48'))).toEqual([])
    expect(check('hidden-fifths', piece('soprano 64 67', 'bass 41 48'))).toHaveLength(1)
    expect(check('hidden-fifths', piece('alto 64 67', 'tenor 41 48'))).toEqual([])
  })

  it('finds crossings once while held, not unisons', () => {
    expect(check('voice-crossing', piece('soprano 67 67', 'alto 64 69'))[0].noteIds).toEqual(['soprano-1', 'alto-1'])
    expect(check('voice-crossing', piece('tenor 55*3', 'bass 57*3'))).toHaveLength(1)
    expect(check('voice-crossing', piece('soprano 67 67', 'alto 64 67'))).toEqual([])
  })

  it('finds overlaps', () => {
    expect(check('voice-overlap', piece('soprano 67 71', 'alto 64 69'))).toHaveLength(1)
    expect(check('voice-overlap', piece('tenor 60 52', 'bass 55 48'))).toHaveLength(1)
    expect(check('voice-overlap', piece('soprano 67 71', 'alto 64 67'))).toEqual([])
  })

  it('finds spacing over an octave in the upper voices only', () => {
    expect(check('spacing', piece('soprano 79', 'alto 64', 'tenor 60', 'bass 48'))[0].voices).toEqual(['soprano', 'alto'])
    expect(check('spacing', piece('alto 72', 'tenor 55'))).toHaveLength(1)
    expect(check('spacing', piece('soprano 76', 'alto 64', 'tenor 60', 'bass 40'))).toEqual([])
  })

  it('finds notes out of range, the edges inside', () => {
    expect(check('range', piece('soprano 72 84', 'bass 48 38')).map((f) => f.noteIds)).toEqual([['soprano-1'], ['bass-1']])
    expect(check('range', piece('soprano 60 81', 'alto 55 74', 'tenor 48 67', 'bass 40 60'))).toEqual([])
  })

  it('finds leaps over an octave and augmented ones read in the key', () => {
    expect(check('leap', piece('bass 48 62'))[0].noteIds).toEqual(['bass-0', 'bass-1'])
    expect(check('leap', piece('soprano 65 71'))[0].explanation).toContain('augmented fourth')
    expect(check('leap', piece('alto 65 68'), A_MINOR)[0].explanation).toContain('augmented second')
    expect(check('leap', piece('bass 48 60', 'soprano 71 77', 'tenor 48 r 62'))).toEqual([])
  })

  it('finds a soprano leading tone that does not rise at V–I', () => {
    expect(check('leading-tone', piece('soprano 71 67', 'bass 43 48'))).toHaveLength(1)
    expect(check('leading-tone', piece('soprano 68 64', 'bass 52 45'), A_MINOR)).toHaveLength(1)
    expect(check('leading-tone', piece('soprano 71 72', 'bass 43 48'))).toEqual([])
    expect(check('leading-tone', piece('soprano 71 67', 'bass 43 45'))).toEqual([])
  })

  it('runs only the chosen rules and sums a report up in words', () => {
    const tracks = piece('soprano 64 79', 'tenor 55 57', 'bass 48 50')
    const all = checkPartWriting(DEFAULT_META, tracks)
    expect(all.rules).toHaveLength(10)
    expect(summarize(all)).toBe('1 parallel fifth, 1 leap')
    const some = checkPartWriting(DEFAULT_META, tracks, ['leap'])
    expect(some.rules).toEqual(['leap'])
    expect(summarize(some)).toBe('1 leap')
    expect(summarize(checkPartWriting(DEFAULT_META, piece('soprano 72 74', 'bass 48 43'), ['parallel-fifths']))).toBe('clean')
  })
})
