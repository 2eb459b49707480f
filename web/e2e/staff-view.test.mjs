// The staff view (issue 16): the four-part chorale as notation, read only, loaded on demand. Switched
// on from the studio's header, it shows a notehead for every note of the pitched tracks, four staves
// with their clefs, the key signature of the project's key; a note written in a second window appears
// on it live; a drum track is left out with a line saying so; Escape goes back to the piano roll.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { openNewProject, openStudio, screenshot, serverAndBrowser, until } from './harness.mjs'

const env = serverAndBrowser()

const pitchedNotes = (page) => page.evaluate(() => window.ensembleStudio.model.read().tracks
  .filter((t) => t.role !== 'drums').flatMap((t) => t.notes.map((n) => n.id)).sort())
const drawnNotes = (page) => page.locator('#staff-view svg [data-note-id]')
  .evaluateAll((els) => els.map((e) => e.getAttribute('data-note-id')).sort())
const scripts = (page) => page.evaluate(() => performance.getEntriesByType('resource')
  .map((e) => e.name).filter((n) => n.endsWith('.js')))

test('the chorale as four staves in G major, a notehead per note, a collaborator\'s note live', async () => {
  const { project, page } = await openNewProject(env.browser, env.server.url, 'Clara',
    { title: 'Chorale in G', template: 'four-part-chorale', key: 'G major' })
  const ids = await pitchedNotes(page)
  assert.equal(ids.length, 16, 'the template has four notes in each of its four voices')

  const toggle = page.getByRole('button', { name: 'Staff view' })
  assert.equal(await toggle.getAttribute('aria-pressed'), 'false')
  const scriptsBefore = await scripts(page)
  await toggle.click()
  const svg = page.locator('#staff-view svg[role=img]')
  await svg.waitFor()
  assert.equal(await toggle.getAttribute('aria-pressed'), 'true')
  assert.equal(await page.getByTestId('piano-roll').isVisible(), false, 'the staff view takes the roll\'s place')
  assert.ok((await scripts(page)).length > scriptsBefore.length, 'the staff view came in its own script, on demand')

  // A notehead for every note, each note once (a note tied over a bar line starts one head only).
  assert.deepEqual(await drawnNotes(page), ids)
  // Four staves with their clefs: soprano and alto in treble, tenor and bass in bass clef.
  const staves = svg.locator('.system[data-system="0"] .staff')
  assert.deepEqual(await staves.evaluateAll((els) => els.map((e) => e.getAttribute('data-clef'))), ['treble', 'treble', 'bass', 'bass'])
  assert.equal(await svg.locator('.system[data-system="0"] .clef').count(), 4)
  // G major: one sharp on every staff, on the F line (the treble's top line, the bass's fourth).
  assert.equal(await svg.locator('.system[data-system="0"] .key-signature[data-fifths="1"]').count(), 4)
  assert.equal(await svg.locator('.system[data-system="0"] .key-accidental').count(), 4)
  assert.equal(await svg.locator('.system[data-system="0"] .key-accidental.sharp').count(), 4)
  const label = await svg.getAttribute('aria-label')
  assert.match(label, /4 staves: Soprano in treble clef, Alto in treble clef, Tenor in bass clef, Bass in bass clef/)
  assert.match(label, /G major, 1 sharp; 4\/4 time; 72 bpm; 16 notes/)

  // A second window (the same person on another screen) writes a G5 in bar 3 of the soprano: it appears live.
  const second = await env.browser.context.newPage()
  await openStudio(second, env.server.url, project.id)
  const added = await second.evaluate(() => {
    const m = window.ensembleStudio.model
    const soprano = m.read().tracks.find((t) => t.role === 'soprano')
    return m.addNotes(soprano.id, [{ pitch: 79, start: 3840, duration: 960, velocity: 80 }])[0]
  })
  await until(async () => (await drawnNotes(page)).includes(added), 'the other window\'s note is drawn')
  assert.deepEqual(await drawnNotes(page), [...ids, added].sort())
  assert.equal(await svg.locator(`[data-note-id="${added}"]`).getAttribute('data-pitch'), '79')
  assert.match(await svg.getAttribute('aria-label'), /17 notes over 3 bars/)

  // A drum track is left out, and the view says so.
  await second.evaluate(() => {
    const m = window.ensembleStudio.model
    const kit = m.addTrack({ name: 'Kit', role: 'drums', instrument: 0 })
    m.addNotes(kit, [{ pitch: 36, start: 0, duration: 240, velocity: 90 }])
  })
  await page.locator('.staff-drums', { hasText: 'Kit' }).waitFor()
  assert.equal(await svg.locator('.system[data-system="0"] .staff').count(), 4)
  assert.deepEqual(await drawnNotes(page), [...ids, added].sort())
  await screenshot(page, 'studio-staff-view')
  await second.close()

  // By keyboard: Escape in the view goes back to the roll, focused; the button brings the view back.
  await page.locator('#staff-view').focus()
  await page.keyboard.press('Escape')
  assert.equal(await toggle.getAttribute('aria-pressed'), 'false')
  assert.equal(await page.getByTestId('piano-roll').isVisible(), true)
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'piano-roll')
  await toggle.focus()
  await page.keyboard.press('Enter')
  await until(async () => (await toggle.getAttribute('aria-pressed')) === 'true' && page.locator('#staff-view').isVisible(), 'the view is back')
  await page.close()
})
