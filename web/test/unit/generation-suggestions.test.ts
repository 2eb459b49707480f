import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { describeSuggestion, readSuggestions, watchSuggestions } from '../../src/generation/suggestions'

/** Writes a suggestion the way the server does (docs/generation.md): plain objects, notes a Y.Array of Y.Maps. */
function writeSuggestion(doc: Y.Doc, job: string, candidate: number, notes: Record<string, unknown>[], createdAt = '2026-11-26T12:00:00Z') {
  doc.transact(() => {
    const m = new Y.Map<unknown>()
    const id = `${job}-${candidate}`
    doc.getMap('suggestions').set(id, m)
    m.set('id', id)
    m.set('job', job)
    m.set('candidate', candidate)
    m.set('status', 'pending')
    m.set('mode', 'harmonize')
    m.set('region', { startTick: 0, endTick: 3840, voices: ['alto', 'tenor', 'bass'] })
    m.set('parameters', { mode: 'harmonize', candidates: 2, seed: 7 })
    m.set('model', { version: '0c9bda34d2b6', card: '/api/generation/model' })
    m.set('requestedBy', { id: 'alice', name: 'Alice' })
    m.set('createdAt', createdAt)
    const arr = new Y.Array<Y.Map<unknown>>()
    m.set('notes', arr)
    arr.push(notes.map((fields) => {
      const nm = new Y.Map<unknown>()
      for (const [k, v] of Object.entries(fields)) nm.set(k, v)
      return nm
    }))
  })
}

const note = (id: string, track: string, pitch: number, start: number, duration = 480) =>
  ({ id, track, voice: track, pitch, start, duration, velocity: 80 })

describe('suggestions in the document', () => {
  it('are read with their notes, in job and candidate order', () => {
    const doc = new Y.Doc()
    writeSuggestion(doc, 'jobb', 2, [note('jobb-2-0', 'alto', 67, 0)], '2026-11-26T12:00:01Z')
    writeSuggestion(doc, 'jobb', 1, [note('jobb-2-1', 'tenor', 60, 480), note('jobb-1-0', 'alto', 64, 0)], '2026-11-26T12:00:01Z')
    writeSuggestion(doc, 'joba', 1, [], '2026-11-26T12:00:00Z')
    const all = readSuggestions(doc)
    expect(all.map((s) => s.id)).toEqual(['joba-1', 'jobb-1', 'jobb-2'])
    const s = all[1]
    expect(s).toMatchObject({ job: 'jobb', candidate: 1, of: 2, mode: 'harmonize', requestedBy: { id: 'alice', name: 'Alice' },
      region: { startTick: 0, endTick: 3840, voices: ['alto', 'tenor', 'bass'] } })
    expect(s.notes.map((n) => n.id)).toEqual(['jobb-1-0', 'jobb-2-1']) // by start
    expect(s.notes[0]).toEqual({ id: 'jobb-1-0', track: 'alto', voice: 'alto', pitch: 64, start: 0, duration: 480, velocity: 80 })
    expect(describeSuggestion(s)).toMatch(/^Candidate 1 of 2, harmonize, asked by Alice at \d\d?:\d\d( [AP]M)?, 2 notes$/) // no job id
  })

  it('survive a trip through a Yjs update, as collaborators receive them', () => {
    const server = new Y.Doc()
    writeSuggestion(server, 'g7k2aa', 1, [note('g7k2aa-1-0', 'bass', 48, 0)])
    const browser = new Y.Doc()
    Y.applyUpdate(browser, Y.encodeStateAsUpdate(server))
    expect(readSuggestions(browser).map((s) => s.notes.length)).toEqual([1])
  })

  it('skip entries and notes that do not have the documented shape', () => {
    const doc = new Y.Doc()
    writeSuggestion(doc, 'ok', 1, [note('a', 'alto', 64, 0), { ...note('b', 'alto', 200, 0) }, { ...note('c', '', 60, 0) },
      { ...note('d', 'alto', 60, -5) }])
    doc.getMap('suggestions').set('junk', 'not a map')
    const bad = new Y.Map<unknown>()
    doc.getMap('suggestions').set('no-region', bad)
    bad.set('id', 'no-region')
    writeSuggestion(doc, 'done', 1, [note('e', 'alto', 64, 0)])
    ;(doc.getMap('suggestions').get('done-1') as Y.Map<unknown>).set('status', 'accepted') // only pending ones show
    const all = readSuggestions(doc)
    expect(all.map((s) => s.id)).toEqual(['ok-1'])
    expect(all[0].notes.map((n) => n.id)).toEqual(['a'])
  })

  it('are watched live: arriving, and leaving when accepted or rejected', () => {
    const server = new Y.Doc()
    const browser = new Y.Doc()
    server.on('update', (u: Uint8Array) => Y.applyUpdate(browser, u))
    const seen: string[][] = []
    const stop = watchSuggestions(browser, (all) => seen.push(all.map((s) => s.id)))
    writeSuggestion(server, 'j', 1, [note('j-1-0', 'alto', 64, 0)])
    writeSuggestion(server, 'j', 2, [note('j-2-0', 'alto', 65, 0)])
    server.getMap('suggestions').delete('j-1')
    expect(seen).toEqual([['j-1'], ['j-1', 'j-2'], ['j-2']])
    stop()
    server.getMap('suggestions').delete('j-2')
    expect(seen).toHaveLength(3)
  })
})
