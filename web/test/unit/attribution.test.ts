import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { AI_COLOR, authorColor, styleFor, UNKNOWN_COLOR } from '../../src/attribution/author-style'
import { creditFromLedger, creditFromOrigin, describeCredit } from '../../src/attribution/credit'
import { describeShares, describeSuggestions, sharesOf, type StatsJson } from '../../src/attribution/shares'
import { AttributionView } from '../../src/attribution/view'
import { ProjectModel } from '../../src/model/project'
import { userColor } from '../../src/pianoroll/colors'
import { describeAuthors, LedgerAuthors, type Author } from '../../src/presence/ledger-authors'
import { forgetNames, learnName } from '../../src/presence/people-names'

// Shapes as the server answers them (recorded from GET /api/projects/{id}/attribution and /report after
// a harmonization was accepted).
const STATS: StatsJson = {
  authors: [
    { actor: 'alice', name: 'Alice', source: 'human', survivingNotes: 7, share: 0.2059 },
    { actor: 'ai', name: 'AI (ensemble-chorale)', source: 'ai', survivingNotes: 27, share: 0.7941 },
    { actor: 'bob', name: 'Bob', source: 'human', survivingNotes: 0, share: 0 },
  ],
  share: { notes: 34, human: 0.2059, ai: 0.7941 },
  suggestions: { total: 3, accepted: 1, edited: 1, rejected: 1, pending: 0, acceptanceRate: 0.6667 },
}
const alice = (time: string): Author => ({ actor: 'alice', name: 'Alice', source: 'human', time })
const aiAccepted: Author = { actor: 'ai', name: 'AI (ensemble-chorale)', source: 'ai', time: '2026-11-26T12:57:23Z',
  model: 'ensemble-chorale', modelVersion: '0c9bda34d2b6', requestedBy: 'alice', suggestion: 'g1-1', acceptedBy: 'bob' }

describe('attribution shares', () => {
  it('lists the authors with notes, most first, with whole percents and colours', () => {
    const s = sharesOf(STATS)
    expect(s.notes).toBe(34)
    expect(s.authors.map((a) => [a.name, a.notes, a.percent])).toEqual([['AI (ensemble-chorale)', 27, 79], ['Alice', 7, 21]])
    expect(s.authors[0].color).toBe(AI_COLOR)
    expect(s.authors[1].color).toBe(userColor('alice'))
    expect([s.humanPercent, s.aiPercent]).toEqual([21, 79])
    expect(s.suggestions).toMatchObject({ accepted: 1, edited: 1, rejected: 1, pending: 0, decided: 3, ratePercent: 67 })
    expect(describeShares(s)).toBe('34 notes: AI (ensemble-chorale) 79% (27), Alice 21% (7)')
    expect(describeSuggestions(s.suggestions)).toBe('1 accepted, 1 accepted and edited, 1 rejected, 0 pending: acceptance rate 67%')
  })
  it('says so when there is nothing to count', () => {
    const s = sharesOf({ authors: [], share: { notes: 0, human: 0, ai: 0 },
      suggestions: { total: 1, accepted: 0, edited: 0, rejected: 0, pending: 1, acceptanceRate: 0 } })
    expect(describeShares(s)).toBe('No notes yet')
    expect(describeSuggestions(s.suggestions)).toBe('0 accepted, 0 accepted and edited, 0 rejected, 1 pending: none decided yet')
    expect(describeSuggestions(sharesOf({}).suggestions)).toBe('No AI suggestions yet')
  })
})

describe('note credits', () => {
  it('reads a person\'s note, and the last other hand that changed it', () => {
    const c = creditFromLedger({ noteId: 'n', createdBy: alice('1'), fields: {
      pitch: { actor: 'bob', name: 'Bob', source: 'human', time: '3' }, start: { actor: 'carol', name: 'Carol', source: 'human', time: '2' },
      duration: alice('1') } })
    expect(c.creator).toMatchObject({ id: 'alice', source: 'human' })
    expect(c.ai).toBeUndefined()
    expect(c.changedBy).toMatchObject({ id: 'bob', fields: ['pitch'] })
  })
  it('reads an accepted AI note with its model, requester and acceptor', () => {
    const c = creditFromLedger({ noteId: 'n', createdBy: aiAccepted, fields: { pitch: aiAccepted } })
    expect(c.ai).toEqual({ model: 'ensemble-chorale', version: '0c9bda34d2b6', requestedBy: 'alice', acceptedBy: 'bob', suggestion: 'g1-1' })
    expect(c.changedBy).toBeUndefined()
    // In plain words: no version hash, and people by the names they go by once the studio knows them.
    expect(describeCredit(c).slice(1)).toEqual(['Requested by alice', 'Accepted by bob'])
    learnName('alice', 'Alice')
    learnName('bob', 'Bob Marley')
    const lines = describeCredit(c)
    expect(lines[0]).toMatch(/^Written by the AI co-writer, /)
    expect(lines.join(' ')).not.toContain('0c9bda34d2b6')
    expect(lines.slice(1)).toEqual(['Requested by Alice', 'Accepted by Bob Marley'])
    forgetNames()
  })
  it('reads the document origin of an accepted note before the ledger answers', () => {
    const c = creditFromOrigin({ kind: 'ai', suggestion: 'g1-1', model: { version: 'abc', card: '/api/generation/model' },
      requestedBy: { id: 'alice', name: 'Alice' }, acceptedBy: { id: 'bob', name: 'Bob' } })
    expect(c).toMatchObject({ creator: { source: 'ai' }, ai: { version: 'abc', requestedBy: 'Alice', acceptedBy: 'Bob' }, from: 'document' })
    expect(creditFromOrigin(undefined)).toBeUndefined()
    expect(creditFromOrigin({ kind: 'human' })).toBeUndefined()
  })
  it('names the AI\'s provenance in the inspector\'s words', () => {
    learnName('alice', 'Alice')
    expect(describeAuthors({ noteId: 'n', createdBy: aiAccepted }))
      .toBe('the AI co-writer, an AI suggestion (requested by Alice, accepted by bob)')
    forgetNames()
    expect(describeAuthors({ noteId: 'n', createdBy: aiAccepted, fields: { pitch: alice('2026-11-26T13:00:00Z') } }))
      .toMatch(/, changed by Alice$/)
  })
})

