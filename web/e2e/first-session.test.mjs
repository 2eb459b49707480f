// What a musician's first session tripped over (issue 16): the key chosen for an empty project, a
// non-member's project link, the session token in the console, and the grid's silent refusals.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { api, clickRoll, launchBrowser, openStudio, openTrackMenu, screenshot, serverNotes, signIn, startServer, until } from './harness.mjs'

let server, browser
before(async () => {
  server = await startServer()
  browser = await launchBrowser()
})
after(async () => {
  await browser?.close()
  await server?.dispose()
})

for (const [tonic, mode] of [['E', 'minor'], ['G', 'major']]) {
  test(`an empty project created in ${tonic} ${mode} opens in ${tonic} ${mode}`, async () => {
    const page = await browser.context.newPage()
    await page.goto(`${server.url}/#/`)
    const projects = page.getByRole('heading', { name: 'Your projects' })
    await projects.or(page.getByLabel('Your name')).waitFor()
    if (!await projects.isVisible()) await signIn(page, server.url, 'Erin')
    await page.getByLabel('Title').fill(`Sketch in ${tonic}`)
    await page.getByLabel('Start from').selectOption('empty')
    await page.getByLabel('Key').selectOption(`${tonic} ${mode}`)
    await page.getByRole('button', { name: 'Create' }).click()
    await page.locator('[data-testid=connection][data-synced=true]').waitFor({ timeout: 15_000 })
    assert.equal(await page.locator('#key-tonic').inputValue(), tonic)
    assert.equal(await page.locator('#key-mode').inputValue(), mode)
    if (tonic === 'E') await screenshot(page, 'empty-project-e-minor')
    await page.close()
  })
}

test('a non-member opening a project link is told they are not a member and whom to ask', async () => {
  const ownerToken = (await api(server.url, undefined, 'POST', '/api/dev/token', { name: 'Olivia' })).token
  const project = await api(server.url, ownerToken, 'POST', '/api/projects', { title: 'Band demo', template: 'four-part-chorale' })
  const other = await launchBrowser()
  try {
    const page = await other.context.newPage()
    await signIn(page, server.url, 'Nina')
    await page.goto(`${server.url}/#/p/${project.id}`)
    const alert = page.getByRole('alert').filter({ hasText: 'not a member' })
    await alert.waitFor()
    assert.equal(await alert.textContent(), 'you are not a member of "Band demo"; ask its owner, Olivia, to add you')
    await screenshot(page, 'not-a-member')
  } finally {
    await other.close()
  }
})

test('no session token in the browser console, for a viewer or an editor', async () => {
  const ownerToken = (await api(server.url, undefined, 'POST', '/api/dev/token', { name: 'Olivia' })).token
  const project = await api(server.url, ownerToken, 'POST', '/api/projects', { title: 'Quiet (take 1)', template: 'four-part-chorale' })
  await api(server.url, ownerToken, 'PUT', `/api/projects/${project.id}/members/victor`, { role: 'viewer', name: 'Victor' })
  const other = await launchBrowser()
  try {
    const page = await other.context.newPage()
    const lines = []
    page.on('console', (m) => lines.push(m.text() + ' ' + (m.location()?.url ?? '')))
    page.on('pageerror', (e) => lines.push(String(e)))
    page.on('requestfailed', (r) => lines.push(`failed ${r.url()}`))
    const token = await signIn(page, server.url, 'Victor')
    await openStudio(page, server.url, project.id)
    await page.getByText('View only').waitFor()
    // What a viewer does: click the grid, press keys, play, open the attribution, export.
    await page.getByTestId('piano-roll').focus()
    await page.keyboard.press('Enter')
    await page.keyboard.press('.')
    await page.getByRole('radio', { name: 'Author' }).check()
    // The owner changes the viewer's role and the viewer's connection is closed and reopened.
    await api(server.url, ownerToken, 'PUT', `/api/projects/${project.id}/members/victor`, { role: 'editor', name: 'Victor' })
    await page.waitForFunction(() => !document.querySelector('#tempo').disabled, null, { timeout: 15_000 })
    // The server goes away and comes back: the reconnect attempts fail meanwhile.
    await server.stop()
    await page.locator('[data-testid=connection][data-state=offline]').waitFor({ timeout: 15_000 })
    await page.waitForTimeout(2500) // (a few reconnect attempts: what the console shows while they fail)
    server = await server.restart()
    await page.locator('[data-testid=connection][data-synced=true]').waitFor({ timeout: 30_000 })
    // The MIDI export is named after the title and its request carries no token in its URL.
    const requests = []
    page.on('request', (r) => requests.push(r.url()))
    await page.locator('.export-menu summary').click()
    const [file] = await Promise.all([page.waitForEvent('download'), page.locator('#export-midi').click()])
    assert.equal(file.suggestedFilename(), 'Quiet (take 1).mid')
    assert.ok(requests.some((u) => u.endsWith(`/api/projects/${project.id}/export.mid`)), 'the export was fetched')
    assert.ok(!requests.some((u) => u.includes(token) || u.includes(encodeURIComponent(token))), 'no request URL holds the token')
    console.log(`console lines seen: ${lines.length}`)
    const leaks = lines.filter((l) => l.includes(token) || l.includes(encodeURIComponent(token)))
    assert.equal(leaks.length, 0, `console lines with the token: ${leaks.map((l) => l.replaceAll(token, '<token>')).join('\n')}`)
    assert.ok(!server.log().includes(token), 'the server log does not hold the token')
  } finally {
    await other.close()
  }
})

