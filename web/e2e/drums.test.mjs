// The drum lane (issue 16): a drum track shows the General MIDI kit pieces by name on channel 10
// instead of pitched rows; the cursor walks the pieces with the arrow keys and speaks their names, a
// note written on the Kick row or clicked on the Closed hi-hat row is that key on the server, and it
// is heard on the channel-10 kit.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { clickRoll, launchBrowser, openNewProject, screenshot, serverNotes, startServer, until } from './harness.mjs'

let server, browser
before(async () => {
  server = await startServer()
  browser = await launchBrowser()
})
after(async () => {
  await browser?.close()
  await server?.dispose()
})

test('a drum track shows named kit pieces; notes written on them are the kit\'s keys, heard on channel 10', async () => {
  const { session: dana, project, page } = await openNewProject(browser, server.url, 'Dana', { title: 'Groove', template: 'four-part-chorale' })

  await page.getByLabel('Role of the new track').selectOption('drums')
  await page.getByRole('button', { name: 'Add track' }).click()
  await until(() => page.evaluate(() => window.ensembleStudio.model.read().tracks.length === 5), 'the drum track is added')
  assert.equal(await page.locator('#track-instrument-4').textContent(), 'Drum kit', 'no instrument to pick: the kit')

  // The lane's rows are kit pieces, cymbals on top and the kick at the bottom, not a chromatic range.
  const rows = await page.evaluate(() => window.ensembleStudio.roll.layout().lanes[4].rows)
  assert.deepEqual(rows.slice(0, 1), [49], 'crash on top')
  assert.deepEqual(rows.slice(-2), [36, 35], 'the kicks at the bottom')
  for (const piece of [38, 42, 46, 51, 45, 48]) assert.ok(rows.includes(piece), `row for key ${piece}`)
  assert.ok(!rows.includes(61) && !rows.includes(40 + 100), 'no pitched rows')

  // Keyboard: the cursor starts on the snare, Down walks to the kick, the cursor speaks kit names.
  await page.locator('.roll').focus()
  await until(async () => /^Cursor: Snare/.test(await page.locator('#inspector').textContent()), 'the cursor is on the snare')
  await page.keyboard.press('ArrowDown')
  assert.match(await page.locator('#inspector').textContent(), /^Cursor: Kick,/)
  await page.keyboard.press('Enter')
  await until(async () => /Added Kick, bar 1 beat 1/.test(await page.locator('#live').textContent()), 'the live region names the kick')

  // Mouse: a click on the closed hi-hat row on beat 2.
  await clickRoll(page, 4, 480, 42)
  await until(async () => {
    const notes = Object.values(await serverNotes(server.url, dana.token, project.id)).at(-1)
    return notes?.length === 2 && notes.some((n) => n.pitch === 36 && n.start === 0) && notes.some((n) => n.pitch === 42 && n.start === 480)
  }, 'the server holds a kick on beat 1 and a closed hi-hat on beat 2 in the drum track').catch(async (e) => {
    await screenshot(page, 'studio-drums-failed')
    throw new Error(`${e.message}: ${JSON.stringify(Object.values(await serverNotes(server.url, dana.token, project.id)).at(-1))}`)
  })
  assert.match(await page.locator('#inspector').textContent(), /^Closed hi-hat, bar 1 beat 2/)

  // Heard on the General MIDI kit, channel 10.
  await until(() => page.evaluate(() => (window.ensembleStudio.transport.instruments?.sounded ?? [])
    .some((n) => n.channel === 9 && n.pitch === 42)), 'the hi-hat sounds on channel 10', 30_000)
  await page.evaluate(() => { const r = window.ensembleStudio.roll; r.el.scrollTop = r.layout().lanes[4].top - 40 })
  await page.waitForTimeout(100)
  await screenshot(page, 'studio-drums')
  await page.close()
})
