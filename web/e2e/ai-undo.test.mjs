// Accepting an AI suggestion is one undo step of the person who accepted it: Undo takes the
// accepted notes out and puts back what they replaced (not the user's earlier hand-written note),
// the ledger names that person as the one who removed the AI's notes and restored the old ones, and
// Redo accepts again. Real server jar, shipped chorale model.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { api, clickRoll, launchBrowser, screenshot, serverNotes, signIn, startServer, until } from './harness.mjs'

let server, browser
before(async () => {
  server = await startServer()
  browser = await launchBrowser()
})
after(async () => {
  await browser?.close()
  await server?.dispose()
})

const sorted = (notes) => [...notes].sort((a, b) => a.id.localeCompare(b.id))
const credit = (token, projectId, noteId) =>
  api(server.url, token, 'GET', `/api/projects/${projectId}/attribution/notes/${encodeURIComponent(noteId)}`)

/** Asks the AI panel for `count` harmonizations of bar 1 and waits for them. */
async function harmonizeBar1(page, count) {
  const panel = page.getByRole('region', { name: 'AI co-writer' })
  await panel.getByLabel('Mode').selectOption('harmonize')
  await panel.getByLabel('First bar').fill('1')
  await panel.getByLabel('Last bar').fill('1')
  await panel.getByLabel('Candidates (1–8)').fill(String(count))
  await panel.getByLabel('Seed (optional)').fill('99')
  await panel.getByRole('button', { name: 'Generate' }).click()
  await page.waitForFunction((n) => new RegExp(`^Done: ${n} candidate`).test(document.getElementById('ai-status').textContent),
    count, { timeout: 90_000 })
  await page.locator('#ai-candidates li').nth(count - 1).waitFor()
  return panel
}

test('Undo after "Accept all" takes back the accepted suggestion, as the accepting user', async () => {
  const page = await browser.context.newPage()
  const token = await signIn(page, server.url, 'Alice')
  const { id: projectId } = await api(server.url, token, 'POST', '/api/projects', { title: 'Undoable', template: 'four-part-chorale' })
  await page.goto(`${server.url}/#/p/${projectId}`)
  await page.locator('[data-testid=connection][data-synced=true]').waitFor({ timeout: 15_000 })
  const template = await serverNotes(server.url, token, projectId)

  // A note written by hand in bar 3 (outside what the AI will write).
  await clickRoll(page, 0, 3840, 74)
  await until(async () => (await serverNotes(server.url, token, projectId)).soprano.length === template.soprano.length + 1, 'the hand note stored')
  const written = await serverNotes(server.url, token, projectId)
  const altoCreator = (await credit(token, projectId, 'alto-0')).createdBy

  const panel = await harmonizeBar1(page, 1)
  await panel.getByRole('button', { name: 'Accept all' }).click()
  await until(async () => Object.keys((await api(server.url, token, 'GET', `/api/projects/${projectId}`)).document.suggestions).length === 0,
    'the suggestion accepted')
  await page.waitForFunction(() => window.ensembleStudio.roll.ghosts.length === 0)
  const accepted = await serverNotes(server.url, token, projectId)
  const aiIds = Object.values(accepted).flat().map((n) => n.id).filter((id) => !Object.values(written).flat().some((n) => n.id === id))
  assert.ok(aiIds.length >= 3, `the AI's notes are in the tracks: ${aiIds}`)
  assert.equal((await credit(token, projectId, aiIds[0])).createdBy.source, 'ai')
  await screenshot(page, 'ai-undo-accepted')

  // Undo: exactly the accepted suggestion goes, the notes it replaced come back, the hand note stays.
  await page.locator('#undo').click()
  await until(async () => {
    const now = await serverNotes(server.url, token, projectId)
    return !Object.values(now).flat().some((n) => aiIds.includes(n.id))
  }, 'the accepted notes are undone on the server')
  const undone = await serverNotes(server.url, token, projectId)
  for (const track of Object.keys(written)) {
    assert.deepEqual(sorted(undone[track]), sorted(written[track]), `${track} is as it was before accepting`)
  }
  await screenshot(page, 'ai-undo-undone')

  // The ledger: the AI's note was removed by Alice; a replaced template note keeps its first author
  // and names Alice as who restored it.
  const gone = await credit(token, projectId, aiIds[0])
  assert.equal(gone.state, 'deleted')
  assert.equal(gone.createdBy.source, 'ai')
  assert.equal(gone.deletedBy.actor, 'alice')
  assert.equal(gone.deletedBy.source, 'human')
  const alto = await credit(token, projectId, 'alto-0')
  assert.equal(alto.state, 'present')
  assert.deepEqual(alto.createdBy, altoCreator)
  assert.equal(alto.restoredBy.actor, 'alice')

  // Redo accepts again: the AI's notes are back and still the AI's.
  await page.locator('#redo').click()
  await until(async () => {
    const now = Object.values(await serverNotes(server.url, token, projectId)).flat()
    return aiIds.every((id) => now.some((n) => n.id === id))
  }, 'redo brings the accepted notes back')
  const back = await credit(token, projectId, aiIds[0])
  assert.equal(back.state, 'present')
  assert.equal(back.createdBy.source, 'ai')
  // And one more Undo then takes back the accepted notes again, still not the hand note.
  await page.locator('#undo').click()
  await until(async () => {
    const now = await serverNotes(server.url, token, projectId)
    return !Object.values(now).flat().some((n) => aiIds.includes(n.id)) && now.soprano.some((n) => n.start === 3840)
  }, 'undo again after redo')
})

