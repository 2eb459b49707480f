import { describe, expect, it } from 'vitest'
import { describeJob, type Job } from '../../src/generation/jobs'

const job = (over: Partial<Job>): Job => ({
  id: 'g1', projectId: 'p', status: 'queued', progress: 0, sweepsDone: 0, sweeps: 12,
  requestedBy: { id: 'alice', name: 'Alice' }, request: { mode: 'harmonize' }, suggestions: [], ...over,
})

describe('a job in words', () => {
  it('says where the model is', () => {
    expect(describeJob(job({}))).toBe('Queued: waiting for the model')
    expect(describeJob(job({ status: 'running', sweepsDone: 6, progress: 0.5 }))).toBe('Running: 6 of 12 sweeps done')
    expect(describeJob(job({ status: 'writing' }))).toBe('Writing the candidates into the project')
  })
  it('says how it ended, with the seed to ask again', () => {
    expect(describeJob(job({ status: 'done', suggestions: ['g1-1', 'g1-2'], samplingMillis: 812, request: { seed: 1234 } })))
      .toBe('Done: 2 candidates in 0.8 s (seed 1234)')
    expect(describeJob(job({ status: 'done', suggestions: ['g1-1'] }))).toBe('Done: 1 candidate')
    expect(describeJob(job({ status: 'failed', error: 'out of memory' }))).toBe('Failed: out of memory')
    expect(describeJob(job({ status: 'cancelled' }))).toBe('Cancelled')
  })
})
