// Sampled General MIDI instruments: the server's SoundFont (GET /sounds/general-midi.sf2, 6 MB with
// Debian's TimGM6mb) played by spessasynth_core in the studio's own AudioWorklet (sound/worklet.ts).
// Nothing of it loads with the page: the worklet's code and the SoundFont are fetched on the first
// sound (the first play, or the first note placed or moved), once per page. If either fails the
// studio keeps its synthesized voices (transport/synth.ts) and says why.
import workletUrl from './worklet.ts?worker&url'
import type { FromWorklet, ToWorklet } from './worklet'

export const SOUND_FONT_URL = '/sounds/general-midi.sf2'

const NOTE_ON = 0x90
const NOTE_OFF = 0x80
const CONTROL = 0xb0
const PROGRAM = 0xc0
const CC_VOLUME = 7
const CC_PAN = 10
const CC_ALL_SOUND_OFF = 120
const CHANNELS = 16
const LOAD_TIMEOUT_MS = 30_000

export interface ChannelSetup { channel: number; program: number; volume: number; pan: number }

/** One note the synthesizer started, as it reported it (read by the tests). */
export interface Sounded { channel: number; pitch: number; preset: string }

export class SampledSynth {
  /** The preset each channel plays now, by the synthesizer's own report. */
  readonly presets: string[] = new Array<string>(CHANNELS).fill('')
  /** The last notes the synthesizer started, newest last (at most 64). */
  readonly sounded: Sounded[] = []

  private constructor(private readonly node: AudioWorkletNode, readonly ctx: AudioContext, readonly soundFontBytes: number) {}

  /** Loads the worklet and the SoundFont into `ctx`, its output connected to `out`. */
  static async load(ctx: AudioContext, out: AudioNode): Promise<SampledSynth> {
    const [bank] = await Promise.all([
      fetch(SOUND_FONT_URL).then(async (res) => {
        if (!res.ok) throw new Error(await reason(res))
        return res.arrayBuffer()
      }),
      ctx.audioWorklet.addModule(workletUrl),
    ])
    const node = new AudioWorkletNode(ctx, 'ensemble-synth', { numberOfInputs: 0, numberOfOutputs: 1, outputChannelCount: [2] })
    const synth = new SampledSynth(node, ctx, bank.byteLength)
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the instruments took too long to load')), LOAD_TIMEOUT_MS)
      node.port.onmessage = (e: MessageEvent<FromWorklet>) => {
        const m = e.data
        if (m.type === 'ready') { clearTimeout(timer); resolve() }
        else if (m.type === 'failed') { clearTimeout(timer); reject(new Error(`the SoundFont could not be read: ${m.error}`)) }
        else synth.heard(m)
      }
      synth.send({ type: 'bank', bank }, [bank])
    })
    node.connect(out)
    return synth
  }

  private send(m: ToWorklet, transfer: Transferable[] = []): void {
    this.node.port.postMessage(m, transfer)
  }

  private heard(m: FromWorklet): void {
    if (m.type === 'program') this.presets[m.channel] = m.name
    else if (m.type === 'noteOn') {
      this.sounded.push({ channel: m.channel, pitch: m.pitch, preset: this.presets[m.channel] })
      if (this.sounded.length > 64) this.sounded.shift()
    }
  }

  /** Sets a channel's instrument (on channel 10, program 0 is the standard kit), volume and pan at `at`. */
  setup(s: ChannelSetup, at = 0): void {
    this.send({ type: 'midi', events: [
      { time: at, data: [PROGRAM | s.channel, s.channel === 9 ? 0 : s.program] },
      { time: at, data: [CONTROL | s.channel, CC_VOLUME, s.volume] },
      { time: at, data: [CONTROL | s.channel, CC_PAN, s.pan] },
    ] })
  }

  noteOn(channel: number, pitch: number, velocity: number, at: number, seconds: number): void {
    this.send({ type: 'midi', events: [
      { time: at, data: [NOTE_ON | channel, pitch, velocity] },
      { time: at + seconds, data: [NOTE_OFF | channel, pitch, 0] },
    ] })
  }

  /** Stops every sound now and drops what was scheduled. */
  silence(): void {
    this.send({ type: 'cancel' })
    this.send({ type: 'midi', events: Array.from({ length: CHANNELS }, (_, ch) => ({ time: 0, data: [CONTROL | ch, CC_ALL_SOUND_OFF, 0] })) })
  }
}

async function reason(res: Response): Promise<string> {
  try {
    const body = (await res.json()) as { error?: string }
    if (body.error) return body.error
  } catch { /* not JSON */ }
  return `the SoundFont did not load (HTTP ${res.status})`
}