test('after accepting candidate 1, candidate 2 is not drawn over it; "continue" scrolls to its ghosts', async () => {
  const page = await browser.context.newPage()
  await page.goto(`${server.url}/#/`) // Alice is still signed in in this browser
  const token = await page.evaluate(() => JSON.parse(localStorage.getItem('ensemble.session')).token)
  const { id: projectId } = await api(server.url, token, 'POST', '/api/projects', { title: 'Ghosts', template: 'four-part-chorale' })
  await page.goto(`${server.url}/#/p/${projectId}`)
  await page.locator('[data-testid=connection][data-synced=true]').waitFor({ timeout: 15_000 })

  const panel = await harmonizeBar1(page, 2)
  await page.locator('#ai-candidates input').first().check()
  await panel.getByRole('button', { name: 'Accept all' }).click()
  await page.locator('#ai-candidates li').nth(1).waitFor({ state: 'detached' })
  // The accepted notes are real now; candidate 2 (same bar) is listed but not drawn and not chosen.
  await page.waitForFunction(() => window.ensembleStudio.roll.ghosts.length === 0)
  assert.equal(await page.locator('#ai-candidates li').count(), 1)
  assert.equal(await page.locator('#ai-candidates input:checked').count(), 0)
  await screenshot(page, 'ai-ghosts-after-accept')
  // Chosen on purpose, it is drawn (to compare with what was accepted) and can be rejected.
  await page.locator('#ai-candidates input').first().check()
  await page.waitForFunction(() => window.ensembleStudio.roll.ghosts.length === 1 && window.ensembleStudio.roll.ghosts[0].focused)
  await panel.getByRole('button', { name: 'Reject' }).click()
  await page.locator('#ai-no-candidates').waitFor({ state: 'visible' })

  // "Continue" by 4 bars writes past the end of the piece: the roll scrolls to the new ghosts.
  await page.evaluate(() => { const r = window.ensembleStudio.roll; r.zoom(4, 0); r.el.scrollLeft = 0 })
  await panel.getByLabel('Mode').selectOption('continue')
  await panel.getByLabel('Bars to add after the piece').fill('4')
  await panel.getByLabel('Candidates (1–8)').fill('1')
  await panel.getByRole('button', { name: 'Generate' }).click()
  await page.waitForFunction(() => /^Done: 1 candidate/.test(document.getElementById('ai-status').textContent), null, { timeout: 90_000 })
  await page.waitForFunction(() => window.ensembleStudio.roll.ghosts.length === 1)
  const seen = await page.evaluate(() => {
    const roll = window.ensembleStudio.roll
    const first = Math.min(...roll.ghosts[0].notes.map((n) => n.start))
    const x = first * roll.pxPerTick
    return { x, left: roll.el.scrollLeft, width: roll.el.clientWidth - 64 }
  })
  assert.ok(seen.x >= seen.left && seen.x <= seen.left + seen.width, `the first ghost note is on screen: ${JSON.stringify(seen)}`)
  await screenshot(page, 'ai-continue-scrolled')
})
