// Play, stop, loop and metronome: a look-ahead scheduler on the audio clock. Every 25 ms it schedules
// the notes that start within the next 150 ms, so timing holds even when the page is busy drawing.
// The notes play on the sampled General MIDI instruments (sound/sampled.ts), each track on its MIDI
// channel; until those are loaded (on the first sound) or if they cannot be, on synthesized voices.
import type { Note, Track } from '../model/schema'
import { secondsPerTick, ticksPerBar, ticksPerBeat, type TimeBase } from '../music/timing'
import { assignChannels, midiPan, midiVolume } from '../sound/channels'
import { SampledSynth } from '../sound/sampled'
import { beatsBetween, firstAtOrAfter, type Loop, positionAt, segmentsBetween } from './schedule'
import { click, playNote, type Voice, voiceFor } from './synth'

const LOOKAHEAD_S = 0.15
const TICK_MS = 25
const PREVIEW_S = 0.5
/** A note placed while the instruments load still sounds if they arrive within this time. */
const PREVIEW_LATE_S = 1.5

interface Playable { note: Note; voice: Voice; gain: number; pan: number; channel: number }

/** The notes that sound: soloed tracks when any is soloed, else every track not muted. */
export function audibleNotes(tracks: Track[]): Playable[] {
  const soloed = tracks.some((t) => t.solo)
  const channels = assignChannels(tracks)
  const out: Playable[] = []
  tracks.forEach((t, i) => {
    if (soloed ? !t.solo : t.mute) return
    const voice = voiceFor(t.instrument, t.role)
    for (const note of t.notes) out.push({ note, voice, gain: t.gain, pan: t.pan, channel: channels[i] })
  })
  return out.sort((a, b) => a.note.start - b.note.start)
}

/** Where the instruments stand: synthesized until the SoundFont is in, or for good if it failed. */
export type SoundState = { engine: 'synth'; loading: boolean; error?: string } | { engine: 'sampled'; bytes: number }

export class Transport {
  private ctx?: AudioContext
  private out?: GainNode
  /** Everything that sounds goes through here: the level meter listens to it. */
  private master?: GainNode
  meter?: AnalyserNode
  private sampled?: SampledSynth
  private loading?: Promise<SampledSynth | undefined>
  private loadError?: string
  private begun = false
  /** Called when the instruments' state changes (loading, loaded, failed). */
  onSound?: (state: SoundState) => void
  private timer?: ReturnType<typeof setInterval>
  private startTime = 0
  private startTick = 0
  private scheduledUntil = 0 // elapsed ticks
  private playable: Playable[] = []
  private tracks: Track[] = []
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

  get sound(): SoundState {
    return this.sampled ? { engine: 'sampled', bytes: this.sampled.soundFontBytes }
      : { engine: 'synth', loading: this.loading !== undefined && !this.loadError, error: this.loadError }
  }

  /** The sampled synthesizer, once loaded (the tests read what it played). */
  get instruments(): SampledSynth | undefined {
    return this.sampled
  }

  /** The audio context and its master bus, made on the first sound (a click or key press allows it). */
  private audio(): AudioContext {
    if (!this.ctx) {
      this.ctx = new AudioContext({ latencyHint: 'interactive' })
      this.master = this.ctx.createGain()
      this.meter = this.ctx.createAnalyser()
      this.meter.fftSize = 1024
      this.master.connect(this.meter)
      this.master.connect(this.ctx.destination)
    }
    void this.ctx.resume()
    return this.ctx
  }

  /** Starts loading the sampled instruments (once); resolves undefined if they cannot be had. */
  loadInstruments(): Promise<SampledSynth | undefined> {
    const ctx = this.audio()
    this.loading ??= SampledSynth.load(ctx, this.master!).then((s) => {
      this.sampled = s
      this.onSound?.(this.sound)
      return s
    }, (e: unknown) => {
      this.loadError = e instanceof Error ? e.message : String(e)
      this.onSound?.(this.sound)
      return undefined
    })
    if (!this.sampled && !this.loadError) this.onSound?.(this.sound)
    return this.loading
  }

