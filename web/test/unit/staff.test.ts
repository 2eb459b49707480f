import { describe, expect, it } from 'vitest'
import { spellAt, spellDuration, toUnits, valueName } from '../../src/staff/note-values'
import { clefFor, keyFifths, ledgerLines, signaturePositions, spell, staffPosition } from '../../src/staff/pitch-spelling'
import { buildScore } from '../../src/staff/score'
import { renderScore } from '../../src/staff/render'
import { describeScore } from '../../src/staff/summary'
import { DEFAULT_META, type Meta, type Note, type Track, type TrackRole } from '../../src/model/schema'

const names = (units: number) => spellDuration(units).map(valueName)
const track = (id: string, role: TrackRole, notes: [number, number, number][]): Track => ({
  id, name: id, role, instrument: 0, mute: false, solo: false, gain: 0.8, pan: 0,
  notes: notes.map(([pitch, start, duration], i): Note => ({ id: `${id}-${i}`, pitch, start, duration, velocity: 80 })),
})
const meta = (over: Partial<Meta> = {}): Meta => ({ ...DEFAULT_META, title: 'Test', ...over })

describe('duration spelling', () => {
  it('spells the plain and dotted values', () => {
    expect(names(64)).toEqual(['whole'])
    expect(names(48)).toEqual(['dotted half'])
    expect(names(32)).toEqual(['half'])
    expect(names(24)).toEqual(['dotted quarter'])
    expect(names(16)).toEqual(['quarter'])
    expect(names(12)).toEqual(['dotted eighth'])
    expect(names(8)).toEqual(['eighth'])
    expect(names(4)).toEqual(['sixteenth'])
  })
  it('ties what one value cannot say, longest first', () => {
    expect(names(20)).toEqual(['quarter', 'sixteenth'])
    expect(names(40)).toEqual(['half', 'eighth'])
    expect(names(56)).toEqual(['dotted half', 'eighth'])
    expect(names(80)).toEqual(['whole', 'quarter'])
  })
  it('refuses a length that is not a whole number of 64ths', () => {
    expect(() => spellDuration(0)).toThrow(RangeError)
    expect(() => spellDuration(2.5)).toThrow(RangeError)
  })
  it('splits an off-beat note at the next beat', () => {
    expect(spellAt(8, 24, 16).map(valueName)).toEqual(['eighth', 'quarter'])
    expect(spellAt(0, 24, 16).map(valueName)).toEqual(['dotted quarter'])
    expect(spellAt(4, 4, 16).map(valueName)).toEqual(['sixteenth'])
  })
  it('counts ticks in 64ths at any resolution', () => {
    expect(toUnits(480, 480)).toBe(16)
    expect(toUnits(240, 480)).toBe(8)
    expect(toUnits(96, 96)).toBe(16)
    expect(toUnits(160, 480)).toBe(5) // a triplet eighth, rounded
  })
})

describe('keys and staff positions', () => {
  it('counts the signature of major and minor keys', () => {
    const f = (tonic: string, mode: 'major' | 'minor') => keyFifths({ tonic, mode })
    expect([f('C', 'major'), f('G', 'major'), f('F', 'major'), f('C#', 'major'), f('Cb', 'major')]).toEqual([0, 1, -1, 7, -7])
    expect([f('A', 'minor'), f('E', 'minor'), f('D', 'minor'), f('C', 'minor'), f('A#', 'minor'), f('Ab', 'minor')]).toEqual([0, 1, -1, -3, 7, -7])
  })
  it('spells pitches in the key', () => {
    const s = (pitch: number, tonic: string, mode: 'major' | 'minor' = 'major') => {
      const x = spell(pitch, { tonic, mode })
      return 'CDEFGAB'[x.letter] + (x.alter === 1 ? '#' : x.alter === -1 ? 'b' : '') + x.octave
    }
    expect(s(60, 'C')).toBe('C4')
    expect(s(66, 'G')).toBe('F#4')
    expect(s(70, 'F')).toBe('Bb4')
    expect(s(71, 'F')).toBe('B4')
    expect(s(61, 'C')).toBe('C#4')
    expect(s(68, 'A', 'minor')).toBe('G#4')
    expect(s(61, 'D', 'minor')).toBe('C#4')
    expect(s(71, 'C', 'minor')).toBe('B4')
    expect(s(59, 'Gb')).toBe('Cb4') // the key's own Cb: written in octave 4, sounding B3
    expect(s(65, 'F#')).toBe('E#4')
  })
  it('places notes on the treble and bass staves', () => {
    const pos = (pitch: number, clef: 'treble' | 'bass') => staffPosition(spell(pitch, { tonic: 'C', mode: 'major' }).step, clef)
    expect(pos(64, 'treble')).toBe(0) // E4, the bottom line
    expect(pos(60, 'treble')).toBe(-2) // middle C, one ledger line below
    expect(pos(77, 'treble')).toBe(8) // F5, the top line
    expect(pos(43, 'bass')).toBe(0) // G2, the bottom line
    expect(pos(57, 'bass')).toBe(8) // A3, the top line
    expect(pos(60, 'bass')).toBe(10) // middle C, one ledger line above
    expect(pos(61, 'treble')).toBe(-2) // C#4 shares middle C's line
  })
  it('draws the ledger lines a note needs', () => {
    expect(ledgerLines(4)).toEqual([])
    expect(ledgerLines(-2)).toEqual([-2])
    expect(ledgerLines(-3)).toEqual([-2])
    expect(ledgerLines(-5)).toEqual([-2, -4])
    expect(ledgerLines(11)).toEqual([10])
    expect(ledgerLines(12)).toEqual([10, 12])
  })
  it('writes key signatures at their places', () => {
    expect(signaturePositions(1, 'treble')).toEqual([8])
    expect(signaturePositions(2, 'bass')).toEqual([6, 3])
    expect(signaturePositions(-3, 'treble')).toEqual([4, 7, 3])
    expect(signaturePositions(0, 'bass')).toEqual([])
  })
  it('chooses the clef by range, the part\'s usual clef when it is close', () => {
    expect(clefFor([72, 74, 67], 'soprano')).toBe('treble')
    expect(clefFor([48, 50, 55], 'tenor')).toBe('bass')
    expect(clefFor([], 'bass')).toBe('bass')
    expect(clefFor([], 'melody')).toBe('treble')
    expect(clefFor([59, 60, 57, 59], 'tenor')).toBe('bass') // the chorale template's tenor in G major
    expect(clefFor([66, 67, 67, 69], 'tenor')).toBe('treble') // and in E minor
    expect(clefFor([48, 52, 55], 'melody')).toBe('bass')
  })
})

