// What a musician's first session tripped over (issue 16): the key chosen for an empty project, a
// non-member's project link, the session token in the console, and the grid's silent refusals.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { api, launchBrowser, openStudio, screenshot, signIn, startServer } from './harness.mjs'

let server, browser
before(async () => {
  server = await startServer()
  browser = await launchBrowser()
})
after(async () => {
  await browser?.close()
  await server?.dispose()
})

for (const [tonic, mode] of [['E', 'minor'], ['G', 'major']]) {
  test(`an empty project created in ${tonic} ${mode} opens in ${tonic} ${mode}`, async () => {
    const page = await browser.context.newPage()
    await page.goto(`${server.url}/#/`)
    const projects = page.getByRole('heading', { name: 'Your projects' })
    await projects.or(page.getByLabel('Your name')).waitFor()
    if (!await projects.isVisible()) await signIn(page, server.url, 'Erin')
    await page.getByLabel('Title').fill(`Sketch in ${tonic}`)
    await page.getByLabel('Start from').selectOption('empty')
    await page.getByLabel('Key').selectOption(`${tonic} ${mode}`)
    await page.getByRole('button', { name: 'Create' }).click()
    await page.locator('[data-testid=connection][data-synced=true]').waitFor({ timeout: 15_000 })
    assert.equal(await page.locator('#key-tonic').inputValue(), tonic)
    assert.equal(await page.locator('#key-mode').inputValue(), mode)
    if (tonic === 'E') await screenshot(page, 'empty-project-e-minor')
    await page.close()
  })
}
