// Authors from the server's authorship ledger (GET /api/projects/{id}/attribution/report): who
// created each note and who changed it last, people and the AI told apart. Each query replays the
// project's log on the server, so the report is read once and then again a while after edits settle,
// never note by note; until it arrives (or on a server without the ledger) the session's own guess
// answers.
import type { ProjectModel } from '../model/project'
import type { AuthorLookup } from '../pianoroll/describe'

interface Author { name: string; source: 'human' | 'ai'; time?: string; known?: boolean }
interface NoteAuthors { noteId: string; createdBy: Author; fields?: Record<string, Author> }

const REFRESH_AFTER_MS = 1500

export class LedgerAuthors implements AuthorLookup {
  private byNote = new Map<string, string>()
  private timer?: ReturnType<typeof setTimeout>
  private disabled = false

  constructor(private readonly projectId: string, private readonly token: string, model: ProjectModel,
    private readonly fallback: AuthorLookup) {
    void this.refresh()
    model.onChange(() => {
      if (this.disabled) return
      clearTimeout(this.timer)
      this.timer = setTimeout(() => void this.refresh(), REFRESH_AFTER_MS)
    })
  }

  authorOf(noteId: string): string | undefined {
    return this.byNote.get(noteId) ?? this.fallback.authorOf(noteId)
  }

  private async refresh(): Promise<void> {
    const res = await fetch(`/api/projects/${encodeURIComponent(this.projectId)}/attribution/report`,
      { headers: { authorization: `Bearer ${this.token}` } }).catch(() => undefined)
    if (!res) return
    if (res.status === 404) {
      this.disabled = true // a server without the ledger: the session's guess stays
      return
    }
    if (!res.ok) return
    const report = await res.json() as { notes?: NoteAuthors[] }
    const next = new Map<string, string>()
    for (const n of report.notes ?? []) if (n.createdBy?.known !== false) next.set(n.noteId, describeAuthors(n))
    this.byNote = next
  }

  dispose(): void {
    clearTimeout(this.timer)
    this.disabled = true
  }
}

/** "Alice", "AI (chorale-1), an AI suggestion" or "Alice, changed by Bob": the creator and the last other hand. */
export function describeAuthors(n: NoteAuthors): string {
  const name = (a: Author) => (a.source === 'ai' ? `${a.name}, an AI suggestion` : a.name)
  let last: Author | undefined
  for (const f of Object.values(n.fields ?? {})) {
    if (f.known === false || f.name === n.createdBy.name) continue
    if (!last || (f.time ?? '') > (last.time ?? '')) last = f
  }
  return last ? `${name(n.createdBy)}, changed by ${name(last)}` : name(n.createdBy)
}
