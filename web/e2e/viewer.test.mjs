// A viewer gets a read-only studio: neither mouse nor keyboard changes the project.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { api, clickRoll, launchBrowser, noteCount, openStudio, screenshot, serverNotes, signIn, startServer } from './harness.mjs'

let server, browser
before(async () => {
  server = await startServer()
  browser = await launchBrowser()
})
after(async () => {
  await browser?.close()
  await server?.dispose()
})

test('a viewer cannot edit', async () => {
  const ownerToken = (await api(server.url, undefined, 'POST', '/api/dev/token', { name: 'Olivia' })).token
  const project = await api(server.url, ownerToken, 'POST', '/api/projects', { title: 'Hymn', template: 'four-part-chorale', key: 'F major' })
  await api(server.url, ownerToken, 'PUT', `/api/projects/${project.id}/members/carol`, { role: 'viewer', name: 'Carol' })

  const before = await serverNotes(server.url, ownerToken, project.id)
  const page = await browser.context.newPage()
  await signIn(page, server.url, 'Carol')
  await openStudio(page, server.url, project.id)
  await page.getByText('View only').waitFor()
  assert.equal(await page.locator('#tempo').isDisabled(), true)
  assert.equal(await page.locator('#undo').isDisabled(), true)
  assert.equal(await page.locator('#add-track').count(), 0)

  await clickRoll(page, 0, 3840, 70)
  await page.getByTestId('piano-roll').focus()
  await page.keyboard.press('Enter')
  await page.keyboard.press('.')
  await page.keyboard.press('Delete')
  await page.keyboard.press('Alt+ArrowUp')
  await page.waitForFunction(() => /not change it/.test(document.getElementById('live')?.textContent ?? ''))
  // The refusal is on screen too, not only for screen readers.
  assert.match(await page.getByTestId('notice').innerText(), /You can view this project but not change it/)
  assert.equal(await page.getByTestId('notice').isVisible(), true)
  await screenshot(page, 'studio-viewer')
  assert.equal(await noteCount(page, 'Soprano'), 4)
  // The authorship ledger credits the template's notes to the template, not to the owner who created
  // the project (they did not write them).
  await page.keyboard.press('Escape')
  await page.keyboard.press('.')
  await page.waitForFunction(() => /bar 1 beat 1, quarter, velocity 80, Soprano, by the four-part chorale template$/.test(
    document.querySelector('[data-testid=inspector]').textContent), null, { timeout: 5_000 })
  const stored = await serverNotes(server.url, ownerToken, project.id)
  assert.deepEqual(stored, before)
})