/** Opens the projects page signed in as `name` (the browser may be signed in already) and returns the token. */
async function signedIn(page, name) {
  await page.goto(`${server.url}/#/`)
  const projects = page.getByRole('heading', { name: 'Your projects' })
  await projects.or(page.getByLabel('Your name')).waitFor()
  if (!await projects.isVisible()) await signIn(page, server.url, name)
  return page.evaluate(() => JSON.parse(localStorage.getItem('ensemble.session')).token)
}

test('the grid says what it does: every click writes, duplicates and bad tempi are refused on screen, deletions show with Undo', async () => {
  const page = await browser.context.newPage()
  const token = await signedIn(page, 'Erin')
  const project = await api(server.url, token, 'POST', '/api/projects', { title: 'Clicks', template: 'four-part-chorale' })
  await openStudio(page, server.url, project.id)
  const count = async () => (await serverNotes(server.url, token, project.id)).soprano.length

  // Two clicks on empty grid in a row: two notes (the second used to only clear the selection).
  await clickRoll(page, 0, 3840, 74)
  await until(async () => await count() === 5, 'first click wrote a note')
  await clickRoll(page, 0, 4320, 76)
  await until(async () => await count() === 6, 'second click wrote a note too')

  // Enter on a place where that pitch already sounds: refused, said on screen, nothing written.
  await page.keyboard.press('Escape')
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowLeft')
  assert.deepEqual(await page.evaluate(() => [window.ensembleStudio.roll.caret.tick, window.ensembleStudio.roll.caret.pitch]), [4320, 76])
  await page.keyboard.press('Enter')
  await page.getByTestId('notice').filter({ hasText: 'There is already a note there' }).waitFor()
  await screenshot(page, 'grid-duplicate-refused')
  await page.waitForTimeout(300) // (give a wrongly written duplicate time to reach the server)
  assert.equal(await count(), 6)

  // A right-click deletes, and says so with an Undo that brings the note back.
  await clickRoll(page, 0, 3840, 74, { button: 'right' })
  await until(async () => await count() === 5, 'right-click deleted the note')
  const notice = page.getByTestId('notice')
  await notice.filter({ hasText: /^Deleted D5, bar 3 beat 1.*\(right-click\)/ }).waitFor()
  await screenshot(page, 'grid-delete-notice')
  await notice.getByRole('button', { name: 'Undo' }).click()
  await until(async () => (await serverNotes(server.url, token, project.id)).soprano.some((n) => n.start === 3840 && n.pitch === 74),
    'Undo in the notice restored it')

  // Tempo 0: a visible error next to the field, and the tempo stays.
  await page.locator('#tempo').fill('0')
  await page.locator('#tempo').press('Enter')
  await page.locator('#tempo-error').filter({ hasText: '0 is not a tempo: choose 20 to 400 bpm (kept 72).' }).waitFor()
  assert.equal(await page.locator('#tempo').getAttribute('aria-invalid'), 'true')
  assert.equal(await page.locator('#tempo').inputValue(), '72')
  const meta = (await api(server.url, token, 'GET', `/api/projects/${project.id}`)).document.meta
  assert.equal(meta.tempoBpm, 72)
  await screenshot(page, 'grid-tempo-error')
  await page.close()
})

