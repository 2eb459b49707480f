// The studio's AudioWorklet processor: spessasynth_core's SoundFont synthesizer rendering into the
// audio graph, on the audio thread. The page sends it the SoundFont once, then MIDI messages stamped
// with the audio clock's time; they wait here in time order and are played at the start of the render
// quantum (128 frames, 2.9 ms at 44.1 kHz) they fall in. `cancel` drops every waiting message (a stop
// must not let already-scheduled notes sound) and cuts every sound at once.
import { SoundBankLoader, SpessaSynthProcessor } from 'spessasynth_core'

declare const sampleRate: number
declare const currentTime: number
declare function registerProcessor(name: string, processor: unknown): void
declare class AudioWorkletProcessor {
  readonly port: MessagePort
}

export type ToWorklet =
  | { type: 'bank'; bank: ArrayBuffer }
  | { type: 'midi'; events: { time: number; data: number[] }[] }
  | { type: 'cancel' }

export type FromWorklet =
  | { type: 'ready' }
  | { type: 'failed'; error: string }
  | { type: 'program'; channel: number; name: string }
  | { type: 'noteOn'; channel: number; pitch: number }

class EnsembleSynthProcessor extends AudioWorkletProcessor {
  private readonly synth = new SpessaSynthProcessor(sampleRate, { initialTime: currentTime, eventsEnabled: true })
  private queue: { time: number; data: number[] }[] = []
  private ready = false

  constructor() {
    super()
    this.port.onmessage = (e: MessageEvent<ToWorklet>) => this.receive(e.data)
    this.synth.onEventCall = (e) => {
      if (e.type === 'programChange') this.post({ type: 'program', channel: e.data.channel, name: e.data.name })
      else if (e.type === 'noteOn') this.post({ type: 'noteOn', channel: e.data.channel, pitch: e.data.midiNote })
    }
  }

  private post(m: FromWorklet): void {
    this.port.postMessage(m)
  }

  private receive(m: ToWorklet): void {
    if (m.type === 'bank') {
      void this.synth.processorInitialized.then(() => {
        this.synth.soundBankManager.addSoundBank(SoundBankLoader.fromArrayBuffer(m.bank), 'main')
        this.ready = true
        this.post({ type: 'ready' })
      }).catch((err: unknown) => this.post({ type: 'failed', error: err instanceof Error ? err.message : String(err) }))
    } else if (m.type === 'midi') {
      for (const ev of m.events) this.queue.push(ev)
      this.queue.sort((a, b) => a.time - b.time) // stable: events at one time keep their order
    } else {
      this.queue = []
      this.synth.stopAllChannels(true)
    }
  }

  process(_inputs: Float32Array[][], outputs: Float32Array[][]): boolean {
    const out = outputs[0]
    if (!this.ready || !out || out.length < 2) return true
    let due = 0
    while (due < this.queue.length && this.queue[due].time <= currentTime) due++
    if (due > 0) for (const ev of this.queue.splice(0, due)) this.synth.processMessage(ev.data)
    this.synth.process(out[0], out[1])
    return true
  }
}

registerProcessor('ensemble-synth', EnsembleSynthProcessor)
