// The studio reads as a music tool at 1400×900: one compact row per track (name, instrument, volume,
// M and S, a menu to rename, move, pan and delete), a labelled zoom with its level, the AI panel's
// Generate on screen without scrolling, and people named as they go by. Checked through the page as a
// person uses it, every change on the server's copy.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { api, openNewProject, openStudio, projectsPageAs, openTrackMenu, screenshot, serverAndBrowser, until } from './harness.mjs'

const env = serverAndBrowser()

const tracksOf = async (token, id) => (await api(env.server.url, token, 'GET', `/api/projects/${id}`)).document.tracks

test('compact track rows with a menu, a labelled zoom, the AI controls above the fold', async () => {
  const { session, project, page } = await openNewProject(env.browser, env.server.url, 'Ada Lovelace',
    { title: 'Compact', template: 'four-part-chorale', key: 'G major' })
  const token = session.token

  // One row per track, each no taller than two lines of small controls, all four above the roll's fold.
  const rows = await page.locator('.track-list .track').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height))
  assert.equal(rows.length, 4)
  for (const h of rows) assert.ok(h <= 56, `a track row is ${h} px tall`)
  for (const name of ['Soprano', 'Alto', 'Tenor', 'Bass']) {
    await page.getByLabel(`Instrument of ${name}`).waitFor({ state: 'visible' })
    await page.getByLabel(`Volume of ${name}`).waitFor({ state: 'visible' })
    await page.getByLabel(`M ${name}`, { exact: true }).waitFor({ state: 'visible' })
  }
  // The toolbar is one line: Undo is beside Play, not wrapped under it.
  const [play, undo] = await Promise.all(['#play', '#undo'].map((s) => page.locator(s).boundingBox()))
  assert.ok(Math.abs(play.y - undo.y) < 4, `Play at y ${play.y}, Undo at y ${undo.y}`)

  // The AI panel's controls, Generate included, are on screen without scrolling.
  for (const sel of ['#ai-mode', '#ai-first-bar', '#ai-voice-alto', '#ai-count', '#ai-generate']) {
    const box = await page.locator(sel).boundingBox()
    assert.ok(box && box.y + box.height <= 900, `${sel} ends at y ${box && box.y + box.height}, below the fold`)
  }
  await screenshot(page, 'studio-look')

  // Zoom is named and says its level; the buttons change it, and so does the keyboard.
  const zoom = page.getByRole('group', { name: 'Zoom' })
  assert.equal(await zoom.locator('output').textContent(), '100 %')
  await zoom.getByRole('button', { name: 'Zoom in' }).click()
  assert.equal(await zoom.locator('output').textContent(), '125 %')
  await zoom.getByRole('button', { name: 'Zoom out' }).click()
  await zoom.getByRole('button', { name: 'Zoom out' }).click()
  assert.equal(await zoom.locator('output').textContent(), '80 %')

  // M and S are buttons-sized checkboxes: a click anywhere on one toggles it, for everyone.
  await page.locator('label.ms.mute').nth(1).click()
  await until(async () => (await tracksOf(token, project.id))[1].mute === true, 'the alto is muted on the server')
  assert.equal(await page.getByLabel('M Alto', { exact: true }).isChecked(), true)

  // The menu, from the keyboard: open it, rename, move the track down, and close with Escape.
  await page.getByLabel('Menu of track Alto', { exact: true }).focus()
  await page.keyboard.press('Enter')
  const menu = page.getByRole('group', { name: 'Track Alto' })
  await menu.waitFor()
  await screenshot(page, 'studio-track-menu')
  await menu.getByLabel('Name of track Alto').fill('Second voice')
  await menu.getByLabel('Name of track Alto').press('Enter')
  await until(async () => (await tracksOf(token, project.id))[1].name === 'Second voice', 'the new name on the server')
  const moved = await openTrackMenu(page, 'Second voice')
  await moved.getByRole('button', { name: 'Move track Second voice down' }).click()
  await until(async () => (await tracksOf(token, project.id)).map((t) => t.id).join() === 'soprano,tenor,alto,bass',
    'the alto below the tenor on the server')
  const alto = (await tracksOf(token, project.id))[2]
  assert.equal(alto.notes.length, 4, 'the moved track keeps its notes')
  assert.equal(alto.mute, true, 'and its settings')
  await page.locator('#live', { hasText: 'Moved the track Second voice down' }).waitFor()
  await page.waitForFunction(() => document.querySelector('label[for=track-2]')?.textContent.startsWith('Second voice'))
  // Moving is one undo step of the mover's.
  await page.getByTestId('piano-roll').focus()
  await page.keyboard.press('Control+z')
  await until(async () => (await tracksOf(token, project.id)).map((t) => t.id).join() === 'soprano,alto,tenor,bass', 'undo moves it back')

  // The first track cannot move up; a viewer's menu has only the row height.
  const first = await openTrackMenu(page, 'Soprano')
  assert.equal(await first.getByRole('button', { name: 'Move track Soprano up' }).isDisabled(), true)
  await page.keyboard.press('Escape')
  assert.equal(await first.isVisible(), false, 'Escape closes the menu')
  await page.close()
})

test('a viewer sees the same compact rows, with nothing to change but the lane\'s rows', async () => {
  const { session, project } = await openNewProject(env.browser, env.server.url, 'Grace', { title: 'Look only', template: 'four-part-chorale' })
  const viewer = await api(env.server.url, undefined, 'POST', '/api/dev/token', { name: 'Viewer Vic' })
  await api(env.server.url, session.token, 'PUT', `/api/projects/${project.id}/members/${viewer.user.id}`, { role: 'viewer', name: 'Viewer Vic' })
  const page = await projectsPageAs(env.browser, env.server.url, viewer)
  await openStudio(page, env.server.url, project.id)
  assert.equal(await page.getByLabel('M Soprano', { exact: true }).isDisabled(), true)
  const menu = await openTrackMenu(page, 'Soprano')
  assert.equal(await menu.getByLabel('Row height of Soprano').isVisible(), true)
  assert.equal(await menu.getByRole('button').count(), 0, 'no rename, move or delete for a viewer')
  await page.close()
})
