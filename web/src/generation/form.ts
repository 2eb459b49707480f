// The AI panel's request form: mode (with what it means), region in bars, voices, the four sliders,
// variation strength, key, range and strict part-writing locks, candidates and seed. Every control is a labelled native
// element; read() turns it into a GenerationForm for requestBody().
import { h } from '../ui/dom'
import {
  type BarRange, defaultVoices, describeBars, type GenerationForm, type GenerationMode, MAX_REGION_BARS, MODE_MEANINGS,
  MODES, SLIDERS, type Sliders, type Voice, VOICES, voiceAllowed,
} from './request'

export interface RequestForm {
  el: HTMLFormElement
  read(): GenerationForm
  /** Shows a region proposed by the studio, unless the user has typed one. */
  propose(region: BarRange): void
  setBusy(busy: boolean): void
}

const cap = (s: string) => s[0].toUpperCase() + s.slice(1)

export function buildRequestForm(onSubmit: () => void, onResetRegion: () => void): RequestForm {
  const field = (label: string, control: HTMLElement, hint?: HTMLElement) =>
    h('div', { class: 'ai-field' }, h('label', { for: control.id }, label), control, hint)

  const mode = h('select', { id: 'ai-mode', 'aria-describedby': 'ai-mode-meaning' },
    ...MODES.map((m) => h('option', { value: m, selected: m === 'harmonize' }, cap(m))))
  const meaning = h('p', { id: 'ai-mode-meaning', class: 'ai-hint' })

  let touched = false
  const first = h('input', { type: 'number', id: 'ai-first-bar', min: 1, step: 1, value: 1, inputmode: 'numeric' })
  const last = h('input', { type: 'number', id: 'ai-last-bar', min: 1, step: 1, value: 1, inputmode: 'numeric' })
  const regionText = h('output', { id: 'ai-region-text', for: 'ai-first-bar ai-last-bar', 'data-testid': 'ai-region' }, 'bar 1')
  const reset = h('button', { type: 'button', id: 'ai-region-reset', onclick: () => { touched = false; onResetRegion() } },
    'Use loop, selection or cursor')
  const regionBox = h('fieldset', { class: 'ai-region' }, h('legend', {}, 'Region: ', regionText),
    h('div', { class: 'ai-row' }, field('First bar', first), field('Last bar', last)), reset,
    h('p', { class: 'ai-hint' }, `Up to ${MAX_REGION_BARS} bars. By default: the loop, else the selected notes' bars, else the bar at the cursor.`))
  const bars = h('input', { type: 'number', id: 'ai-bars', min: 1, max: 8, step: 1, value: 2 })
  const barsBox = h('div', { class: 'ai-continue', hidden: true }, field('Bars to add after the piece', bars))

  const voiceBoxes = new Map<Voice, HTMLInputElement>(VOICES.map((v) => [v, h('input', { type: 'checkbox', id: `ai-voice-${v}` })]))
  const voices = h('fieldset', { class: 'ai-voices' }, h('legend', {}, 'Voices to write'),
    ...VOICES.map((v) => h('span', { class: 'ai-check' }, voiceBoxes.get(v)!, h('label', { for: `ai-voice-${v}` }, cap(v)))))

  const sliders = new Map<keyof Sliders, HTMLInputElement>()
  const sliderRows = SLIDERS.map((s) => {
    const input = h('input', { type: 'range', id: `ai-${s.key}`, min: -1, max: 1, step: 0.1, value: 0 })
    const say = () => {
      const v = Number(input.value)
      input.setAttribute('aria-valuetext', v === 0 ? 'middle' : `${Math.abs(v).toFixed(1)} toward ${v < 0 ? s.low : s.high}`)
    }
    input.addEventListener('input', say)
    say()
    sliders.set(s.key, input)
    // The two ends written under the slider's ends (the value's words say the same to screen readers).
    return h('div', { class: 'ai-slider' }, h('label', { for: input.id }, s.label), input,
      h('span', { class: 'ai-ends', 'aria-hidden': 'true' }, h('span', {}, `← ${s.low}`), h('span', {}, `${s.high} →`)))
  })
  const strength = h('input', { type: 'range', id: 'ai-strength', min: 0.05, max: 1, step: 0.05, value: 0.5 })
  const strengthOut = h('output', { for: 'ai-strength' }, '0.5')
  strength.addEventListener('input', () => { strengthOut.textContent = strength.value })
  const strengthBox = h('div', { class: 'ai-slider', hidden: true },
    h('label', { for: 'ai-strength' }, 'Variation strength (share rewritten)'), h('span', { class: 'ai-row' }, strength, strengthOut))

  const keyLock = h('input', { type: 'checkbox', id: 'ai-key-lock' })
  const rangeLock = h('input', { type: 'checkbox', id: 'ai-range-lock' })
  // On by default, as the server has it: what the lock does is said under it, not hidden.
  const strictLock = h('input', { type: 'checkbox', id: 'ai-strict-lock', checked: true, 'aria-describedby': 'ai-strict-hint' })
  const candidates = h('input', { type: 'number', id: 'ai-count', min: 1, max: 8, step: 1, value: 2 })
  const seed = h('input', { type: 'number', id: 'ai-seed', min: 0, step: 1, placeholder: 'random', 'aria-describedby': 'ai-seed-hint' })
  const generate = h('button', { type: 'submit', id: 'ai-generate', class: 'primary' }, 'Generate')

  const showRegion = () => {
    const r = { first: Number(first.value), last: Number(last.value) }
    regionText.textContent = Number.isInteger(r.first) && Number.isInteger(r.last) ? describeBars(r) : 'not set'
  }
  for (const input of [first, last]) input.addEventListener('input', () => { touched = true; showRegion() })

  const applyMode = () => {
    const m = mode.value as GenerationMode
    meaning.textContent = MODE_MEANINGS[m]
    const chosen = defaultVoices(m)
    for (const [v, box] of voiceBoxes) {
      box.checked = chosen.includes(v)
      box.disabled = !voiceAllowed(m, v)
    }
    regionBox.hidden = m === 'continue'
    barsBox.hidden = m !== 'continue'
    strengthBox.hidden = m !== 'variation'
  }
  mode.addEventListener('change', applyMode)
  applyMode()

  // What is asked every time stays in view (mode, region, voices, how many, Generate); the character
  // sliders and the locks, set now and then, fold away so that Generate is on screen at 1400×900.
  const more = h('details', { class: 'ai-more' }, h('summary', { id: 'ai-more' }, 'Character and rules'),
    h('fieldset', { class: 'ai-sliders' }, h('legend', {}, 'Character'), ...sliderRows),
    h('div', { class: 'ai-locks' },
      h('span', { class: 'ai-check' }, keyLock, h('label', { for: 'ai-key-lock' }, 'Key lock: only notes of the key')),
      h('span', { class: 'ai-check' }, rangeLock, h('label', { for: 'ai-range-lock' }, 'Range lock: each voice in its range')),
      h('span', { class: 'ai-check' }, strictLock, h('label', { for: 'ai-strict-lock' }, 'Strict part-writing (on by default)')),
      h('p', { id: 'ai-strict-hint', class: 'ai-hint' }, 'The rules a harmony teacher marks: no parallel fifths or '
        + 'octaves between any two voices (in contrary motion either), no leap wider than a fifth (an octave is allowed), no voice crossing, '
        + 'and the leading tone rises to the tonic. Where the music leaves no way to keep them all, the AI breaks '
        + 'as few as it can. Turn it off for freer, less textbook writing.')),
    h('p', { id: 'ai-seed-hint', class: 'ai-hint' }, 'The same seed on the same music gives the same candidates.'))
  const el = h('form', { id: 'ai-form', class: 'ai-form', 'aria-label': 'Ask the AI' },
    field('Mode', mode, meaning), regionBox, barsBox, voices, strengthBox, more,
    h('div', { class: 'ai-row ai-submit' }, field('Candidates (1–8)', candidates), field('Seed (optional)', seed), generate))
  el.addEventListener('submit', (e) => { e.preventDefault(); onSubmit() })

  return {
    el,
    read: () => ({
      mode: mode.value as GenerationMode,
      region: { first: Number(first.value), last: Number(last.value) },
      bars: Number(bars.value),
      voices: VOICES.filter((v) => voiceBoxes.get(v)!.checked),
      sliders: Object.fromEntries(SLIDERS.map((s) => [s.key, Number(sliders.get(s.key)!.value)])) as unknown as Sliders,
      strength: Number(strength.value),
      keyLock: keyLock.checked,
      rangeLock: rangeLock.checked,
      strictLock: strictLock.checked,
      candidates: Number(candidates.value),
      seed: seed.value,
    }),
    propose(region) {
      if (touched) return
      first.value = String(region.first)
      last.value = String(region.last)
      showRegion()
    },
    setBusy(busy) {
      // aria-disabled rather than disabled: the button keeps keyboard focus while the model works.
      generate.setAttribute('aria-disabled', String(busy))
      generate.textContent = busy ? 'Generating…' : 'Generate'
    },
  }
}
