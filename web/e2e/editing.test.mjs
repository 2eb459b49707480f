// Editing by hand that the unit tests only cover as logic: copy and paste with the keyboard at the
// cursor, a loop region dragged on the ruler (and played inside it), the metronome switch, and dragging
// a note with the mouse in time and pitch. Results are checked on the server or in the studio's state.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { api, launchBrowser, openStudio, screenshot, signIn, startServer, until } from './harness.mjs'

let server, browser, page, token, project
before(async () => {
  server = await startServer()
  browser = await launchBrowser()
  page = await browser.context.newPage()
  token = await signIn(page, server.url, 'Gus')
  project = await api(server.url, token, 'POST', '/api/projects', { title: 'Handwork', template: 'four-part-chorale', key: 'C major' })
  await openStudio(page, server.url, project.id)
})
after(async () => {
  await browser?.close()
  await server?.dispose()
})

const serverTrack = async (id) => (await api(server.url, token, 'GET', `/api/projects/${project.id}`)).document.tracks.find((t) => t.id === id)

/** Where on the screen a tick and pitch of a lane are (y < 0: on the ruler). */
function rollPoint(trackIndex, tick, pitch) {
  return page.evaluate(([i, t, p]) => {
    const roll = window.ensembleStudio.roll
    const lane = roll.layout().lanes[i]
    const box = roll.canvas.getBoundingClientRect()
    return {
      x: box.left + 64 + t * roll.pxPerTick - roll.el.scrollLeft + 3,
      y: p === undefined ? box.top + 11 : box.top + lane.top + (lane.high - p) * roll.rowHeight - roll.el.scrollTop + roll.rowHeight / 2,
    }
  }, [trackIndex, tick, pitch])
}

async function drag(from, to) {
  await page.mouse.move(from.x, from.y)
  await page.mouse.down()
  await page.mouse.move(to.x, to.y, { steps: 8 })
  await page.mouse.up()
}

test('Ctrl+C and Ctrl+V copy the selected notes to the cursor', async () => {
  const before = (await serverTrack('soprano')).notes
  await page.locator('#track-0').check()
  await page.getByTestId('piano-roll').focus()
  await page.keyboard.press('.') // the first note
  await page.keyboard.press('>') // and the second
    await page.keyboard.press('Control+c')
  await page.locator('#live', { hasText: 'Copied 2 notes' }).waitFor()
  for (let i = 0; i < 8 * 4; i++) await page.keyboard.press('ArrowRight') // two bars of sixteenths later
    const caret = await page.evaluate(() => window.ensembleStudio.roll.caret.tick)
  assert.equal(caret, 480 + 3840)
    await page.keyboard.press('Control+v')
  const after = await until(async () => {
    const notes = (await serverTrack('soprano')).notes
    return notes.length === before.length + 2 ? notes : undefined
  }, 'the pasted notes reach the server')
    const [a, b] = ['soprano-0', 'soprano-1'].map((id) => before.find((n) => n.id === id))
  const pasted = after.filter((n) => !before.some((o) => o.id === n.id)).sort((x, y) => x.start - y.start)
  assert.deepEqual(pasted.map((n) => [n.start, n.pitch, n.duration, n.velocity]),
    [[caret, a.pitch, a.duration, a.velocity], [caret + b.start - a.start, b.pitch, b.duration, b.velocity]])
  await page.locator('#live', { hasText: 'Pasted 2 notes into Soprano' }).waitFor()
})

test('dragging on the ruler sets the loop; playing stays inside it', async () => {
  await drag(await rollPoint(0, 1920), await rollPoint(0, 5760)) // bars 2 and 3
  const state = () => page.evaluate(() => {
    const { roll, transport } = window.ensembleStudio
    return { roll: roll.loop, transport: transport.loop, checked: document.getElementById('loop').checked }
  })
  const s = await state()
  assert.deepEqual(s.roll, { start: 1920, end: 5760 })
  assert.deepEqual(s.transport, { start: 1920, end: 5760 })
  assert.equal(s.checked, true)
  await screenshot(page, 'studio-loop')

  await page.getByRole('button', { name: 'Play' }).click()
  await page.waitForFunction(() => window.ensembleStudio.transport.playing)
  // Positions sampled over half a second of playing all lie in the loop.
  const positions = await page.evaluate(() => new Promise((done) => {
    const seen = []
    const t0 = performance.now()
    const tick = () => {
      const p = window.ensembleStudio.transport.position()
      if (p !== undefined) seen.push(p)
      if (performance.now() - t0 < 500) requestAnimationFrame(tick)
      else done(seen)
    }
    tick()
  }))
  assert.ok(positions.length > 0)
  assert.ok(positions.every((p) => p >= 1920 && p < 5760), `positions outside the loop: ${positions}`)
  await page.getByRole('button', { name: 'Stop' }).click()
  await page.waitForFunction(() => !window.ensembleStudio.transport.playing)

  await page.locator('#loop').uncheck()
  assert.equal(await page.evaluate(() => window.ensembleStudio.transport.loop), undefined)
})

test('the metronome switch turns the click on and off', async () => {
  const on = () => page.evaluate(() => window.ensembleStudio.transport.metronome)
  assert.equal(await on(), false)
  await page.getByLabel('Metronome').check()
  assert.equal(await on(), true)
  await page.getByLabel('Metronome').uncheck()
  assert.equal(await on(), false)
})

test('dragging a note with the mouse moves it in time and pitch, one undo step', async () => {
  const note = (await serverTrack('alto')).notes.find((n) => n.id === 'alto-0')
  await page.evaluate(() => window.ensembleStudio.roll.select([]))
  await drag(await rollPoint(1, note.start, note.pitch), await rollPoint(1, note.start + 480, note.pitch + 2))
  const moved = await until(async () => {
    const n = (await serverTrack('alto')).notes.find((x) => x.id === 'alto-0')
    return n.start !== note.start ? n : undefined
  }, 'the dragged note reaches the server')
  assert.deepEqual(moved, { ...note, start: note.start + 480, pitch: note.pitch + 2 })

  await page.getByTestId('piano-roll').focus()
  await page.keyboard.press('Control+z')
  await until(async () => {
    const n = (await serverTrack('alto')).notes.find((x) => x.id === 'alto-0')
    return n.start === note.start && n.pitch === note.pitch
  }, 'one undo puts it back')
})