test('the time counter shows bars:beats and minutes:seconds; return to start', async () => {
  const page = await browser.context.newPage()
  const token = await signedIn(page, 'Erin')
  const project = await api(server.url, token, 'POST', '/api/projects', { title: 'Counting', template: 'four-part-chorale' })
  await openStudio(page, server.url, project.id)
  const counter = page.locator('#time-counter')
  assert.equal(await counter.textContent(), '1:1 · 0:00.0')
  await clickRoll(page, 0, 3840, 74) // a quarter note at bar 3: the cursor moves on to bar 3 beat 2
  await page.waitForFunction(() => document.getElementById('time-counter').textContent === '3:2 · 0:07.5')
  await (await openTrackMenu(page, 'Soprano')).getByLabel('Row height of Soprano').selectOption('12') // tall enough for note names
  await page.keyboard.press('Escape')
  await screenshot(page, 'time-counter')
  await page.getByRole('button', { name: 'Return to start' }).click()
  await page.waitForFunction(() => document.getElementById('time-counter').textContent === '1:1 · 0:00.0')
  assert.equal(await page.evaluate(() => window.ensembleStudio.roll.caret.tick), 0)
  // Playing, the counter follows the playhead.
  await page.locator('#play').click()
  await page.waitForFunction(() => /^1:[2-4] · 0:0[1-3]\.\d$/.test(document.getElementById('time-counter').textContent), null, { timeout: 10_000 })
  await page.locator('#play').click()
  await page.close()
})

test('the mixer: volume and pan per track are stored for everyone, mute and solo decide what plays', async () => {
  const page = await browser.context.newPage()
  const token = await signedIn(page, 'Erin')
  const project = await api(server.url, token, 'POST', '/api/projects', { title: 'Mixing', template: 'four-part-chorale' })
  await openStudio(page, server.url, project.id)
  // Keyboard on the sliders, as a person without a mouse would: Home, then arrows.
  const volume = page.getByLabel('Volume of Alto')
  await volume.focus()
  await page.keyboard.press('Home')
  for (let i = 0; i < 30; i++) await page.keyboard.press('ArrowRight')
  const pan = (await openTrackMenu(page, 'Alto')).getByLabel('Pan of Alto')
  await pan.focus()
  await page.keyboard.press('Home')
  for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowRight')
  await until(async () => {
    const alto = (await api(server.url, token, 'GET', `/api/projects/${project.id}`)).document.tracks.find((t) => t.id === 'alto')
    return alto.gain === 0.3 && alto.pan === -0.5
  }, 'alto at 30 % volume, panned half left, on the server')
  await page.getByLabel('M Soprano', { exact: true }).check()
  await page.locator('#play').click()
  await page.waitForFunction(() => window.ensembleStudio.transport.playing)
  const playing = await page.evaluate(() => window.ensembleStudio.transport.notes().map((n) => n.id))
  assert.ok(!playing.some((id) => id.startsWith('soprano')), 'the muted soprano does not play')
  assert.ok(playing.some((id) => id.startsWith('alto')))
  await page.locator('#play').click()
  await page.getByLabel('S Bass', { exact: true }).check()
  await page.locator('#play').click()
  await page.waitForFunction(() => window.ensembleStudio.transport.playing)
  const solo = await page.evaluate(() => window.ensembleStudio.transport.notes().map((n) => n.id))
  assert.ok(solo.length > 0 && solo.every((id) => id.startsWith('bass')), 'only the soloed bass plays')
  await page.locator('#play').click()
  await screenshot(page, 'mixer')
  await page.close()
})
