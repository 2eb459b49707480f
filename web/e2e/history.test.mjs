// Versions and rollback in the studio (issue 17): a version is saved, Bob writes on, Alice compares
// the version with now (the changes marked in the roll and listed with their author) and restores it:
// Bob's note goes from his screen live and the ledger names Alice, not Bob, as who removed it. Then
// the AI harmonizes bar 1, Alice rolls back the AI's notes in bar 1 from the History panel: exactly
// the notes the AI wrote go and the ones it replaced come back, a hand-written note and Bob's note in
// later bars stay, Bob sees it live, and Undo brings the AI's notes back. Real server jar, shipped
// chorale model, two chromium browsers.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { api, clickRoll, launchBrowser, noteCount, openStudio, screenshot, serverNotes, signIn, startServer, until } from './harness.mjs'

let server, alice, bob
before(async () => {
  server = await startServer()
  alice = await launchBrowser()
  bob = await launchBrowser()
})
after(async () => {
  await alice?.close()
  await bob?.close()
  await server?.dispose()
})

const ids = (notes) => Object.values(notes).flat().map((n) => n.id).sort()
const credit = (token, projectId, noteId) =>
  api(server.url, token, 'GET', `/api/projects/${projectId}/attribution/notes/${encodeURIComponent(noteId)}`)

const tokens = {}
async function setUp(title) {
  const a = await alice.context.newPage()
  const b = await bob.context.newPage()
  const aliceToken = tokens.alice ??= await signIn(a, server.url, 'Alice') // each browser signs in once
  const bobToken = tokens.bob ??= await signIn(b, server.url, 'Bob')
  const { id } = await api(server.url, aliceToken, 'POST', '/api/projects', { title, template: 'four-part-chorale' })
  await api(server.url, aliceToken, 'PUT', `/api/projects/${id}/members/bob`, { role: 'editor', name: 'Bob' })
  await openStudio(a, server.url, id)
  await openStudio(b, server.url, id)
  return { a, b, aliceToken, bobToken, id }
}

test('a saved version is compared with now and restored as the restorer\'s edit, seen live by the other editor', async () => {
  const { a, b, aliceToken, id } = await setUp('Restorable')
  const history = a.getByTestId('history-panel')
  await history.getByLabel('Version name').fill('Start')
  await history.getByRole('button', { name: 'Save version' }).click()
  await history.locator('[data-testid=versions] li', { hasText: 'Start' }).waitFor()
  const start = await serverNotes(server.url, aliceToken, id)

  // Bob writes a soprano note in bar 3; Alice sees it.
  await clickRoll(b, 0, 3840, 74)
  await until(async () => ids(await serverNotes(server.url, aliceToken, id)).length === ids(start).length + 1, 'Bob\'s note stored')
  const bobsNote = ids(await serverNotes(server.url, aliceToken, id)).find((n) => !ids(start).includes(n))
  assert.equal(await noteCount(a, 'Soprano'), 5)
  // Bob also changes the tempo; the version "Start" is still drawn with its own settings.
  await b.locator('#tempo').fill('90')
  await b.locator('#tempo').press('Tab')
  await a.waitForFunction(() => window.ensembleStudio.model.read().meta.tempoBpm === 90)
  await a.goto(`${server.url}/#/p/${id}/versions/${(await api(server.url, aliceToken, 'GET', `/api/projects/${id}/versions`)).versions
    .find((v) => v.title === 'Start').id}`)
  await a.getByTestId('version-settings').filter({ hasText: 'Its settings: “Restorable”, 72 bpm, C major, 4/4.' }).waitFor()
  await openStudio(a, server.url, id)

  // Compare "Start" with now: Bob's note is marked added and listed with his name.
  await history.locator('[data-testid=versions] li', { hasText: 'Start' }).getByRole('link', { name: 'Compare with now' }).click()
  await a.getByTestId('version-view').waitFor()
  const added = a.locator(`[data-testid=change-list] li[data-mark=added][data-note="${bobsNote}"]`)
  await added.waitFor()
  assert.match(await added.innerText(), /by Bob$/)
  assert.equal(await a.getByTestId('change-counts').innerText(), '1 added, 0 removed, 0 changed.')
  assert.equal(await a.evaluate((n) => window.ensembleVersion.marks.get(n), bobsNote), 'added')
  await screenshot(a, 'history-compare')
  await a.getByRole('link', { name: '← Restorable' }).click()
  await a.locator('[data-testid=connection][data-synced=true]').waitFor({ timeout: 15_000 })

  // Alice restores "Start" from the History panel: Bob's note leaves Bob's screen.
  await history.locator('[data-testid=versions] li', { hasText: 'Start' }).getByRole('button', { name: 'Restore' }).click()
  await history.getByTestId('history-status').filter({ hasText: 'Restored “Start”' }).waitFor()
  assert.match(await history.getByTestId('history-status').innerText(), /tempo set back/)
  await b.waitForFunction(() => document.getElementById('tempo').value === '72', null, { timeout: 5000 })
  await b.waitForFunction(() => /4 notes/.test(document.querySelector('label[for=track-0]')?.textContent ?? ''), null, { timeout: 5000 })
  assert.deepEqual(ids(await serverNotes(server.url, aliceToken, id)), ids(start))
  const gone = await credit(aliceToken, id, bobsNote)
  assert.equal(gone.createdBy.actor, 'bob', 'the past stays: Bob wrote it')
  assert.equal(gone.deletedBy.actor, 'alice', 'the restore is Alice\'s edit')
  await screenshot(a, 'history-restored')
  await a.close()
  await b.close()
})

