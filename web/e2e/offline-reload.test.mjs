// Offline work that outlives the tab: the server goes away, the user edits, closes the tab and opens the
// studio again while the server is still down (same browser profile). The page comes from the service
// worker, the project from the browser's IndexedDB copy; the status says the changes are not on the
// server yet. When the server is back the edits reach it and a second user. Deleting the project
// removes the browser's copy.
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

/** Whether this origin has the IndexedDB database; undefined while the page is reloading. */
const hasDb = (page, name) => page.evaluate(async (n) => (await indexedDB.databases()).some((d) => d.name === n), name)
  .catch(() => undefined)

test('an edit made offline survives closing the tab and syncs when the server is back', async () => {
  let page = await browser.context.newPage()
  const token = await signIn(page, server.url, 'Dana')
  const project = await api(server.url, token, 'POST', '/api/projects', { title: 'Night bus', template: 'four-part-chorale', key: 'D minor' })
  await openStudio(page, server.url, project.id)
  await page.evaluate(() => navigator.serviceWorker.ready) // the page itself is kept for offline use
  const copy = `ensemble:127.0.0.1:${server.port}:dana:${project.id}`
  await until(async () => (await hasDb(page, copy)) === true, 'the local copy exists')

  await server.stop()
  await page.locator('[data-testid=connection][data-state=offline]').waitFor({ timeout: 10_000 })
  await page.locator('#track-1').check()
  await page.getByTestId('piano-roll').focus()
  for (let i = 0; i < 8 * 4; i++) await page.keyboard.press('ArrowRight') // two bars of sixteenths
  await page.keyboard.press('Enter')
  assert.equal(await noteCount(page, 'Alto'), 5)
  await page.locator('[data-testid=connection][data-unsent=true]').waitFor()
  // The copy has recorded the unsent edit before the tab goes away.
  await until(() => page.evaluate((name) => new Promise((ok) => {
    const open = indexedDB.open(name)
    open.onsuccess = () => {
      const get = open.result.transaction('custom').objectStore('custom').get('unsent')
      get.onsuccess = () => { ok(get.result === 1); open.result.close() }
      get.onerror = () => { ok(false); open.result.close() }
    }
    open.onerror = () => ok(false)
  }), copy), 'the unsent mark is stored')
  await page.close()

  // Open the studio again, server still down: the page, the project list kept here, the project and
  // the edit are all there.
  page = await browser.context.newPage()
  await page.goto(`${server.url}/#/`)
  await page.getByText('can still be opened and edited offline').waitFor()
  await page.getByRole('link', { name: 'Night bus' }).click()
  await page.locator('[data-testid=connection][data-unsent=true]').waitFor({ timeout: 15_000 })
  assert.equal(await noteCount(page, 'Alto'), 5)
  assert.match(await page.getByTestId('connection').innerText(), /not on the server yet|will sync/)
  assert.equal(await page.evaluate(() => [...window.ensembleStudio.model.read().tracks[1].notes].pop().start), 3840)
  await screenshot(page, 'studio-offline-reopened')

  server = await server.restart()
  await page.locator('[data-testid=connection][data-synced=true]').waitFor({ timeout: 20_000 })
  const stored = await until(async () => {
    const s = await serverNotes(server.url, token, project.id)
    return s.alto.length === 5 ? s : undefined
  }, 'the offline note reaches the server')
  assert.deepEqual(stored.alto.filter((n) => n.start >= 3840).map((n) => n.start), [3840])
  assert.equal(await page.getByTestId('connection').getAttribute('data-unsent'), 'false')

  await api(server.url, token, 'PUT', `/api/projects/${project.id}/members/erin`, { role: 'editor', name: 'Erin' })
  const p2 = await other.context.newPage()
  await signIn(p2, server.url, 'Erin')
  await openStudio(p2, server.url, project.id)
  assert.equal(await noteCount(p2, 'Alto'), 5)

  // Erin loses access: her browser's copy goes; Dana, evicted with the room, reconnects and keeps hers.
  const erinCopy = `ensemble:127.0.0.1:${server.port}:erin:${project.id}`
  await until(async () => (await hasDb(p2, erinCopy)) === true, "Erin's local copy exists")
  await api(server.url, token, 'DELETE', `/api/projects/${project.id}/members/erin`)
  await until(async () => (await hasDb(p2, erinCopy)) === false, "Erin's copy is deleted when she loses access")
  await page.locator('[data-testid=connection][data-synced=true]').waitFor({ timeout: 15_000 })
  assert.equal(await hasDb(page, copy), true)

  // The owner deletes the project from the list: this browser's copy goes with it.
  await page.goto(`${server.url}/#/`)
  page.once('dialog', (d) => d.accept())
  await page.locator('.project', { hasText: 'Night bus' }).getByRole('button', { name: 'Delete' }).click()
  await until(async () => (await hasDb(page, copy)) === false, 'the local copy is deleted with the project')
})
