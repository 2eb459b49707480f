// Tracks through the page: rename inline, move the selected note to another track with the keyboard
// and with the menu, delete a track (after a confirm) and bring it back with the user's own undo; every
// step checked on the server's copy.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { api, launchBrowser, openStudio, openTrackMenu, screenshot, signIn, startServer, until } from './harness.mjs'

let server, browser
before(async () => {
  server = await startServer()
  browser = await launchBrowser()
})
after(async () => {
  await browser?.close()
  await server?.dispose()
})

const serverTracks = async (token, id) => (await api(server.url, token, 'GET', `/api/projects/${id}`)).document.tracks

test('rename, move notes between tracks, delete and undo', async () => {
  const page = await browser.context.newPage()
  const token = await signIn(page, server.url, 'Fay')
  const project = await api(server.url, token, 'POST', '/api/projects', { title: 'Lanes', template: 'four-part-chorale', key: 'F major' })
  await openStudio(page, server.url, project.id)

  await openTrackMenu(page, 'Alto')
  await page.getByLabel('Name of track Alto').fill('Second voice')
  await page.getByLabel('Name of track Alto').press('Enter')
  await until(async () => (await serverTracks(token, project.id))[1].name === 'Second voice', 'the new name reaches the server')
  await (await openTrackMenu(page, 'Second voice')).getByLabel('Name of track Second voice').waitFor()
  await page.locator('#live', { hasText: 'Track Alto renamed to Second voice' }).waitFor()

  // The first soprano note, selected with the keyboard, goes one track down with Alt+Page Down.
  const first = (await serverTracks(token, project.id))[0].notes.find((n) => n.id === 'soprano-0')
  const credit = (id) => api(server.url, token, 'GET', `/api/projects/${project.id}/attribution/notes/${id}`)
  const createdBy = (await credit('soprano-0')).createdBy
  await page.locator('#track-0').check()
  await page.getByTestId('piano-roll').focus()
  await page.keyboard.press('.')
  await page.keyboard.press('Alt+PageDown')
  const moved = await until(async () => {
    const t = await serverTracks(token, project.id)
    return t[0].notes.length === 3 && t[1].notes.length === 5 ? t[1].notes.find((n) => n.start === first.start && n.pitch === first.pitch) : undefined
  }, 'the note is in the second track on the server')
  assert.deepEqual(moved, first) // same id, pitch, start, duration, velocity
  // The ledger links the moved copy to the note's history: same creator, now in the second track.
  const after = await until(async () => {
    const c = await credit('soprano-0')
    return c.trackId === 'alto' ? c : undefined
  }, 'the ledger sees the note in its new track')
  assert.equal(after.state, 'present')
  assert.deepEqual(after.createdBy, createdBy)
  await page.locator('#live', { hasText: 'Moved 1 note to Second voice' }).waitFor()

  // The same note, still selected, goes to the tenor with the menu.
  await page.locator('#move-notes-target').selectOption({ label: 'Tenor' })
  await page.locator('#move-notes').click()
  await until(async () => {
    const t = await serverTracks(token, project.id)
    return t[1].notes.length === 4 && t[2].notes.length === 5 && t[2].notes.some((n) => n.start === first.start && n.pitch === first.pitch)
  }, 'the note is in the tenor on the server')

  // Delete the bass (confirmed), then undo: it comes back with its notes.
  const dialogs = []
  page.once('dialog', (d) => { dialogs.push(d.message()); void d.accept() })
  await (await openTrackMenu(page, 'Bass')).getByRole('button', { name: 'Delete track Bass' }).click()
  await until(async () => (await serverTracks(token, project.id)).map((t) => t.id).join() === 'soprano,alto,tenor', 'the bass is deleted')
  assert.match(dialogs[0], /Delete the track "Bass" and its 4 notes/)
  await page.locator('#live', { hasText: 'Deleted the track Bass and its 4 notes' }).waitFor()
  await page.waitForFunction(() => document.querySelectorAll('.track-list .track').length === 3)
  await screenshot(page, 'studio-tracks')
  await page.getByTestId('piano-roll').focus()
  await page.keyboard.press('Control+z')
  const back = await until(async () => {
    const t = await serverTracks(token, project.id)
    return t.length === 4 ? t : undefined
  }, 'undo brings the bass back')
  assert.equal(back[3].id, 'bass')
  assert.equal(back[3].notes.length, 4)
  await page.waitForFunction(() => document.querySelectorAll('.track-list .track').length === 4)
})

test('one lane zoomed vertically: taller rows there only, and clicks still land on the right pitch', async () => {
  const page = await browser.context.newPage()
  await page.goto(`${server.url}/#/`) // signed in as Fay by the test above (same browser profile)
  const token = await page.evaluate(() => JSON.parse(localStorage.getItem('ensemble.session')).token)
  const project = await api(server.url, token, 'POST', '/api/projects', { title: 'Tall rows', template: 'four-part-chorale', key: 'C major' })
  await openStudio(page, server.url, project.id)
  const rows = () => page.evaluate(() => window.ensembleStudio.roll.layout().lanes.map((l) => l.rowHeight))
  assert.deepEqual(await rows(), [8, 8, 8, 8])
  await (await openTrackMenu(page, 'Alto')).getByLabel('Row height of Alto').selectOption({ label: 'huge' })
  assert.deepEqual(await rows(), [8, 24, 8, 8])
  await page.locator('#track-2').check()
  await page.getByTestId('piano-roll').focus()
  await page.keyboard.press('Alt+=')
  assert.deepEqual(await rows(), [8, 24, 12, 8])
  await page.waitForFunction(() => document.getElementById('track-rows-2')?.value === '12')

  // A click in the zoomed alto lane at E4 writes an E4 there.
  const at = await page.evaluate(() => {
    const roll = window.ensembleStudio.roll
    const lane = roll.layout().lanes[1]
    roll.el.scrollTop = lane.top - 22
    const box = roll.canvas.getBoundingClientRect()
    return { x: box.left + 64 + 3840 * roll.pxPerTick - roll.el.scrollLeft + 3,
      y: box.top + lane.top + (lane.high - 64) * lane.rowHeight - roll.el.scrollTop + lane.rowHeight / 2 }
  })
  await page.mouse.click(at.x, at.y)
  const added = await until(async () => {
    const alto = (await api(server.url, token, 'GET', `/api/projects/${project.id}`)).document.tracks[1]
    return alto.notes.find((n) => n.start === 3840)
  }, 'the clicked note reaches the server')
  assert.equal(added.pitch, 64)
  await screenshot(page, 'studio-lane-zoom')
})
