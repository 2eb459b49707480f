// The studio's part-writing check: the chosen rules over a snapshot of the project, findings in time
// order (rule order within one moment), as the server's PartWritingChecker gives them.
import type { Meta, Track } from '../model/schema'
import { RULES } from './rules'
import { type Finding, Texture } from './texture'

export type { Finding } from './texture'

export const RULE_IDS: readonly string[] = RULES.map((r) => r.id)

export interface Report {
  rules: string[]
  findings: Finding[]
  /** Findings per rule that ran, zero included, in rule order. */
  counts: Record<string, number>
  /** Whether the project has any of the four voices (otherwise there is nothing to check). */
  voiced: boolean
}

/** Checks `rules` (every rule when absent; unknown ids are ignored). */
export function checkPartWriting(meta: Meta, tracks: readonly Track[], rules?: readonly string[]): Report {
  const chosen = RULES.filter((r) => !rules || rules.includes(r.id))
  const texture = new Texture(meta, tracks)
  const findings: Finding[] = []
  for (const rule of chosen) rule.check(texture, findings)
  findings.sort((a, b) => a.tick - b.tick) // stable: rule order within one moment
  const counts: Record<string, number> = {}
  for (const r of chosen) counts[r.id] = 0
  for (const f of findings) counts[f.rule]++
  return { rules: chosen.map((r) => r.id), findings, counts, voiced: texture.trackIds.some((id) => id !== undefined) }
}

/** "2 parallel fifths, 1 leap", or "clean": a report's findings in a few words (the AI panel's scores). */
export function summarize(report: Pick<Report, 'rules' | 'findings'>): string {
  const counts = new Map<string, number>()
  for (const f of report.findings) counts.set(f.rule, (counts.get(f.rule) ?? 0) + 1)
  const parts = report.rules.filter((r) => counts.has(r))
    .map((r) => `${counts.get(r)} ${counts.get(r) === 1 ? singular(r) : r.replace(/-/g, ' ')}`)
  return parts.length === 0 ? 'clean' : parts.join(', ')
}

function singular(rule: string): string {
  return rule.replace(/-/g, ' ').replace(/(fifths|octaves)$/, (w) => w.slice(0, -1))
}
