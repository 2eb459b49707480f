// The studio in Firefox: Debian's firefox-esr, driven headless over WebDriver BiDi by puppeteer-core,
// co-writes one project live with a user in chromium. Firefox signs in, creates the chorale and writes
// a note with the keyboard; chromium sees it, writes one of its own, and Firefox sees that.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import puppeteer from 'puppeteer-core'
import { launchBrowser, noteCount, openStudio, serverNotes, signIn, startServer, artifacts } from './harness.mjs'

function firefoxPath() {
  for (const p of [process.env.FIREFOX, '/usr/bin/firefox-esr', '/usr/bin/firefox']) if (p && existsSync(p)) return p
  throw new Error('Debian firefox-esr is not installed (scripts/install-test-deps.sh installs it)')
}

let server, firefox, profile, chromium
before(async () => {
  server = await startServer()
  profile = mkdtempSync(join(tmpdir(), 'ensemble-firefox-'))
  firefox = await puppeteer.launch({ browser: 'firefox', executablePath: firefoxPath(), headless: true,
    userDataDir: profile, args: ['--width=1400', '--height=900'] })
  chromium = await launchBrowser()
})
after(async () => {
  await firefox?.close().catch(() => {})
  if (profile) rmSync(profile, { recursive: true, force: true })
  await chromium?.close()
  await server?.dispose()
})

/** The "N notes" a track's label shows, once the track list has redrawn. */
const labelCount = (trackIndex) => Number(/(\d+) notes/.exec(document.querySelector(`label[for=track-${trackIndex}]`)?.textContent ?? '')?.[1] ?? NaN)

test('a Firefox user and a chromium user co-write one project', async () => {
  const ff = await firefox.newPage()
  await ff.goto(`${server.url}/#/`)
  await ff.waitForSelector('#signin-name')
  await ff.type('#signin-name', 'Fiona')
  await ff.keyboard.press('Enter')
  await ff.waitForSelector('#new-title')
  const token = await ff.evaluate(() => JSON.parse(localStorage.getItem('ensemble.session')).token)
  await ff.evaluate(() => { document.getElementById('new-title').value = '' })
  await ff.type('#new-title', 'Fox duet')
  await ff.select('#new-template', 'four-part-chorale')
  await ff.click('#new-template ~ button, form button[type=submit]')
  await ff.waitForSelector('[data-testid=connection][data-synced=true]', { timeout: 20_000 })
  const projectId = decodeURIComponent(/#\/p\/([^/]+)/.exec(ff.url())[1])
  await ff.waitForFunction(labelCount, {}, 0)
  assert.equal(await ff.evaluate(labelCount, 0), 4, 'the template\'s soprano')

  // Fiona makes Chris an editor through the API (the members page is covered in chromium).
  const res = await fetch(`${server.url}/api/projects/${encodeURIComponent(projectId)}/members/chris`, {
    method: 'PUT', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ role: 'editor' }),
  })
  assert.equal(res.status, 200, await res.text())
  const c = await chromium.context.newPage()
  await signIn(c, server.url, 'Chris')
  await openStudio(c, server.url, projectId)

  // Firefox writes with the keyboard: the soprano gets a fifth note, on the server and in chromium.
  await ff.focus('[data-testid=piano-roll]')
  await ff.keyboard.press('Enter')
  await ff.waitForFunction((n) => Number(/(\d+) notes/.exec(document.querySelector('label[for=track-0]')?.textContent ?? '')?.[1]) === n, {}, 5)
  await c.waitForFunction(() => /5 notes/.test(document.querySelector('label[for=track-0]')?.textContent ?? ''), null, { timeout: 5_000 })

  // Chromium writes into the bass; Firefox sees it.
  await c.locator('#track-3').check()
  await c.getByTestId('piano-roll').focus()
  await c.keyboard.press('Enter')
  assert.equal(await noteCount(c, 'Bass'), 5)
  await ff.waitForFunction(() => /5 notes/.test(document.querySelector('label[for=track-3]')?.textContent ?? ''), { timeout: 5_000 })
  await ff.screenshot({ path: join(artifacts, 'firefox-studio.png') })

  const stored = await serverNotes(server.url, token, projectId)
  assert.equal(stored.soprano.length, 5)
  assert.equal(stored.bass.length, 5)
})