describe('author styles', () => {
  const human = creditFromLedger({ noteId: 'h', createdBy: alice('1') })
  const ai = creditFromLedger({ noteId: 'a', createdBy: aiAccepted })
  const aiChanged = creditFromLedger({ noteId: 'c', createdBy: aiAccepted, fields: { pitch: alice('2026-11-27T00:00:00Z') } })
  it('marks the AI\'s notes by pattern and label, not colour alone, and notches those a person changed', () => {
    expect(styleFor(human)).toMatchObject({ kind: 'human', author: 'alice', fill: userColor('alice'), pattern: undefined, label: undefined, notch: false })
    expect(styleFor(human).decorate).toBeUndefined()
    expect(styleFor(ai)).toMatchObject({ kind: 'ai', fill: AI_COLOR, pattern: 'hatch', label: 'AI', notch: false })
    expect(styleFor(ai).decorate).toBeTypeOf('function')
    expect(styleFor(aiChanged)).toMatchObject({ kind: 'ai-changed', pattern: 'hatch', label: 'AI', notch: true })
    expect(styleFor(undefined)).toMatchObject({ kind: 'unknown', fill: UNKNOWN_COLOR, pattern: undefined })
  })
  it('gives each author one colour, the presence colour, the same on every call', () => {
    expect(styleFor(human)).toBe(styleFor(creditFromLedger({ noteId: 'other', createdBy: alice('9') })))
    for (const id of ['alice', 'bob', 'carol', 'dave', 'a-very-long-user-id']) {
      expect(authorColor(id)).toBe(authorColor(id))
      expect(authorColor(id)).toBe(userColor(id))
      expect(authorColor(id)).not.toBe(AI_COLOR)
    }
    expect(authorColor('ai')).toBe(AI_COLOR)
  })
})

describe('attribution view', () => {
  it('credits notes before the ledger answers: its own notes to this user, the AI\'s by its client id and origin', () => {
    const doc = new Y.Doc()
    const model = new ProjectModel(doc)
    const track = model.addTrack({ id: 'alto', role: 'alto' })
    const [mine] = model.addNotes(track, [{ pitch: 60, start: 0, duration: 480, velocity: 80 }])
    // A template note written by the server through the API (client id 2^32 + 1): nobody's yet.
    const api = new Y.Doc()
    api.clientID = 2 ** 32 + 1
    Y.applyUpdate(api, Y.encodeStateAsUpdate(doc))
    const apiNotes = ((api.getArray('tracks').get(0) as Y.Map<unknown>).get('notes')) as Y.Array<Y.Map<unknown>>
    const t = new Y.Map<unknown>()
    for (const [k, v] of Object.entries({ id: 'template-0', pitch: 62, start: 960, duration: 480, velocity: 80 })) t.set(k, v)
    api.transact(() => apiNotes.push([t]))
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(api))
    // The AI writes from its own client ids (2^32 + 2^16 onwards), as the server does.
    const server = new Y.Doc()
    server.clientID = 2 ** 32 + 2 ** 16 + 7
    Y.applyUpdate(server, Y.encodeStateAsUpdate(doc))
    const notes = ((server.getArray('tracks').get(0) as Y.Map<unknown>).get('notes')) as Y.Array<Y.Map<unknown>>
    const n = new Y.Map<unknown>()
    for (const [k, v] of Object.entries({ id: 'g1-1-0', pitch: 64, start: 480, duration: 480, velocity: 80 })) n.set(k, v)
    n.set('origin', { kind: 'ai', suggestion: 'g1-1', model: { version: 'v1' }, requestedBy: { id: 'bob', name: 'Bob' },
      acceptedBy: { id: 'bob', name: 'Bob' } })
    server.transact(() => notes.push([n]))
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(server))

    const ledger = new LedgerAuthors('p', 't', model, { authorOf: () => undefined }) // not started: no report
    const view = new AttributionView(model, ledger, { id: 'alice', name: 'Alice' })
    expect(view.noteStyle(model.read().notes.get(mine)!.note, model.read().tracks[0])).toBeUndefined() // track mode
    view.setMode('author')
    const d = view.decisions()
    expect(d[mine]).toMatchObject({ kind: 'human', author: 'alice', fill: userColor('alice') })
    expect(d['g1-1-0']).toMatchObject({ kind: 'ai', pattern: 'hatch', label: 'AI' })
    expect(d['template-0'].kind).not.toBe('ai')
    expect(view.credit('g1-1-0')?.ai).toMatchObject({ version: 'v1', acceptedBy: 'Bob' })
  })
})
