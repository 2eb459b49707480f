// The generation API (docs/generation.md): queue a request, follow its job until it ends, cancel it,
// accept or reject a suggestion. Refusals come back as ApiError with the server's reason.
import { call } from '../api'

export type JobStatus = 'queued' | 'running' | 'writing' | 'done' | 'failed' | 'cancelled'

export interface Job {
  id: string
  projectId: string
  status: JobStatus
  progress: number
  sweepsDone: number
  sweeps: number
  requestedBy: { id: string; name: string }
  request: Record<string, unknown> & { seed?: number }
  suggestions: string[]
  samplingMillis?: number
  error?: string
}

export const FINISHED: readonly JobStatus[] = ['done', 'failed', 'cancelled']

/** How often a running job is polled. */
export const POLL_MS = 250

export class GenerationApi {
  private readonly base: string

  constructor(private readonly token: string, projectId: string) {
    this.base = `/api/projects/${encodeURIComponent(projectId)}`
  }

  submit(body: Record<string, unknown>): Promise<Job> {
    return call('POST', `${this.base}/generate`, this.token, body)
  }

  job(id: string): Promise<Job> {
    return call('GET', `${this.base}/generate/${encodeURIComponent(id)}`, this.token)
  }

  cancel(id: string): Promise<Job> {
    return call('DELETE', `${this.base}/generate/${encodeURIComponent(id)}`, this.token)
  }

  /** Accepts all of a suggestion's notes, or only `notes` (ids) when given. */
  accept(suggestion: string, notes?: string[]): Promise<{ suggestion: string; accepted: string[] }> {
    return call('POST', `${this.base}/suggestions/${encodeURIComponent(suggestion)}/accept`, this.token, notes ? { notes } : {})
  }

  reject(suggestion: string): Promise<void> {
    return call('POST', `${this.base}/suggestions/${encodeURIComponent(suggestion)}/reject`, this.token, {})
  }
}

/**
 * Polls a job a few times a second until it finishes, reporting each state; resolves with the last.
 * `stopped()` ends the polling early (the studio closed), resolving with the last state seen.
 */
export async function follow(api: GenerationApi, first: Job, onState: (job: Job) => void,
  stopped: () => boolean = () => false): Promise<Job> {
  let job = first
  onState(job)
  while (!FINISHED.includes(job.status) && !stopped()) {
    await new Promise((r) => setTimeout(r, POLL_MS))
    job = await api.job(job.id)
    onState(job)
  }
  return job
}

/** "Running: 6 of 12 sweeps" — the job's state in words. */
export function describeJob(job: Job): string {
  switch (job.status) {
    case 'queued': return 'Queued: waiting for the model'
    case 'running': return `Running: ${job.sweepsDone} of ${job.sweeps} sweeps done`
    case 'writing': return 'Writing the candidates into the project'
    case 'done': {
      const n = job.suggestions.length
      return `Done: ${n} candidate${n === 1 ? '' : 's'}` + (job.samplingMillis !== undefined ? ` in ${(job.samplingMillis / 1000).toFixed(1)} s` : '')
        + (job.request.seed !== undefined ? ` (seed ${job.request.seed})` : '')
    }
    case 'failed': return `Failed: ${job.error ?? 'the model could not finish'}`
    case 'cancelled': return 'Cancelled'
  }
}
