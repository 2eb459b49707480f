// The piano keyboard beside the lanes, collaborators' cursors with name tags, and the lowest lane at
// 1400×900 (issue 16): a click on a gutter key sounds that pitch on the track's instrument and writes
// nothing; a person's keyboard cursor shows on the other's screen as a frame in their colour with
// their name; the last lane can be scrolled fully into view inside the window.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { api, launchBrowser, openStudio, screenshot, serverNotes, startServer, until } from './harness.mjs'

let server, browser, other
before(async () => {
  server = await startServer()
  browser = await launchBrowser()
  other = await launchBrowser()
})
after(async () => {
  await browser?.close()
  await other?.close()
  await server?.dispose()
})

async function openAs(context, who, projectId) {
  const page = await context.newPage()
  await page.goto(`${server.url}/#/`)
  await page.evaluate((s) => localStorage.setItem('ensemble.session', JSON.stringify(s)), who)
  await openStudio(page, server.url, projectId)
  return page
}

test('gutter keys sound, cursors carry name tags, the lowest lane fits', async () => {
  const ana = await api(server.url, undefined, 'POST', '/api/dev/token', { name: 'Ana' })
  const ben = await api(server.url, undefined, 'POST', '/api/dev/token', { name: 'Ben' })
  const project = await api(server.url, ana.token, 'POST', '/api/projects', { title: 'Keys', template: 'four-part-chorale' })
  await api(server.url, ana.token, 'PUT', `/api/projects/${project.id}/members/${ben.user.id}`, { role: 'editor', name: 'Ben' })
  const a = await openAs(browser.context, ana, project.id)
  const b = await openAs(other.context, ben, project.id)
  const before = JSON.stringify(await serverNotes(server.url, ana.token, project.id))

  // A click on the soprano lane's C5 key sounds it (on the track's choir) and writes nothing.
  const key = await a.evaluate(() => {
    const roll = window.ensembleStudio.roll
    const lane = roll.layout().lanes[0]
    const box = roll.canvas.getBoundingClientRect()
    return { x: box.left + 56, y: box.top + lane.top + (lane.high - 72) * roll.rowHeight - roll.el.scrollTop + roll.rowHeight / 2 }
  })
  await a.mouse.click(key.x, key.y)
  await until(() => a.evaluate(() => (window.ensembleStudio.transport.instruments?.sounded ?? [])
    .some((n) => n.channel === 0 && n.pitch === 72 && /choir|aah/i.test(n.preset))), 'the C5 key is heard on the soprano\'s choir', 30_000)
  assert.match(await a.locator('#inspector').textContent(), /^Cursor: C5, bar 1 beat 1/)
  assert.equal(JSON.stringify(await serverNotes(server.url, ana.token, project.id)), before, 'a key click writes no note')

  // Ana moves her cursor; Ben sees it with her name, in her colour.
  await a.locator('.roll').focus()
  for (let i = 0; i < 8; i++) await a.keyboard.press('ArrowRight')
  const tick = await a.evaluate(() => window.ensembleStudio.roll.caret.tick)
  assert.equal(tick, 960)
  const seen = await until(() => b.evaluate((t) => {
    const o = window.ensembleStudio.roll.others.find((x) => x.name === 'Ana')
    return o?.cursor?.tick === t && o.cursor.pitch === 72 ? o : undefined
  }, tick), 'Ben sees Ana\'s cursor at bar 1 beat 3, C5')
  await b.waitForTimeout(100) // a frame to draw it
  const tag = await b.evaluate(({ t, color }) => {
    const roll = window.ensembleStudio.roll
    const lane = roll.layout().lanes[0]
    const x = 64 + t * roll.pxPerTick - roll.el.scrollLeft
    const y = Math.max(22, lane.top + (lane.high - 72) * roll.rowHeight - roll.el.scrollTop - 14)
    const dpr = window.devicePixelRatio || 1
    const px = roll.canvas.getContext('2d').getImageData(Math.round((x + 2) * dpr), Math.round((y + 1) * dpr), 1, 1).data
    const probe = document.createElement('canvas').getContext('2d')
    probe.fillStyle = color
    probe.fillRect(0, 0, 1, 1)
    const want = probe.getImageData(0, 0, 1, 1).data
    return { got: [...px].slice(0, 3), want: [...want].slice(0, 3) }
  }, { t: tick, color: seen.color })
  assert.deepEqual(tag.got, tag.want, 'the name tag is drawn in Ana\'s colour')
  await screenshot(b, 'studio-cursor-tags')

  // The lowest lane: scrolled to the end, its last row is inside the roll and the roll inside the window.
  const fit = await a.evaluate(() => {
    const roll = window.ensembleStudio.roll
    roll.el.scrollTop = 1e6
    const lanes = roll.layout().lanes
    const last = lanes[lanes.length - 1]
    const box = roll.el.getBoundingClientRect()
    return { lastBottom: last.top + last.height - roll.el.scrollTop, visible: roll.el.clientHeight, rollBottom: box.bottom, window: innerHeight }
  })
  assert.ok(fit.lastBottom <= fit.visible, `the last lane ends inside the roll: ${JSON.stringify(fit)}`)
  assert.ok(fit.rollBottom <= fit.window, `the roll ends inside the window: ${JSON.stringify(fit)}`)
  await a.waitForTimeout(100)
  await screenshot(a, 'studio-lowest-lane')
})
