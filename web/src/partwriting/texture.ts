// The four voices of a project as the part-writing rules see them: the studio's port of the schema
// module's Texture (schema/src/main/java/org/ensemble/schema/partwriting/, docs/part-writing.md), so the
// studio can check on every edit without a round trip. The moments where any voice starts a note
// ("events", in time order) and, at each, the note each voice is sounding (or none). The soprano, alto,
// tenor and bass are the first track with that role. Built once per check in one pass over the notes.
import type { Meta, Note, Track } from '../model/schema'
import { pitchClassOf, pitchName, prefersFlats } from '../music/pitch'

export interface Part { id: 'soprano' | 'alto' | 'tenor' | 'bass'; title: string; lowest: number; highest: number }

/** Highest first, with the ranges a harmony course gives them (the co-writer's, as on the server). */
export const PARTS: readonly Part[] = [
  { id: 'soprano', title: 'Soprano', lowest: 60, highest: 81 },
  { id: 'alto', title: 'Alto', lowest: 55, highest: 74 },
  { id: 'tenor', title: 'Tenor', lowest: 48, highest: 67 },
  { id: 'bass', title: 'Bass', lowest: 40, highest: 60 },
]
export const [SOPRANO, ALTO, TENOR, BASS] = [0, 1, 2, 3]

export interface Finding {
  rule: string
  bar: number
  beat: number
  offset: number
  tick: number
  voices: string[]
  /** Document note ids, earlier note first (for a motion: upper before, after, then lower's). */
  noteIds: string[]
  explanation: string
}

const byStartThenId = (a: Note, b: Note) => a.start - b.start || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

export class Texture {
  readonly trackIds: (string | undefined)[] = []
  /** Each voice's notes in time order, by part index. */
  readonly notes: Note[][] = []
  readonly times: number[]
  /** `sounding[event * 4 + part]`, undefined where the voice is silent. */
  private readonly sounding: (Note | undefined)[]
  readonly tonic: number
  readonly minor: boolean
  private readonly flats: boolean
  private readonly ticksPerBeat: number
  private readonly ticksPerBar: number

  constructor(meta: Meta, tracks: readonly Track[]) {
    this.tonic = pitchClassOf(meta.key.tonic) ?? 0
    this.minor = meta.key.mode === 'minor'
    this.flats = prefersFlats(meta.key)
    this.ticksPerBeat = Math.max(1, Math.floor(meta.ticksPerQuarter * 4 / meta.timeSignature[1]))
    this.ticksPerBar = this.ticksPerBeat * meta.timeSignature[0]
    const starts: number[] = []
    for (const part of PARTS) {
      const track = tracks.find((t) => t.role === part.id)
      this.trackIds.push(track?.id)
      const voice = track ? [...track.notes].sort(byStartThenId) : []
      this.notes.push(voice)
      for (const n of voice) starts.push(n.start)
    }
    starts.sort((a, b) => a - b)
    const times: number[] = []
    for (const s of starts) if (times.length === 0 || times[times.length - 1] !== s) times.push(s)
    this.times = times
    this.sounding = new Array(times.length * 4)
    this.notes.forEach((voice, p) => {
      let next = 0
      let current: Note | undefined
      for (let e = 0; e < times.length; e++) {
        // The latest note started by now; overlapping notes in one voice read as the newer one.
        while (next < voice.length && voice[next].start <= times[e]) current = voice[next++]
        this.sounding[e * 4 + p] = current && current.start + current.duration > times[e] ? current : undefined
      }
    })
  }

  get events(): number { return this.times.length }

  /** The note `part` sounds at `event`, or undefined. */
  at(event: number, part: number): Note | undefined { return this.sounding[event * 4 + part] }

  /** Whether `part`'s note at `event` begins there (rather than being held from before). */
  starts(event: number, part: number): boolean {
    const n = this.at(event, part)
    return n !== undefined && n.start === this.times[event]
  }

  /** Whether `part` sounds at both `event - 1` and `event`, on a different pitch. */
  moves(event: number, part: number): boolean {
    const before = this.at(event - 1, part)
    const after = this.at(event, part)
    return before !== undefined && after !== undefined && before.pitch !== after.pitch
  }

  /** Chord changes: consecutive events where all four voices sound and a pitch differs. */
  chordChanges(): number {
    let changes = 0
    const full = (e: number) => [0, 1, 2, 3].every((p) => this.at(e, p) !== undefined)
    for (let e = 1; e < this.times.length; e++) {
      if (full(e - 1) && full(e) && [0, 1, 2, 3].some((p) => this.at(e - 1, p)!.pitch !== this.at(e, p)!.pitch)) changes++
    }
    return changes
  }

  /** The scale degree of `pitch` as semitones above the tonic, 0 to 11. */
  degree(pitch: number): number { return (((pitch - this.tonic) % 12) + 12) % 12 }

  /** "F#4", with flats in flat keys. */
  name(pitch: number): string { return pitchName(pitch, this.flats) }

  /** A finding placed at `tick`, bar and beat counted from 1 as in the studio. */
  finding(rule: string, tick: number, parts: number[], noteIds: string[], explanation: string): Finding {
    const inBar = tick % this.ticksPerBar
    return { rule, bar: Math.floor(tick / this.ticksPerBar) + 1, beat: Math.floor(inBar / this.ticksPerBeat) + 1,
      offset: inBar % this.ticksPerBeat, tick, voices: parts.map((p) => PARTS[p].id), noteIds, explanation }
  }
}