test('rolling back the AI\'s notes in bar 1 leaves everything else alone, live, and can be undone', async () => {
  const { a, b, aliceToken, id } = await setUp('Rollback')
  await clickRoll(a, 0, 3840, 74) // Alice's own note, bar 3
  await clickRoll(b, 0, 5760, 72) // Bob's note, bar 4
  await until(async () => ids(await serverNotes(server.url, aliceToken, id)).length === 18, 'both hand notes stored')
  const beforeAi = await serverNotes(server.url, aliceToken, id)

  const ai = a.getByRole('region', { name: 'AI co-writer' })
  await ai.getByLabel('Mode').selectOption('harmonize')
  await ai.getByLabel('First bar').fill('1')
  await ai.getByLabel('Last bar').fill('1')
  await ai.getByLabel('Candidates (1–8)').fill('1')
  await ai.getByLabel('Seed (optional)').fill('7')
  await ai.getByRole('button', { name: 'Generate' }).click()
  await a.waitForFunction(() => /^Done: 1 candidate/.test(document.getElementById('ai-status').textContent), null, { timeout: 90_000 })
  await ai.getByRole('button', { name: 'Accept all' }).click()
  await until(async () => Object.keys((await api(server.url, aliceToken, 'GET', `/api/projects/${id}`)).document.suggestions).length === 0,
    'the suggestion accepted')
  const withAi = await serverNotes(server.url, aliceToken, id)
  const aiIds = ids(withAi).filter((n) => !ids(beforeAi).includes(n))
  assert.ok(aiIds.length >= 3, `the AI wrote notes: ${aiIds}`)

  // A version was taken just before the accept.
  const versions = await api(server.url, aliceToken, 'GET', `/api/projects/${id}/versions`)
  assert.ok(versions.versions.some((v) => v.kind === 'before-ai-accept'), JSON.stringify(versions.versions.map((v) => v.kind)))

  const history = a.getByTestId('history-panel')
  await history.getByTestId('rollback-author').locator('option[value=ai]').waitFor({ state: 'attached' })
  await history.getByTestId('rollback-author').selectOption('ai')
  await history.getByTestId('rollback-from').fill('1')
  await history.getByTestId('rollback-to').fill('1')
  await history.getByTestId('rollback-button').click()
  await history.getByTestId('history-status').filter({ hasText: 'Rolled back The AI' }).waitFor()
  await until(async () => JSON.stringify(ids(await serverNotes(server.url, aliceToken, id))) === JSON.stringify(ids(beforeAi)),
    'the AI\'s notes gone, the notes they replaced back')
  const after = await serverNotes(server.url, aliceToken, id)
  for (const track of Object.keys(beforeAi)) {
    const key = (n) => `${n.id}:${n.pitch}:${n.start}:${n.duration}`
    assert.deepEqual(after[track].map(key).sort(), beforeAi[track].map(key).sort(), `${track} as it was before the AI`)
  }
  await b.waitForFunction((n) => window.ensembleStudio.model.read().tracks.flatMap((t) => t.notes).length === n,
    ids(beforeAi).length, { timeout: 5000 })
  assert.equal((await credit(aliceToken, id, aiIds[0])).deletedBy.actor, 'alice')
  await screenshot(a, 'history-rolled-back')

  // Undo the rollback: the AI's notes come back (still the AI's, put back by Alice).
  await history.getByTestId('history-undo').click()
  await history.getByTestId('history-status').filter({ hasText: 'Rollback undone' }).waitFor()
  await until(async () => JSON.stringify(ids(await serverNotes(server.url, aliceToken, id))) === JSON.stringify(ids(withAi)),
    'the AI\'s notes back')
  const back = await credit(aliceToken, id, aiIds[0])
  assert.equal(back.createdBy.source, 'ai')
  assert.equal(back.restoredBy.actor, 'alice')
  await a.close()
  await b.close()
})
