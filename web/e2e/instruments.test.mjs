// Sampled instruments (issue 16): nothing of the synthesizer loads with the page; the first note
// placed fetches the worklet and the server's SoundFont, and that note is heard at once on the track's
// General MIDI instrument (the synthesizer reports the preset it played, and the master meter sees the
// level); an instrument picked for a track reaches the server and the other collaborator, and playback
// plays each track on its own instrument. A server without a SoundFont says so, and the studio still
// sounds with its synthesized voices.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { api, clickRoll, launchBrowser, openStudio, screenshot, startServer, until } from './harness.mjs'

let server, browser
before(async () => {
  server = await startServer()
  browser = await launchBrowser()
})
after(async () => {
  await browser?.close()
  await server?.dispose()
})

/** Opens the studio signed in as `who` (a dev token's session). */
async function openAs(page, url, who, projectId) {
  await page.goto(`${url}/#/`)
  await page.evaluate((s) => localStorage.setItem('ensemble.session', JSON.stringify(s)), who)
  await openStudio(page, url, projectId)
}

const heard = (page) => page.evaluate(() => window.ensembleStudio.transport.instruments?.sounded ?? [])
const peak = async (page) => Number(await page.locator('#master-level').getAttribute('data-peak-max'))

test('instruments load on the first sound; a placed note and playback sound on each track\'s instrument', async () => {
  const sol = await api(server.url, undefined, 'POST', '/api/dev/token', { name: 'Sol' })
  const token = sol.token
  const project = await api(server.url, token, 'POST', '/api/projects', { title: 'Strings', template: 'four-part-chorale' })
  const tomas = await api(server.url, undefined, 'POST', '/api/dev/token', { name: 'Tomas' })
  await api(server.url, token, 'PUT', `/api/projects/${project.id}/members/${tomas.user.id}`, { role: 'editor', name: 'Tomas' })

  const page = await browser.context.newPage()
  const requested = []
  page.on('request', (r) => requested.push(new URL(r.url()).pathname))
  await openAs(page, server.url, sol, project.id)
  assert.ok(!requested.some((p) => p.endsWith('.sf2') || p.includes('worklet')), `nothing of the synthesizer loads with the page: ${requested}`)

  // The picker shows the track's instrument by name, grouped by family; Soprano becomes a violin.
  const picker = page.getByLabel('Instrument of Soprano')
  assert.equal(await picker.locator('option:checked').textContent(), 'Choir Aahs')
  assert.equal(await picker.locator('optgroup').count(), 16)
  await picker.selectOption({ label: 'Violin' })
  await until(async () => (await api(server.url, token, 'GET', `/api/projects/${project.id}`))
    .document.tracks.find((t) => t.name === 'Soprano')?.instrument === 40, 'Soprano plays program 40 (Violin) on the server')

  // The other collaborator sees the change live.
  const other = await launchBrowser()
  try {
    const page2 = await other.context.newPage()
    await openAs(page2, server.url, tomas, project.id)
    assert.equal(await page2.getByLabel('Instrument of Soprano').locator('option:checked').textContent(), 'Violin')
  } finally {
    await other.close()
  }

  // A note placed by a click is heard on the violin: the SoundFont arrives (on demand) and the
  // synthesizer reports a violin preset starting that pitch; the master meter saw sound.
  await page.locator('#instruments-state[data-engine=sampled]').waitFor({ timeout: 30_000 })
  assert.ok(requested.includes('/sounds/general-midi.sf2'), 'the SoundFont was fetched once the first sound was asked for')
  const before = (await heard(page)).length
  await clickRoll(page, 0, 480 * 16 + 240, 79)
  await until(async () => (await heard(page)).slice(before).some((n) => n.pitch === 79 && /violin/i.test(n.preset)),
    'the placed G5 is heard on a violin preset', 15_000)
  await until(async () => (await peak(page)) > 0.01, 'the master meter saw the placed note')
  assert.match(await page.locator('#instruments-state').textContent(), /Sampled instruments \([\d.]+ MB\)/)
  // Saying so does not push the toolbar onto a second line (it did, at 1400 px, once sounds had loaded).
  const [play, undo] = await Promise.all(['#play', '#undo'].map((s) => page.locator(s).boundingBox()))
  assert.ok(Math.abs(play.y - undo.y) < 4, `Play at y ${play.y}, Undo at y ${undo.y}`)

  // A note moved with the keyboard sounds where it lands.
  const moved = (await heard(page)).length
  await page.locator('.roll').focus()
  await page.keyboard.press('Alt+ArrowUp')
  await until(async () => (await heard(page)).slice(moved).some((n) => n.pitch === 80), 'the moved note is heard a semitone up')

  // Playback: every track on its own channel and instrument (Alto keeps Choir Aahs, Soprano the violin).
  const played = (await heard(page)).length
  await page.getByRole('button', { name: 'Return to start' }).click()
  await page.getByRole('button', { name: 'Play' }).click()
  await until(async () => {
    const now = (await heard(page)).slice(played)
    return now.some((n) => n.channel === 0 && /violin/i.test(n.preset)) && now.some((n) => n.channel === 1 && /choir|aah/i.test(n.preset))
  }, 'playback sounds the soprano on a violin and the alto on the choir', 15_000).catch(async (e) => {
    throw new Error(`${e.message}: heard ${JSON.stringify((await heard(page)).slice(played))}`)
  })
  await screenshot(page, 'studio-instruments')
  await page.getByRole('button', { name: 'Stop' }).click()
  // Stopped means silent: nothing already scheduled sounds after the stop.
  await page.waitForTimeout(300)
  const afterStop = (await heard(page)).length
  await page.waitForTimeout(600)
  assert.equal((await heard(page)).length, afterStop, 'no note starts after Stop')
  await page.close()
})

test('without a SoundFont on the server the studio says so and plays its synthesized voices', async () => {
  const bare = await startServer({ env: { ENSEMBLE_SOUND_FONT: '/nonexistent/none.sf2' } })
  try {
    const res = await fetch(`${bare.url}/sounds/general-midi.sf2`)
    assert.equal(res.status, 503)
    assert.match((await res.json()).error, /no General MIDI SoundFont at \/nonexistent\/none\.sf2: install Debian's timgm6mb-soundfont/)
    const sol = await api(bare.url, undefined, 'POST', '/api/dev/token', { name: 'Sol' })
    const project = await api(bare.url, sol.token, 'POST', '/api/projects', { title: 'Quiet', template: 'four-part-chorale' })
    const page = await browser.context.newPage()
    await openAs(page, bare.url, sol, project.id)
    await clickRoll(page, 0, 480 * 16 + 240, 79)
    await page.locator('#instruments-state', { hasText: 'Synthesized sound: no General MIDI SoundFont' }).waitFor()
    await until(async () => (await peak(page)) > 0.01, 'the synthesized voice still sounds')
    await page.close()
  } finally {
    await bare.dispose()
  }
})