describe('the score', () => {
  it('writes notes, rests, ties across the bar line and accidentals per bar', () => {
    const t = track('S', 'soprano', [
      [72, 0, 480], [74, 480, 960], // C5 quarter, D5 half, then a quarter rest
      [66, 1920, 240], [66, 2160, 240], // F#4 twice in bar 2: the sharp once
      [69, 3360, 960], // A4 from beat 4 of bar 2, tied into bar 3
      [66, 4320, 480], // F#4 in bar 3: the sharp again
    ])
    const score = buildScore(meta(), [t, track('Kit', 'drums', [[36, 0, 480]])])
    expect(score.leftOut).toEqual(['Kit'])
    expect(score.bars).toBe(3)
    const [staff] = score.staves
    expect(staff.clef).toBe('treble')
    const bar0 = staff.events.filter((e) => e.bar === 0)
    expect(bar0.map((e) => [e.offset, valueName(e.value), e.heads.map((h) => h.pitch)])).toEqual([
      [0, 'quarter', [72]], [16, 'half', [74]], [48, 'quarter', []],
    ])
    const sharps = staff.events.flatMap((e) => e.heads.filter((h) => h.pitch === 66 && h.noteIds.length > 0).map((h) => h.accidental))
    expect(sharps).toEqual([1, undefined, 1])
    const a4 = staff.events.filter((e) => e.heads.some((h) => h.pitch === 69))
    expect(a4.map((e) => [e.bar, e.offset, valueName(e.value), e.heads[0].noteIds.length, e.heads[0].tiedToNext]))
      .toEqual([[1, 48, 'quarter', 1, true], [2, 0, 'quarter', 0, false]])
    // Every note starts exactly one head.
    const ids = staff.events.flatMap((e) => e.heads.flatMap((h) => h.noteIds)).sort()
    expect(ids).toEqual(t.notes.map((n) => n.id).sort())
  })
  it('fills an empty bar with one whole rest, whatever the metre', () => {
    const score = buildScore(meta({ timeSignature: [3, 4] }), [track('B', 'bass', [[48, 1440, 480]])])
    expect(score.staves[0].clef).toBe('bass')
    expect(score.staves[0].events[0]).toMatchObject({ bar: 0, wholeBar: true })
  })
  it('draws one notehead per note, with a summary for screen readers', () => {
    const tracks = [track('Soprano', 'soprano', [[72, 0, 480], [76, 480, 1440], [79, 1920, 3840]]),
      track('Bass', 'bass', [[48, 0, 1920], [43, 1920, 960], [41, 2880, 240]])]
    const score = buildScore(meta({ key: { tonic: 'G', mode: 'major' }, title: 'A <b>&' }), tracks)
    const label = describeScore(score)
    expect(label).toContain('2 staves: Soprano in treble clef, Bass in bass clef')
    expect(label).toContain('G major, 1 sharp')
    expect(label).toContain('6 notes over 3 bars')
    const { svg, systems } = renderScore(score, 900, label)
    expect(systems).toBe(1)
    expect(svg.match(/data-note-id="/g)?.length).toBe(6)
    expect(svg.match(/class="notehead tied"/g)?.length).toBe(1) // the soprano's last G5 crosses into bar 3
    expect(svg.match(/class="key-accidental sharp"/g)?.length).toBe(2)
    expect(svg).toContain('role="img"')
    expect(svg).not.toContain('<b>')
  })
  it('wraps a long piece into systems', () => {
    const notes: [number, number, number][] = Array.from({ length: 64 }, (_, i) => [60 + (i % 12), i * 240, 240])
    const score = buildScore(meta(), [track('M', 'melody', notes)])
    expect(renderScore(score, 700, 'x').systems).toBeGreaterThan(2)
  })
})
