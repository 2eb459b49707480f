// Who else is here, through Yjs awareness: each client shares its name, colour, selected notes,
// playhead and keyboard cursor; the studio draws the others' (cursors with name tags) and lists them.
import type { Awareness } from 'y-protocols/awareness'
import type { User } from '../api'
import { userColor } from '../pianoroll/colors'
import type { RemoteCursor, RemoteMarks } from '../pianoroll/render'

export interface PresenceState {
  user: { id: string; name: string; color: string; role: string }
  selection: string[]
  playhead: number | null
  /** The keyboard cursor (track, tick, pitch), shown to the others with this person's name. */
  cursor?: RemoteCursor | null
}

export interface Collaborator extends RemoteMarks { clientId: number; userId: string; role: string }

export class Presence {
  constructor(private readonly awareness: Awareness, user: User, role: string) {
    awareness.setLocalState({
      user: { id: user.id, name: user.name, color: userColor(user.id), role },
      selection: [],
      playhead: null,
    } satisfies PresenceState)
  }

  setSelection(ids: Iterable<string>): void {
    this.awareness.setLocalStateField('selection', [...ids])
  }

  setPlayhead(tick: number | undefined): void {
    const cur = (this.awareness.getLocalState() as PresenceState | null)?.playhead ?? null
    const next = tick === undefined ? null : Math.round(tick)
    if (cur !== next) this.awareness.setLocalStateField('playhead', next)
  }

  setCursor(c: RemoteCursor | undefined): void {
    const cur = (this.awareness.getLocalState() as PresenceState | null)?.cursor ?? null
    const next = c ? { trackId: c.trackId, tick: Math.round(c.tick), pitch: c.pitch } : null
    if (cur?.trackId !== next?.trackId || cur?.tick !== next?.tick || cur?.pitch !== next?.pitch) {
      this.awareness.setLocalStateField('cursor', next)
    }
  }

  /** Everyone else connected to the project (several tabs of one person count separately). */
  others(): Collaborator[] {
    const out: Collaborator[] = []
    this.awareness.getStates().forEach((raw, clientId) => {
      if (clientId === this.awareness.clientID) return
      const s = raw as Partial<PresenceState>
      if (!s.user || typeof s.user.name !== 'string') return
      out.push({
        clientId, userId: String(s.user.id), name: s.user.name, role: String(s.user.role ?? ''),
        color: typeof s.user.color === 'string' ? s.user.color : '#888',
        selection: new Set(Array.isArray(s.selection) ? s.selection.filter((x) => typeof x === 'string') : []),
        playhead: typeof s.playhead === 'number' ? s.playhead : undefined,
        cursor: validCursor(s.cursor),
      })
    })
    return out.sort((a, b) => a.name.localeCompare(b.name))
  }

  onChange(l: () => void): () => void {
    this.awareness.on('change', l)
    return () => this.awareness.off('change', l)
  }
}

function validCursor(c: unknown): RemoteCursor | undefined {
  if (!c || typeof c !== 'object') return undefined
  const { trackId, tick, pitch } = c as Record<string, unknown>
  return typeof trackId === 'string' && typeof tick === 'number' && Number.isFinite(tick) && tick >= 0
    && typeof pitch === 'number' && Number.isInteger(pitch) && pitch >= 0 && pitch <= 127 ? { trackId, tick, pitch } : undefined
}
