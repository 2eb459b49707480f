// Which ghost notes the roll draws for the pending candidates: the focused one strong (its notes not
// chosen for "accept chosen notes" weaker), the others faint, or hidden when the user shows only the
// focused one. A candidate of a job one of whose candidates was accepted is not drawn unless it is
// the focused one: its notes would lie over the accepted ones.
import type { GhostSet } from '../pianoroll/ghosts'
import type { Suggestion } from './suggestions'

export interface GhostChoice {
  focusedId?: string
  /** Note ids of the focused candidate chosen for accepting (ignored for viewers). */
  picked: ReadonlySet<string>
  showAll: boolean
  editable: boolean
  /** Jobs one of whose candidates was accepted. */
  settledJobs?: ReadonlySet<string>
}

export function ghostSets(pending: readonly Suggestion[], c: GhostChoice): GhostSet[] {
  const sets: GhostSet[] = []
  for (const s of pending) {
    const focused = s.id === c.focusedId
    if (!focused && (!c.showAll || c.settledJobs?.has(s.job))) continue
    sets.push({
      suggestionId: s.id, tag: `AI ${s.candidate}`, focused,
      notes: s.notes.map((n) => ({ id: n.id, trackId: n.track, pitch: n.pitch, start: n.start, duration: n.duration,
        picked: !focused || !c.editable || c.picked.has(n.id) })),
    })
  }
  return sets
}
