// The part-writing checker's score of an AI candidate, shown beside it in the AI panel: the project as
// it would be with the candidate accepted (its notes in place of what its voices have in the region,
// as "Play in the mix" hears it), checked with the studio's rules, counting only the findings that
// concern one of the candidate's notes ("2 parallel fifths, 1 leap", or "clean").
import type { Meta, Track } from '../model/schema'
import { checkPartWriting, summarize, type Finding } from '../partwriting/checker'
import { auditionTracks } from './audition'
import type { Suggestion } from './suggestions'

export interface Score { text: string; findings: Finding[] }

export function scoreCandidate(meta: Meta, tracks: readonly Track[], s: Suggestion, rules?: readonly string[]): Score {
  const mine = new Set(s.notes.map((n) => n.id))
  const report = checkPartWriting(meta, auditionTracks(tracks, s, 'mix'), rules)
  const findings = report.findings.filter((f) => f.noteIds.some((id) => mine.has(id)))
  return { text: summarize({ ...report, findings }), findings }
}
