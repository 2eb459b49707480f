// The master level meter and the instruments' state, beside the transport. The meter reads the
// master bus's peak while something sounds (playback, or a note just placed) and rests otherwise, so
// it costs nothing when the studio is quiet. `data-peak-max` keeps the highest peak since the page
// opened (read by the tests: real sound reached the output).
import type { SoundState, Transport } from '../transport/transport'
import { h } from '../ui/dom'

const HOLD_MS = 1500

export interface LevelMeter { el: HTMLElement; kick(): void }

export function buildLevelMeter(transport: Transport): LevelMeter {
  const meter = h('meter', { id: 'master-level', min: 0, max: 1, low: 0.7, high: 0.9, optimum: 0.3, value: 0,
    'aria-label': 'Master level', 'data-peak-max': '0' }) as HTMLMeterElement
  const state = h('span', { id: 'instruments-state', class: 'instruments-state', role: 'status' }, describe(transport.sound))
  transport.onSound = (s) => { state.textContent = meter.title = describe(s); state.dataset.engine = s.engine }
  state.dataset.engine = transport.sound.engine
  let until = 0
  let frame = 0
  let peakMax = 0
  const buf = new Float32Array(1024)
  const tick = () => {
    frame = 0
    const analyser = transport.meter
    if (!analyser) return
    analyser.getFloatTimeDomainData(buf)
    let peak = 0
    for (const v of buf) peak = Math.max(peak, Math.abs(v))
    meter.value = Math.min(1, peak)
    meter.setAttribute('aria-valuetext', peak > 0.0001 ? `${Math.round(20 * Math.log10(peak))} dB` : 'silent')
    if (peak > peakMax) meter.dataset.peakMax = String(peakMax = peak)
    if (transport.playing || performance.now() < until) frame = requestAnimationFrame(tick)
    else meter.value = 0
  }
  const kick = () => {
    until = performance.now() + HOLD_MS
    if (!frame) frame = requestAnimationFrame(tick)
  }
  return { el: h('span', { class: 'field level' }, h('label', { for: 'master-level' }, 'Level'), meter, state), kick }
}

function describe(s: SoundState): string {
  if (s.engine === 'sampled') return `Sampled instruments (${(s.bytes / 1e6).toFixed(1)} MB)`
  if (s.error) return `Synthesized sound: ${s.error}`
  return s.loading ? 'Loading instruments…' : ''
}
