// Keyboard only: sign in, create a project, add a track and write, select, lengthen, transpose,
// delete and undo notes without touching the mouse; the screen reader's live region names each note.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { launchBrowser, screenshot, serverNotes, startServer } from './harness.mjs'

let server, browser
before(async () => {
  server = await startServer()
  browser = await launchBrowser()
})
after(async () => {
  await browser?.close()
  await server?.dispose()
})

/** Presses Tab until the element matching `selector` has the focus. */
async function tabTo(page, selector) {
  for (let i = 0; i < 80; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return
    await page.keyboard.press('Tab')
  }
  throw new Error(`Tab never reached ${selector}`)
}

const live = (page) => page.evaluate(() => document.getElementById('live').textContent)

test('keyboard-only note entry works', async () => {
  const page = await browser.context.newPage()
  await page.goto(`${server.url}/#/`)
  await page.getByLabel('Your name').waitFor()
  await screenshot(page, 'sign-in')
  await page.keyboard.type('Kim')
  await page.keyboard.press('Enter')
  await page.getByRole('heading', { name: 'Your projects' }).waitFor()
  await tabTo(page, '#new-title')
  await page.keyboard.press('Control+A')
  await page.keyboard.type('Keys only')
  await tabTo(page, 'button[type=submit]')
  await page.keyboard.press('Enter')
  await page.locator('[data-testid=connection][data-synced=true]').waitFor({ timeout: 15_000 })
  const projectId = decodeURIComponent(/#\/p\/([^/]+)/.exec(page.url())[1])
  const token = await page.evaluate(() => JSON.parse(localStorage.getItem('ensemble.session')).token)

  await tabTo(page, '#add-track')
  await page.keyboard.press('Enter')
  await page.locator('label[for=track-0]', { hasText: 'Soprano' }).waitFor()
  await tabTo(page, '[data-testid=piano-roll]')
  const focusRing = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle)
  assert.notEqual(focusRing, 'none', 'the focused roll shows a focus outline')

  for (let i = 0; i < 7; i++) await page.keyboard.press('ArrowUp') // C4 → G4
  await page.keyboard.press('Enter') // G4 at bar 1 beat 1
  await page.waitForFunction(() => /^Added G4, bar 1 beat 1, quarter/.test(document.getElementById('live').textContent))
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('Enter') // F4 at beat 2
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('Enter') // E4 at beat 3, selected
  for (let i = 0; i < 4; i++) await page.keyboard.press('Shift+ArrowRight') // a half note
  await page.keyboard.press('Alt+Shift+ArrowUp') // up an octave: E5
  // "by you" from the session, or "by Kim" once the ledger's record of the note has been read.
  await page.waitForFunction(() => /^E5, bar 1 beat 3, half, velocity 80, Soprano, by (you|Kim)/.test(document.getElementById('live').textContent))
  await page.keyboard.press(',') // the note before: F4
  await page.waitForFunction(() => /^F4, bar 1 beat 2, quarter/.test(document.getElementById('live').textContent))
  await page.keyboard.press('Delete')
  await page.waitForFunction(() => document.getElementById('live').textContent === 'Deleted 1 note')
  await page.keyboard.press('Control+z')
  await page.waitForFunction(() => document.getElementById('live').textContent === 'Undone')

  await page.keyboard.press('Space')
  await page.locator('#play[aria-pressed=true]').waitFor()
  await page.keyboard.press('Space')
  await page.locator('#play[aria-pressed=false]').waitFor()
  await screenshot(page, 'studio-keyboard')
  await page.keyboard.press('Shift+?')
  await page.locator('#keys-help[open]').waitFor()
  await screenshot(page, 'keyboard-help')
  await page.keyboard.press('Escape')
  await page.waitForFunction(() => document.activeElement?.dataset.testid === 'piano-roll')

  // With prefers-reduced-motion, transitions are off.
  const transition = () => page.evaluate(() => getComputedStyle(document.getElementById('play')).transitionDuration)
  assert.notEqual(await transition(), '0s')
  await page.emulateMedia({ reducedMotion: 'reduce' })
  assert.equal(await transition(), '0s')

  await page.locator('[data-testid=connection][data-synced=true]').waitFor()
  const notes = Object.values(await serverNotes(server.url, token, projectId))[0]
    .map(({ pitch, start, duration }) => ({ pitch, start, duration })).sort((a, b) => a.start - b.start)
  assert.deepEqual(notes, [
    { pitch: 67, start: 0, duration: 480 }, { pitch: 65, start: 480, duration: 480 }, { pitch: 76, start: 960, duration: 960 }])
  console.log('live region said:', await live(page))
})
