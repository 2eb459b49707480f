// Notes in words, for the screen reader's live region: pitch name, start, length, author.
import { spokenPitchName } from '../music/pitch'
import { describeLength, describePosition, type TimeBase } from '../music/timing'
import type { Note } from '../model/schema'
import { kitPieceName } from '../sound/instruments'

/**
 * Who wrote a note. The authorship ledger (a later issue) supplies the real answer; until then the
 * studio knows only the notes this user added in this session.
 */
export interface AuthorLookup {
  authorOf(noteId: string): string | undefined
}

/** `kit`: the note is a drum track's, named by its kit piece ("Snare") instead of a pitch. */
export function describeNote(n: Note, trackName: string, t: TimeBase, flats: boolean, author?: string, kit = false): string {
  const who = author ? `, by ${author}` : ''
  return `${kit ? kitPieceName(n.pitch) : spokenPitchName(n.pitch, flats)}, ${describePosition(n.start, t)}, ${describeLength(n.duration, t.ticksPerQuarter)}`
    + `, velocity ${n.velocity}, ${trackName}${who}`
}

export function describeSelection(notes: Note[], trackName: (n: Note) => string, t: TimeBase, flats: boolean,
  authors: AuthorLookup, isKit: (n: Note) => boolean = () => false): string {
  if (notes.length === 0) return 'no notes selected'
  if (notes.length === 1) return describeNote(notes[0], trackName(notes[0]), t, flats, authors.authorOf(notes[0].id), isKit(notes[0]))
  const first = Math.min(...notes.map((n) => n.start))
  return `${notes.length} notes selected, from ${describePosition(first, t)}`
}
