// Editing operations as pure functions from notes to changes. Each clamps as a group, so a chord moved
// against the top of the range keeps its shape instead of squashing, and every result stays valid.
import { MAX_TICK, type Note } from '../model/schema'
import type { NoteChange, NoteFields } from '../model/project'

/** Moves notes by `dTicks` and `dPitch`, limited so that all of them stay in range. */
export function moveNotes(notes: Note[], dTicks: number, dPitch: number): NoteChange[] {
  if (notes.length === 0) return []
  const minStart = Math.min(...notes.map((n) => n.start))
  const maxEnd = Math.max(...notes.map((n) => n.start + n.duration))
  const minPitch = Math.min(...notes.map((n) => n.pitch))
  const maxPitch = Math.max(...notes.map((n) => n.pitch))
  const dt = clamp(dTicks, -minStart, MAX_TICK - maxEnd)
  const dp = clamp(dPitch, -minPitch, 127 - maxPitch)
  if (dt === 0 && dp === 0) return []
  return notes.map((n) => ({ id: n.id, start: n.start + dt, pitch: n.pitch + dp }))
}

/** Lengthens (or, with a negative `dTicks`, shortens) notes; none gets shorter than `minDuration`. */
export function resizeNotes(notes: Note[], dTicks: number, minDuration: number): NoteChange[] {
  const out: NoteChange[] = []
  for (const n of notes) {
    const duration = clamp(n.duration + dTicks, Math.min(minDuration, n.duration), MAX_TICK - n.start)
    if (duration !== n.duration) out.push({ id: n.id, duration })
  }
  return out
}

/** Sets the notes' velocity (1 to 127). */
export function setVelocity(notes: Note[], velocity: number): NoteChange[] {
  const v = clamp(Math.round(velocity), 1, 127)
  return notes.filter((n) => n.velocity !== v).map((n) => ({ id: n.id, velocity: v }))
}

/** Copied notes, timed from the earliest start, so that they can be pasted anywhere. */
export interface Clip { notes: NoteFields[] }

export function copyNotes(notes: Note[]): Clip {
  if (notes.length === 0) return { notes: [] }
  const origin = Math.min(...notes.map((n) => n.start))
  return {
    notes: notes.map((n) => ({ pitch: n.pitch, start: n.start - origin, duration: n.duration, velocity: n.velocity })),
  }
}

/** The clip's notes placed at `atTick`; those that would end past the last tick are dropped. */
export function pasteAt(clip: Clip, atTick: number): NoteFields[] {
  return clip.notes
    .map((n) => ({ ...n, start: n.start + Math.max(0, atTick) }))
    .filter((n) => n.start + n.duration <= MAX_TICK)
}

/** Notes overlapping [fromTick, toTick) with a pitch in [lowPitch, highPitch]: a rubber-band selection. */
export function notesInBox(notes: Note[], fromTick: number, toTick: number, lowPitch: number, highPitch: number): Note[] {
  return notes.filter((n) => n.start < toTick && n.start + n.duration > fromTick && n.pitch >= lowPitch
    && n.pitch <= highPitch)
}

/** The note after (or before, with `direction` -1) `currentId` in time order; the first or last if none. */
export function neighbour(notes: Note[], currentId: string | undefined, direction: 1 | -1): Note | undefined {
  if (notes.length === 0) return undefined
  const sorted = [...notes].sort((a, b) => a.start - b.start || a.pitch - b.pitch)
  const i = currentId === undefined ? -1 : sorted.findIndex((n) => n.id === currentId)
  if (i < 0) return direction === 1 ? sorted[0] : sorted[sorted.length - 1]
  return sorted[clamp(i + direction, 0, sorted.length - 1)]
}

export function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v))
}
