// Instruments synthesized with Web Audio: nothing is loaded from anywhere. Each General MIDI family
// gets a waveform and an envelope; good enough to hear the parts, not to mix a record.

export interface Voice { wave: OscillatorType; attack: number; decay: number; sustain: number; release: number; cutoff: number }

export function voiceFor(program: number, role: string): Voice {
  if (role === 'drums') return { wave: 'square', attack: 0.001, decay: 0.06, sustain: 0, release: 0.03, cutoff: 3000 }
  const family = Math.floor(program / 8)
  switch (family) {
    case 0: case 1: return { wave: 'triangle', attack: 0.005, decay: 0.6, sustain: 0.25, release: 0.25, cutoff: 5000 } // pianos, chromatic
    case 2: return { wave: 'square', attack: 0.01, decay: 0.1, sustain: 0.8, release: 0.08, cutoff: 2500 } // organs
    case 3: return { wave: 'triangle', attack: 0.003, decay: 0.4, sustain: 0.15, release: 0.2, cutoff: 4000 } // guitars
    case 4: return { wave: 'sawtooth', attack: 0.01, decay: 0.2, sustain: 0.6, release: 0.1, cutoff: 900 } // basses
    case 5: case 6: return { wave: 'sawtooth', attack: 0.08, decay: 0.2, sustain: 0.8, release: 0.3, cutoff: 2200 } // strings, choirs
    case 7: case 8: case 9: return { wave: 'square', attack: 0.03, decay: 0.1, sustain: 0.7, release: 0.15, cutoff: 3000 } // brass, reeds, pipes
    default: return { wave: 'sawtooth', attack: 0.02, decay: 0.3, sustain: 0.5, release: 0.2, cutoff: 3000 }
  }
}

export function frequencyOf(pitch: number): number {
  return 440 * Math.pow(2, (pitch - 69) / 12)
}

/** Plays one note: oscillator → low-pass → envelope → pan → out. */
export function playNote(ctx: AudioContext, out: AudioNode, voice: Voice, pitch: number, velocity: number,
  gain: number, pan: number, at: number, seconds: number): void {
  const osc = ctx.createOscillator()
  osc.type = voice.wave
  osc.frequency.value = frequencyOf(pitch)
  const filter = ctx.createBiquadFilter()
  filter.type = 'lowpass'
  filter.frequency.value = voice.cutoff
  const env = ctx.createGain()
  const peak = (velocity / 127) * gain * 0.25
  const end = at + Math.max(0.02, seconds)
  env.gain.setValueAtTime(0, at)
  env.gain.linearRampToValueAtTime(peak, at + voice.attack)
  env.gain.setTargetAtTime(peak * voice.sustain, at + voice.attack, voice.decay / 3)
  env.gain.setTargetAtTime(0, end, voice.release / 3)
  const panner = ctx.createStereoPanner()
  panner.pan.value = pan
  osc.connect(filter).connect(env).connect(panner).connect(out)
  osc.start(at)
  osc.stop(end + voice.release + 0.05)
  osc.onended = () => panner.disconnect()
}

/** A metronome click: higher on the first beat of a bar. */
export function click(ctx: AudioContext, out: AudioNode, at: number, downbeat: boolean): void {
  const osc = ctx.createOscillator()
  osc.frequency.value = downbeat ? 1760 : 1320
  const env = ctx.createGain()
  env.gain.setValueAtTime(0.3, at)
  env.gain.exponentialRampToValueAtTime(0.001, at + 0.05)
  osc.connect(env).connect(out)
  osc.start(at)
  osc.stop(at + 0.06)
}
