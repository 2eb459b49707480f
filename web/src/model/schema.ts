// The project document's shape (docs/document-schema.md, version 1): key names, ranges and defaults.
// The studio writes exactly these keys and reads defensively, as the server's ProjectReader does.
import type { Key } from '../music/pitch'

export const SCHEMA_VERSION = 1
export const MAX_TICK = 268_435_455 // 2^28 − 1, the largest time a MIDI file can hold
export const MIN_TEMPO = 20
export const MAX_TEMPO = 400
export const DENOMINATORS = [1, 2, 4, 8, 16, 32, 64] as const
export const ROLES = ['soprano', 'alto', 'tenor', 'bass', 'melody', 'chords', 'drums', 'other'] as const
export type TrackRole = (typeof ROLES)[number]

export interface Meta {
  title: string
  tempoBpm: number
  key: Key
  timeSignature: [number, number]
  ticksPerQuarter: number
  schemaVersion: number
}

export interface Note {
  id: string
  pitch: number
  start: number
  duration: number
  velocity: number
}

export interface TrackInfo {
  id: string
  name: string
  instrument: number
  role: TrackRole
  mute: boolean
  solo: boolean
  gain: number
  pan: number
}

export interface Track extends TrackInfo {
  notes: Note[]
}

export const DEFAULT_META: Meta = {
  title: 'Untitled',
  tempoBpm: 120,
  key: { tonic: 'C', mode: 'major' },
  timeSignature: [4, 4],
  ticksPerQuarter: 480,
  schemaVersion: SCHEMA_VERSION,
}

export const DEFAULT_VELOCITY = 80

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v)

/** Whether a note's fields are all valid (an invalid note is neither played nor exported). */
export function isValidNote(n: Partial<Note>): n is Note {
  return typeof n.id === 'string' && n.id.length > 0
    && isInt(n.pitch) && n.pitch >= 0 && n.pitch <= 127
    && isInt(n.start) && n.start >= 0
    && isInt(n.duration) && n.duration > 0 && n.start + n.duration <= MAX_TICK
    && isInt(n.velocity) && n.velocity >= 1 && n.velocity <= 127
}

export function isValidTempo(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v) && v >= MIN_TEMPO && v <= MAX_TEMPO
}

export function isValidTimeSignature(v: unknown): v is [number, number] {
  return Array.isArray(v) && v.length === 2 && isInt(v[0]) && v[0] >= 1 && v[0] <= 32
    && (DENOMINATORS as readonly number[]).includes(v[1])
}

/** A random id, unique enough that two people adding at once never collide. */
export function newId(): string {
  return crypto.randomUUID()
}
