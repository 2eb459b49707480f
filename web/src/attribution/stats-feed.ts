// Keeps the project's authorship statistics fresh: read once, then again after the document changes,
// at most once a second, with the last ETag (unchanged statistics come back as a bodiless 304),
// and never two at once; when the server answers slowly, at most every four answer-times instead, so
// that open panels do not keep a busy server busier.
import type { ProjectModel } from '../model/project'
import type { StatsJson } from './shares'

export const MIN_INTERVAL_MS = 1000
const SLOW_FACTOR = 4
/** A burst of edits is read once, at least this long after its first change (and a second after the last read). */
const SETTLE_MS = 250

export type FeedState =
  | { kind: 'ok'; stats: StatsJson; at: Date }
  | { kind: 'error'; message: string }
  | { kind: 'absent' } // a server without the ledger

export class StatsFeed {
  private timer: ReturnType<typeof setTimeout> | undefined
  private inFlight = false
  private again = false
  private lastRead = 0
  private interval = MIN_INTERVAL_MS
  private stopped = false
  private started = false
  /** The last statistics and their ETag, sent as If-None-Match: a 304 means they still hold. */
  private last: { etag: string; stats: StatsJson } | undefined
  private readonly stop: () => void
  /** How many reads were made (the end-to-end test checks the rate). */
  reads = 0

  constructor(private readonly projectId: string, private readonly token: string, model: ProjectModel,
    private readonly onState: (s: FeedState) => void) {
    this.stop = model.onChange(() => this.schedule())
  }

  /** Allows reading; the panel calls it once the document has synced, so as not to slow the first sync. */
  start(): void {
    if (this.started) return
    this.started = true
    this.schedule()
  }

  private schedule(): void {
    if (this.stopped || !this.started) return
    if (this.inFlight) { this.again = true; return }
    if (this.timer) return // the read already planned comes after this change too
    const wait = Math.max(SETTLE_MS, this.lastRead + this.interval - Date.now())
    this.timer = setTimeout(() => { this.timer = undefined; void this.read() }, this.lastRead === 0 ? 0 : wait)
  }

  private async read(): Promise<void> {
    this.inFlight = true
    this.lastRead = Date.now()
    this.reads++
    try {
      const headers: Record<string, string> = { authorization: `Bearer ${this.token}` }
      if (this.last) headers['if-none-match'] = this.last.etag
      const res = await fetch(`/api/projects/${encodeURIComponent(this.projectId)}/attribution`, { headers })
      if (this.stopped) return
      if (res.status === 304 && this.last) this.onState({ kind: 'ok', stats: this.last.stats, at: new Date() })
      else if (res.status === 404) this.onState({ kind: 'absent' })
      else if (!res.ok) this.onState({ kind: 'error', message: `the server answered ${res.status}` })
      else {
        const stats = await res.json() as StatsJson
        const etag = res.headers.get('etag')
        this.last = etag ? { etag, stats } : undefined
        this.onState({ kind: 'ok', stats, at: new Date() })
      }
    } catch {
      if (!this.stopped) this.onState({ kind: 'error', message: 'the server cannot be reached' })
    } finally {
      this.interval = Math.max(MIN_INTERVAL_MS, SLOW_FACTOR * (Date.now() - this.lastRead))
      this.inFlight = false
      if (this.again) { this.again = false; this.schedule() }
    }
  }

  dispose(): void {
    this.stopped = true
    if (this.timer) clearTimeout(this.timer)
    this.stop()
  }
}
