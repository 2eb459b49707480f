// Play, stop, loop and metronome: a look-ahead scheduler on the audio clock. Every 25 ms it schedules
// the notes that start within the next 150 ms, so timing holds even when the page is busy drawing.
import type { Note, Track } from '../model/schema'
import { secondsPerTick, ticksPerBar, ticksPerBeat, type TimeBase } from '../music/timing'
import { beatsBetween, firstAtOrAfter, type Loop, positionAt, segmentsBetween } from './schedule'
import { click, playNote, type Voice, voiceFor } from './synth'

const LOOKAHEAD_S = 0.15
const TICK_MS = 25

interface Playable { note: Note; voice: Voice; gain: number; pan: number }

/** The notes that sound: soloed tracks when any is soloed, else every track not muted. */
export function audibleNotes(tracks: Track[]): Playable[] {
  const soloed = tracks.some((t) => t.solo)
  const out: Playable[] = []
  for (const t of tracks) {
    if (soloed ? !t.solo : t.mute) continue
    const voice = voiceFor(t.instrument, t.role)
    for (const note of t.notes) out.push({ note, voice, gain: t.gain, pan: t.pan })
  }
  return out.sort((a, b) => a.note.start - b.note.start)
}

export class Transport {
  private ctx?: AudioContext
  private out?: GainNode
  private timer?: ReturnType<typeof setInterval>
  private startTime = 0
  private startTick = 0
  private scheduledUntil = 0 // elapsed ticks
  private playable: Playable[] = []
  private starts = new Float64Array(0)
  private time!: TimeBase
  loop?: Loop
  metronome = false
  /** What plays instead of the document's tracks until the next play (the AI panel's audition). */
  private substitute?: (tracks: Track[]) => Track[]

  constructor(private readonly source: () => { tracks: Track[]; time: TimeBase }) {}

  get playing(): boolean {
    return this.timer !== undefined
  }

  /** Where playback is now, in ticks; undefined when stopped. */
  position(): number | undefined {
    if (!this.playing || !this.ctx) return undefined
    const elapsed = Math.max(0, (this.ctx.currentTime - this.startTime) / secondsPerTick(this.time))
    return positionAt(elapsed, this.startTick, this.loop)
  }

  /** Plays from `fromTick`; with `substitute`, plays the tracks it makes of the document's instead. */
  play(fromTick: number, substitute?: (tracks: Track[]) => Track[]): void {
    this.stop()
    this.substitute = substitute
    this.ctx ??= new AudioContext({ latencyHint: 'interactive' })
    void this.ctx.resume()
    if (!this.out) {
      this.out = this.ctx.createGain()
      this.out.connect(this.ctx.destination)
    }
    this.out.gain.value = 1
    this.refresh()
    this.startTick = this.loop && fromTick >= this.loop.end ? this.loop.start : fromTick
    this.startTime = this.ctx.currentTime + 0.05
    this.scheduledUntil = 0
    this.timer = setInterval(() => this.schedule(), TICK_MS)
    this.schedule()
  }

  stop(): void {
    if (this.timer !== undefined) clearInterval(this.timer)
    this.timer = undefined
    if (this.ctx && this.out) {
      // Silence what is already scheduled: a fresh output node for the next play.
      this.out.disconnect()
      this.out = this.ctx.createGain()
      this.out.connect(this.ctx.destination)
    }
  }

  /** Re-reads the notes (call after the document changes); keeps playing from the same place. */
  refresh(): void {
    const { tracks, time } = this.source()
    const tempoChanged = this.time && this.playing && time.tempoBpm !== this.time.tempoBpm
    const at = tempoChanged ? this.position() : undefined
    this.time = time
    this.playable = audibleNotes(this.substitute ? this.substitute(tracks) : tracks)
    this.starts = Float64Array.from(this.playable, (p) => p.note.start)
    if (at !== undefined) this.play(at, this.substitute)
  }

  /** Whether the current playback is a substitute (an audition); false when stopped. */
  get auditioning(): boolean {
    return this.playing && this.substitute !== undefined
  }

  /** The notes the transport plays now, in order (read by the AI panel's tests). */
  notes(): Note[] {
    return this.playable.map((p) => p.note)
  }

  private schedule(): void {
    const ctx = this.ctx!
    const spt = secondsPerTick(this.time)
    const horizon = (ctx.currentTime + LOOKAHEAD_S - this.startTime) / spt
    if (horizon <= this.scheduledUntil) return
    for (const seg of segmentsBetween(this.scheduledUntil, horizon, this.startTick, this.loop)) {
      const at = (tick: number) => this.startTime + (seg.elapsedAt + tick - seg.from) * spt
      for (let i = firstAtOrAfter(this.starts, seg.from); i < this.playable.length && this.starts[i] < seg.to; i++) {
        const p = this.playable[i]
        let seconds = p.note.duration * spt
        if (this.loop && seg.to === this.loop.end) seconds = Math.min(seconds, (this.loop.end - p.note.start) * spt)
        playNote(ctx, this.out!, p.voice, p.note.pitch, p.note.velocity, p.gain, p.pan, Math.max(ctx.currentTime, at(p.note.start)), seconds)
      }
      if (this.metronome) {
        for (const b of beatsBetween(seg.from, seg.to, ticksPerBeat(this.time), ticksPerBar(this.time))) {
          click(ctx, this.out!, Math.max(ctx.currentTime, at(b.tick)), b.downbeat)
        }
      }
    }
    this.scheduledUntil = horizon
  }
}
