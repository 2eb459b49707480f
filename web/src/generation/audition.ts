// What an audition plays instead of the document: a candidate on its own, or the project with the
// candidate's notes in place of what its voices have in the region. Pure functions of the tracks, so
// the Transport plays them through its ordinary path (Transport.play's `substitute`).
import type { Note, Track } from '../model/schema'
import type { Suggestion } from './suggestions'

export type AuditionKind = 'alone' | 'mix'

/**
 * Notes with the span [start, end) cut out: a note inside it goes, one reaching into it is shortened
 * or starts later, one spanning it keeps only its part before the span (the part after would sound as
 * a new attack in the middle of the candidate's music).
 */
export function cutSpan(notes: readonly Note[], start: number, end: number): Note[] {
  const out: Note[] = []
  for (const n of notes) {
    const nEnd = n.start + n.duration
    if (nEnd <= start || n.start >= end) out.push(n)
    else if (n.start < start) out.push({ ...n, duration: start - n.start })
    else if (nEnd > end) out.push({ ...n, start: end, duration: nEnd - end })
  }
  return out
}

/** The tracks a candidate's notes go into, by the track each note names. */
function notesByTrack(s: Suggestion): Map<string, Note[]> {
  const by = new Map<string, Note[]>()
  for (const n of s.notes) {
    const list = by.get(n.track) ?? []
    list.push({ id: n.id, pitch: n.pitch, start: n.start, duration: n.duration, velocity: n.velocity })
    by.set(n.track, list)
  }
  return by
}

/** The first track of each voice role named by the region (the model's own rule for which track is a voice). */
function voiceTracks(tracks: readonly Track[], voices: readonly string[]): Set<string> {
  const ids = new Set<string>()
  for (const v of voices) {
    const t = tracks.find((x) => x.role === v)
    if (t) ids.add(t.id)
  }
  return ids
}

/** The tracks to play for an audition of `s`. */
export function auditionTracks(tracks: readonly Track[], s: Suggestion, kind: AuditionKind): Track[] {
  const added = notesByTrack(s)
  const sort = (notes: Note[]) => notes.sort((a, b) => a.start - b.start || a.pitch - b.pitch)
  if (kind === 'alone') {
    // Only the candidate: its tracks with only its notes, none muted or soloed away.
    return tracks.filter((t) => added.has(t.id))
      .map((t) => ({ ...t, mute: false, solo: false, notes: sort([...added.get(t.id)!]) }))
  }
  const replaced = voiceTracks(tracks, s.region.voices)
  for (const id of added.keys()) replaced.add(id)
  return tracks.map((t) => {
    if (!replaced.has(t.id)) return t
    const kept = cutSpan(t.notes, s.region.startTick, s.region.endTick)
    return { ...t, notes: sort([...kept, ...(added.get(t.id) ?? [])]) }
  })
}

/** Where an audition starts: the candidate's first tick (the region's start). */
export function auditionStart(s: Suggestion): number {
  return Math.min(s.region.startTick, ...s.notes.map((n) => n.start))
}
