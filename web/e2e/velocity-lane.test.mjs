// The velocity lane (issue 16): under the roll, one bar per note of the track being written, as tall
// as its velocity; dragging a bar sets that note's velocity on the server in one undo step, and the
// bar follows. Read from the lane's own pixels, as a person sees it.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { launchBrowser, openNewProject, screenshot, serverNotes, startServer, until } from './harness.mjs'

let server, browser
before(async () => {
  server = await startServer()
  browser = await launchBrowser()
})
after(async () => {
  await browser?.close()
  await server?.dispose()
})

/** The lane's geometry and the height in pixels of the bar at the first soprano note. */
const bar = (page) => page.evaluate(() => {
  const { roll, model } = window.ensembleStudio
  const lane = document.querySelector('[data-testid=velocity-lane]')
  const box = lane.getBoundingClientRect()
  const note = model.read().tracks[0].notes.slice().sort((a, b) => a.start - b.start)[0]
  const x = 64 + note.start * roll.pxPerTick - roll.el.scrollLeft + 1
  const dpr = window.devicePixelRatio || 1
  const ctx = lane.getContext('2d')
  let top = -1
  for (let y = 2; y < box.height; y++) {
    const [r, g, b] = ctx.getImageData(Math.round(x * dpr), Math.round(y * dpr), 1, 1).data
    if (r + g + b < 600) { top = y; break }
  }
  return { id: note.id, velocity: note.velocity, height: top < 0 ? 0 : box.height - 4 - top,
    x: box.left + x, top: box.top, bottom: box.bottom }
})

test('dragging a note\'s bar in the velocity lane sets its velocity, one undo step', async () => {
  const { session: vic, project, page } = await openNewProject(browser, server.url, 'Vic', { title: 'Dynamics', template: 'four-part-chorale' })
  await page.waitForTimeout(100)

  const before = await bar(page)
  assert.ok(Math.abs(before.height - before.velocity / 127 * 48) <= 2, `the bar is as tall as velocity ${before.velocity}: ${before.height} px`)

  await page.mouse.move(before.x, before.bottom - 8)
  await page.mouse.down()
  await page.mouse.move(before.x, before.top + 20, { steps: 4 })
  await page.mouse.move(before.x, before.top + 6, { steps: 2 })
  await page.mouse.up()
  const louder = await until(async () => {
    const n = Object.values(await serverNotes(server.url, vic.token, project.id)).flat().find((x) => x.id === before.id)
    return n.velocity !== before.velocity ? n.velocity : undefined
  }, 'the new velocity reached the server')
  assert.equal(louder, 122, 'dragged to 6 px from the top: velocity 122')
  await page.waitForTimeout(100)
  const after = await bar(page)
  assert.ok(Math.abs(after.height - 122 / 127 * 48) <= 2, `the bar follows: ${after.height} px`)
  assert.match(await page.locator('#inspector').textContent(), /velocity 122, Soprano/)
  await screenshot(page, 'studio-velocity-lane')

  // One undo step puts it back.
  await page.locator('.roll').focus()
  await page.keyboard.press('Control+z')
  await until(async () => Object.values(await serverNotes(server.url, vic.token, project.id)).flat()
    .find((x) => x.id === before.id).velocity === before.velocity, 'undo restores the velocity')
})
