import { describe, expect, it } from 'vitest'
import { inScale, isBlackKey, isValidKey, pitchName, prefersFlats, spokenPitchName } from '../../src/music/pitch'

describe('pitch', () => {
  it('names MIDI pitches with middle C as C4', () => {
    expect(pitchName(60)).toBe('C4')
    expect(pitchName(66)).toBe('F#4')
    expect(pitchName(70, true)).toBe('Bb4')
    expect(pitchName(21)).toBe('A0')
    expect(pitchName(127)).toBe('G9')
  })
  it('speaks accidentals as words', () => {
    expect(spokenPitchName(66)).toBe('F sharp 4')
    expect(spokenPitchName(70, true)).toBe('B flat 4')
    expect(spokenPitchName(60)).toBe('C4')
  })
  it('accepts only keys a key signature can write', () => {
    expect(isValidKey({ tonic: 'G', mode: 'major' })).toBe(true)
    expect(isValidKey({ tonic: 'G#', mode: 'major' })).toBe(false)
    expect(isValidKey({ tonic: 'G#', mode: 'minor' })).toBe(true)
    expect(isValidKey({ tonic: 'g', mode: 'major' })).toBe(false)
  })
  it('spells flat keys with flats', () => {
    expect(prefersFlats({ tonic: 'F', mode: 'major' })).toBe(true)
    expect(prefersFlats({ tonic: 'D', mode: 'minor' })).toBe(true)
    expect(prefersFlats({ tonic: 'D', mode: 'major' })).toBe(false)
  })
  it('knows black keys and scale membership', () => {
    expect([61, 63, 66, 68, 70].every(isBlackKey)).toBe(true)
    expect(isBlackKey(64)).toBe(false)
    expect(inScale(66, { tonic: 'G', mode: 'major' })).toBe(true)
    expect(inScale(65, { tonic: 'G', mode: 'major' })).toBe(false)
    expect(inScale(68, { tonic: 'A', mode: 'minor' })).toBe(true) // the raised seventh
  })
})
