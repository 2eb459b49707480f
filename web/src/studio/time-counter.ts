// The time counter beside the transport: where the playhead (or, stopped, the cursor) is, in bars
// and beats and in minutes and seconds, and a button back to the start of the piece. It is not a live
// region: it changes many times a second while playing (the cursor's position is spoken already).
import { barBeat, ticksToSeconds, type TimeBase } from '../music/timing'
import { h } from '../ui/dom'

/** "3:1 · 0:06.7": bar 3 beat 1, six and seven tenths seconds in. */
export function formatCounter(tick: number, t: TimeBase): string {
  const { bar, beat } = barBeat(Math.max(0, tick), t)
  const tenths = Math.floor(ticksToSeconds(Math.max(0, tick), t) * 10)
  const minutes = Math.floor(tenths / 600)
  const seconds = ((tenths % 600) / 10).toFixed(1).padStart(4, '0')
  return `${bar}:${beat} · ${minutes}:${seconds}`
}

export interface TimeCounter { el: HTMLElement; show(tick: number, t: TimeBase): void }

export function buildTimeCounter(toStart: () => void): TimeCounter {
  const out = h('output', { id: 'time-counter', class: 'time-counter', 'aria-label': 'Position (bar:beat and minutes:seconds)' }, '1:1 · 0:00.0')
  const el = h('div', { role: 'group', 'aria-label': 'Position', class: 'position' },
    h('button', { type: 'button', id: 'to-start', 'aria-label': 'Return to start', onclick: toStart }, 'To start'),
    out)
  let last = ''
  return {
    el,
    show(tick, t) {
      const text = formatCounter(tick, t)
      if (text !== last) out.textContent = last = text
    },
  }
}