  /** Sounds one note of `track` now (a note placed or moved), with the track's instrument, volume and pan. */
  preview(tracks: Track[], trackId: string, pitch: number, velocity: number): void {
    const i = tracks.findIndex((t) => t.id === trackId)
    if (i < 0) return
    const t = tracks[i]
    const ctx = this.audio()
    const asked = ctx.currentTime
    void this.loadInstruments().then((s) => {
      if (ctx.currentTime - asked > PREVIEW_LATE_S) return
      if (s) {
        const channel = assignChannels(tracks)[i]
        const at = 0
        s.setup({ channel, program: t.instrument, volume: midiVolume(t.gain), pan: midiPan(t.pan) }, at)
        s.noteOn(channel, pitch, velocity, at, PREVIEW_S)
      } else {
        playNote(ctx, this.master!, voiceFor(t.instrument, t.role), pitch, velocity, t.gain, t.pan, ctx.currentTime, PREVIEW_S)
      }
    })
  }

  /** Where playback is now, in ticks; undefined when stopped. */
  position(): number | undefined {
    if (!this.playing || !this.ctx) return undefined
    if (!this.begun) return this.startTick
    const elapsed = Math.max(0, (this.ctx.currentTime - this.startTime) / secondsPerTick(this.time))
    return positionAt(elapsed, this.startTick, this.loop)
  }

  /** Plays from `fromTick`; with `substitute`, plays the tracks it makes of the document's instead. */
  play(fromTick: number, substitute?: (tracks: Track[]) => Track[]): void {
    this.stop()
    this.substitute = substitute
    const ctx = this.audio()
    if (!this.out) {
      this.out = ctx.createGain()
      this.out.connect(this.master!)
    }
    this.out.gain.value = 1
    this.refresh()
    this.startTick = this.loop && fromTick >= this.loop.end ? this.loop.start : fromTick
    this.scheduledUntil = 0
    this.begun = false
    // Playing counts from now; the first notes wait for the instruments (the first play loads them).
    const timer = setInterval(() => { if (this.begun) this.schedule() }, TICK_MS)
    this.timer = timer
    void this.loadInstruments().then((s) => {
      if (this.timer !== timer) return // stopped meanwhile
      this.begun = true
      this.startTime = ctx.currentTime + 0.05
      if (s) this.setupChannels(s, this.startTime)
      this.schedule()
    })
  }

  /** Each track's instrument, volume and pan on its channel, from `at`. */
  private setupChannels(s: SampledSynth, at: number): void {
    const tracks = this.tracks
    const channels = assignChannels(tracks)
    tracks.forEach((t, i) => s.setup({ channel: channels[i], program: t.instrument, volume: midiVolume(t.gain), pan: midiPan(t.pan) }, at))
  }

  stop(): void {
    if (this.timer !== undefined) clearInterval(this.timer)
    this.timer = undefined
    if (this.begun) this.sampled?.silence()
    this.begun = false
    if (this.ctx && this.out) {
      // Silence what is already scheduled: a fresh output node for the next play.
      this.out.disconnect()
      this.out = this.ctx.createGain()
      this.out.connect(this.master!)
    }
  }

  /** Re-reads the notes (call after the document changes); keeps playing from the same place. */
  refresh(): void {
    const { tracks, time } = this.source()
    const tempoChanged = this.time && this.playing && time.tempoBpm !== this.time.tempoBpm
    const at = tempoChanged ? this.position() : undefined
    this.time = time
    this.tracks = this.substitute ? this.substitute(tracks) : tracks
    this.playable = audibleNotes(this.tracks)
    this.starts = Float64Array.from(this.playable, (p) => p.note.start)
    if (at !== undefined) this.play(at, this.substitute)
    else if (this.begun && this.sampled && this.ctx) this.setupChannels(this.sampled, this.ctx.currentTime) // instrument or mixer changed
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
        const when = Math.max(ctx.currentTime, at(p.note.start))
        if (this.sampled) this.sampled.noteOn(p.channel, p.note.pitch, p.note.velocity, when, seconds)
        else playNote(ctx, this.out!, p.voice, p.note.pitch, p.note.velocity, p.gain, p.pan, when, seconds)
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
