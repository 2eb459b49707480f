// Offline work: the server goes away, the status says so, edits go on; when the server is back the
// edits reach it and the other collaborators.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { api, launchBrowser, noteCount, openStudio, screenshot, serverNotes, signIn, startServer, until } from './harness.mjs'

let server, browser, other
before(async () => {
  server = await startServer()
  browser = await launchBrowser()
  other = await launchBrowser()
})
after(async () => {
  await browser?.close()
  await other?.close()
  await server?.dispose()
})

test('an edit made offline syncs after reconnecting', async () => {
  const page = await browser.context.newPage()
  const token = await signIn(page, server.url, 'Dana')
  const project = await api(server.url, token, 'POST', '/api/projects', { title: 'Road trip', template: 'four-part-chorale', key: 'A minor' })
  await openStudio(page, server.url, project.id)
  const original = (await serverNotes(server.url, token, project.id)).soprano.find((n) => n.id === 'soprano-0').pitch

  await server.stop()
  await page.locator('[data-testid=connection][data-state=offline]').waitFor({ timeout: 10_000 })
  // Write two notes into the alto lane and move the first soprano note, all while offline.
  await page.locator('#track-1').check()
  await page.getByTestId('piano-roll').focus()
  for (let i = 0; i < 8 * 4; i++) await page.keyboard.press('ArrowRight') // two bars of sixteenths
  await page.keyboard.press('Enter')
  await page.keyboard.press('Enter')
  assert.equal(await noteCount(page, 'Alto'), 6)
  await page.locator('#track-0').check()
  await page.getByTestId('piano-roll').focus()
  await page.keyboard.press('.')
  await page.keyboard.press('Alt+ArrowUp')
  await page.getByText('your changes are kept').waitFor()
  await screenshot(page, 'studio-offline')

  server = await server.restart()
  await page.locator('[data-testid=connection][data-synced=true]').waitFor({ timeout: 15_000 })

  const stored = await until(async () => {
    const s = await serverNotes(server.url, token, project.id)
    return s.alto.length === 6 ? s : undefined
  }, 'the offline notes reach the server')
  assert.deepEqual(stored.alto.filter((n) => n.start >= 3840).map((n) => n.start).sort((x, y) => x - y), [3840, 4320])
  assert.equal(stored.soprano.find((n) => n.id === 'soprano-0').pitch, original + 1)

  // A second person opening the project now sees the offline edits.
  await api(server.url, token, 'PUT', `/api/projects/${project.id}/members/erin`, { role: 'editor', name: 'Erin' })
  const p2 = await other.context.newPage()
  await signIn(p2, server.url, 'Erin')
  await openStudio(p2, server.url, project.id)
  assert.equal(await noteCount(p2, 'Alto'), 6)
  assert.equal(await p2.evaluate(() => window.ensembleStudio.model.read().notes.get('soprano-0').note.pitch), original + 1)
})
