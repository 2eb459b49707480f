// What the staff view shows, in one sentence for screen readers (the SVG's aria-label): the drawing
// itself is an image to them, so the facts a reader of the score would take in first are said here.
import type { Score } from './score'
import { describeKey } from './pitch-spelling'

export function describeScore(score: Score): string {
  const m = score.meta
  const staves = score.staves.map((s) => `${s.name} in ${s.clef} clef`).join(', ')
  const notes = score.staves.reduce((sum, s) => sum + s.notes, 0)
  const parts = [
    `Staff view of “${score.title}”, read only`,
    score.staves.length === 0 ? 'no pitched tracks'
      : `${score.staves.length} ${score.staves.length === 1 ? 'staff' : 'staves'}: ${staves}`,
    describeKey(m.key, score.fifths),
    `${m.timeSignature[0]}/${m.timeSignature[1]} time`,
    `${m.tempoBpm} bpm`,
    `${notes} ${notes === 1 ? 'note' : 'notes'} over ${score.bars} ${score.bars === 1 ? 'bar' : 'bars'}`,
  ]
  const left = score.leftOut.length === 0 ? ''
    : ` Not shown: ${score.leftOut.length === 1 ? 'the drum track' : 'the drum tracks'} ${score.leftOut.join(', ')} (drums have no staff here).`
  return parts.join('; ') + '.' + left
}
