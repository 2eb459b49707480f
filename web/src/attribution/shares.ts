// The attribution panel's numbers, from the server's statistics (GET /api/projects/{id}/attribution,
// server attribution/ProjectAttribution.stats): each author's share of the notes in the document,
// people against the AI, and what became of the AI's suggestions.
import { authorColor } from './author-style'

export interface StatsJson {
  authors?: { actor: string; name: string; source: 'human' | 'ai'; survivingNotes: number; share: number }[]
  share?: { notes: number; human: number; ai: number }
  suggestions?: { total: number; accepted: number; edited: number; rejected: number; pending: number; acceptanceRate: number }
}

export interface AuthorShare { actor: string; name: string; source: 'human' | 'ai'; notes: number; percent: number; color: string }

export interface Shares {
  notes: number
  authors: AuthorShare[]
  humanPercent: number
  aiPercent: number
  suggestions: { total: number; accepted: number; edited: number; rejected: number; pending: number; decided: number; ratePercent: number }
}

const pct = (fraction: number | undefined) => Math.round((fraction ?? 0) * 100)

/** Authors with notes in the document, most notes first (ties by name, so the order is stable). */
export function sharesOf(stats: StatsJson): Shares {
  const notes = stats.share?.notes ?? 0
  const authors = (stats.authors ?? [])
    .filter((a) => a.survivingNotes > 0)
    .map((a) => ({ actor: a.actor, name: a.name, source: a.source, notes: a.survivingNotes, percent: pct(a.share),
      color: authorColor(a.actor) }))
    .sort((a, b) => b.notes - a.notes || a.name.localeCompare(b.name))
  const sg = stats.suggestions
  const accepted = sg?.accepted ?? 0
  const edited = sg?.edited ?? 0
  const rejected = sg?.rejected ?? 0
  return {
    notes, authors, humanPercent: pct(stats.share?.human), aiPercent: pct(stats.share?.ai),
    suggestions: { total: sg?.total ?? 0, accepted, edited, rejected, pending: sg?.pending ?? 0,
      decided: accepted + edited + rejected, ratePercent: pct(sg?.acceptanceRate) },
  }
}

/** The bar's text equivalent: "34 notes: Alice 21% (7), AI 79% (27)". */
export function describeShares(s: Shares): string {
  if (s.notes === 0) return 'No notes yet'
  return `${s.notes} notes: ` + s.authors.map((a) => `${a.name} ${a.percent}% (${a.notes})`).join(', ')
}

/** "1 accepted, 0 accepted and edited, 0 rejected, 0 pending: acceptance rate 100%". */
export function describeSuggestions(s: Shares['suggestions']): string {
  if (s.total === 0) return 'No AI suggestions yet'
  const rate = s.decided > 0 ? `acceptance rate ${s.ratePercent}%` : 'none decided yet'
  return `${s.accepted} accepted, ${s.edited} accepted and edited, ${s.rejected} rejected, ${s.pending} pending: ${rate}`
}
