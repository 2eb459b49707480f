// The AI co-writer end to end, with the real server jar and the shipped chorale model: ask for two
// harmonizations of a region, follow the job's progress, see the candidates listed and drawn as ghost
// notes, audition one alone and in the mix, accept some of its notes and reject the other; the
// server then holds AI-made notes and the suggestions map no longer holds either candidate. A viewer
// in another browser sees the candidates arrive and leave, as ghost notes too, but cannot ask or decide.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { api, launchBrowser, openStudio, screenshot, serverNotes, signIn, startServer, until } from './harness.mjs'

let server, browser, viewerBrowser
before(async () => {
  server = await startServer()
  browser = await launchBrowser()
  viewerBrowser = await launchBrowser()
})
after(async () => {
  await browser?.close()
  await viewerBrowser?.close()
  await server?.dispose()
})

test('ask the AI, audition a candidate, accept part of it and reject the other', async () => {
  const page = await browser.context.newPage()
  const token = await signIn(page, server.url, 'Alice')
  await page.getByLabel('Title').fill('Harmony')
  await page.getByLabel('Start from').selectOption('four-part-chorale')
  await page.getByRole('button', { name: 'Create' }).click()
  await page.locator('[data-testid=connection][data-synced=true]').waitFor({ timeout: 15_000 })
  const projectId = decodeURIComponent(/#\/p\/([^/]+)/.exec(page.url())[1])
  const before = await serverNotes(server.url, token, projectId)

  // Bob watches as a viewer.
  const bob = await viewerBrowser.context.newPage()
  await signIn(bob, server.url, 'Bob')
  await api(server.url, token, 'PUT', `/api/projects/${projectId}/members/bob`, { role: 'viewer', name: 'Bob' })
  await openStudio(bob, server.url, projectId)
  const bobPanel = bob.getByRole('region', { name: 'AI co-writer' })
  await bobPanel.getByText('You are a viewer').waitFor()
  assert.equal(await bobPanel.getByRole('button', { name: 'Generate' }).count(), 0)

  const panel = page.getByRole('region', { name: 'AI co-writer' })
  await panel.waitFor()
  // The region follows the cursor's bar, then a loop dragged on the ruler over bar 2.
  assert.equal(await page.getByTestId('ai-region').textContent(), 'bar 1')
  const ruler = await page.evaluate(() => {
    const roll = window.ensembleStudio.roll
    const b = roll.canvas.getBoundingClientRect()
    return { x: b.left + 64 - roll.el.scrollLeft, y: b.top + 10, px: roll.pxPerTick }
  })
  await page.mouse.move(ruler.x + 1920 * ruler.px + 1, ruler.y)
  await page.mouse.down()
  await page.mouse.move(ruler.x + 3000 * ruler.px, ruler.y, { steps: 3 })
  await page.mouse.move(ruler.x + 3840 * ruler.px + 1, ruler.y, { steps: 3 })
  await page.mouse.up()
  await page.waitForFunction(() => document.querySelector('[data-testid=ai-region]').textContent === 'bar 2')

  // A request the server refuses shows its reason (a region far past the end of the piece).
  await panel.getByLabel('First bar').fill('60')
  await panel.getByLabel('Last bar').fill('61')
  await panel.getByRole('button', { name: 'Generate' }).click()
  await page.waitForFunction(() => document.getElementById('ai-error').textContent.length > 0)
  const refusal = await page.locator('#ai-error').textContent()
  console.log(`refusal shown: ${refusal}`)
  assert.match(refusal, /after the piece/, 'the server\'s own reason')
  assert.match(refusal, /bars 60–61/, 'its bars counted as the studio counts them')
  assert.equal(await page.locator('#ai-error').getAttribute('role'), 'alert')

  // Bars 1–2 (the template's music), harmonize: alto, tenor and bass by default, soprano kept.
  await panel.getByLabel('Mode').selectOption('harmonize')
  await panel.getByLabel('First bar').fill('1')
  await panel.getByLabel('Last bar').fill('2')
  assert.equal(await page.getByTestId('ai-region').textContent(), 'bars 1–2')
  assert.equal(await panel.getByLabel('Soprano', { exact: true }).isChecked(), false)
  assert.equal(await panel.getByLabel('Soprano', { exact: true }).isDisabled(), true)
  assert.equal(await panel.getByLabel('Bass', { exact: true }).isChecked(), true)
  await panel.getByLabel('Candidates (1–8)').fill('2')
  await panel.getByLabel('Seed (optional)').fill('1234')
  // The strict part-writing lock is on by default, and says what it does.
  // The sliders and locks fold away under "Character and rules" (Generate stays on screen).
  await panel.getByText('Character and rules').click()
  const strict = panel.getByLabel('Strict part-writing (on by default)')
  assert.equal(await strict.isChecked(), true)
  assert.match(await page.locator('#ai-strict-hint').textContent(), /no parallel fifths or octaves/)

  // Every control is reached with Tab, in order, and the focused one is outlined.
  await panel.getByLabel('Mode').focus()
  const visited = []
  for (let i = 0; i < 40 && visited.at(-1) !== 'ai-generate'; i++) {
    await page.keyboard.press('Tab')
    visited.push(await page.evaluate(() => document.activeElement.id))
  }
  assert.deepEqual(visited, ['ai-first-bar', 'ai-last-bar', 'ai-region-reset', 'ai-voice-alto', 'ai-voice-tenor', 'ai-voice-bass',
    'ai-more', 'ai-surprise', 'ai-happy', 'ai-busy', 'ai-different', 'ai-key-lock', 'ai-range-lock', 'ai-strict-lock', 'ai-count', 'ai-seed', 'ai-generate'])
  assert.notEqual(await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle), 'none')
  await screenshot(page, 'ai-form') // the form filled in, Generate focused
  await page.evaluate(() => {
    // Record every status line and progress value the panel shows while the model works.
    window.aiSeen = []
    const status = document.getElementById('ai-status')
    const bar = document.getElementById('ai-progress')
    new MutationObserver(() => window.aiSeen.push([status.textContent, bar.value]))
      .observe(status, { childList: true, characterData: true, subtree: true })
  })
  const t0 = Date.now()
  await page.keyboard.press('Enter') // on Generate
  // The first job of a fresh server can wait for the model to load (and, on a new machine, for DJL to
  // unpack its native library): a generous bound, as in attribution.test.mjs.
  await page.waitForFunction(() => /^Done: 2 candidates/.test(document.getElementById('ai-status').textContent), null, { timeout: 90_000 })
  await page.locator('#ai-candidates li').nth(1).waitFor()
  console.log(`generate → 2 candidates listed in ${Date.now() - t0} ms`)
  assert.equal(await page.locator('#ai-error').textContent(), '', 'the refusal is cleared by the next request')
  const seen = await page.evaluate(() => window.aiSeen)
  assert.ok(seen.some(([text]) => /^(Queued|Running)/.test(text)), `progress shown while working: ${JSON.stringify(seen)}`)
  assert.equal(await page.locator('#ai-progress').evaluate((p) => p.value), 1)

  // Both candidates are listed and drawn as ghost notes in the lower voices' lanes only.
  const labels = await page.locator('#ai-candidates li label').allTextContents()
  assert.equal(labels.length, 2)
  assert.match(labels[0], /^Candidate 1 of 2, harmonize, asked by Alice at [\d:]+( [AP]M)?, \d+ notes$/)
  // Beside each, the part-writing checker's score of the music with that candidate in place.
  const scores = await page.locator('#ai-candidates li [data-testid=ai-score]').allTextContents()
  assert.equal(scores.length, 2)
  for (const score of scores) assert.match(score, /^Part writing: (clean|\d+ [a-z ]+(, \d+ [a-z ]+)*)$/)
  const ghosts = await page.evaluate(() => window.ensembleStudio.roll.ghosts.map((g) => ({
    id: g.suggestionId, focused: g.focused, notes: g.notes })))
  assert.equal(ghosts.length, 2)
  assert.equal(ghosts.filter((g) => g.focused).length, 1)
  for (const g of ghosts) {
    assert.ok(g.notes.length >= 3, 'each candidate has notes')
    assert.deepEqual([...new Set(g.notes.map((n) => n.trackId))].sort(), ['alto', 'bass', 'tenor'])
    assert.ok(g.notes.every((n) => n.start >= 0 && n.start + n.duration <= 3840), 'inside bars 1–2')
  }
  await page.locator('#ai-candidates').scrollIntoViewIfNeeded()
  await screenshot(page, 'ai-panel')

  // The viewer sees the same candidates, live, as ghost notes too, with nothing to accept or reject.
  await bob.locator('#ai-candidates li').nth(1).waitFor()
  assert.deepEqual(await bob.locator('#ai-candidates li label').allTextContents(), labels)
  assert.equal(await bob.evaluate(() => window.ensembleStudio.roll.ghosts.length), 2)
  await bob.waitForFunction(() => /^2 AI candidates arrived, asked by Alice$/.test(document.getElementById('live').textContent))
  assert.equal(await bobPanel.getByRole('button', { name: /Accept|Reject/ }).count(), 0)
  assert.equal(await bobPanel.getByRole('button', { name: 'Play alone' }).count(), 1)

  // Focus candidate 1 and audition it in the mix: the soprano stays, the lower voices are its notes.
  await page.locator('#ai-candidates input').first().check()
  const first = ghosts.find((g) => g.id.endsWith('-1'))
  const firstIds = first.notes.map((n) => n.id).sort()
  await panel.getByRole('button', { name: 'Play in the mix' }).click()
  await page.waitForFunction(() => window.ensembleStudio.transport.auditioning)
  const mix = await page.evaluate(() => window.ensembleStudio.transport.notes().map((n) => n.id))
  for (const id of firstIds) assert.ok(mix.includes(id), `the mix plays candidate note ${id}`)
  assert.ok(mix.includes('soprano-0'), 'the mix keeps the melody')
  assert.ok(!mix.includes('alto-0') && !mix.includes('bass-1'), 'the mix leaves out the notes the candidate replaces')
  await panel.getByRole('button', { name: 'Play alone' }).click()
  await page.waitForFunction((ids) => {
    const t = window.ensembleStudio.transport
    return t.auditioning && JSON.stringify(t.notes().map((n) => n.id).sort()) === JSON.stringify(ids)
  }, firstIds)
  await panel.getByRole('button', { name: 'Stop', exact: true }).click()
  await page.waitForFunction(() => !window.ensembleStudio.transport.playing)

  // Accept only some notes of candidate 1: not the bass (its voice box), and not the longest tenor
  // note (a click on its ghost in the roll).
  await panel.getByLabel(/^bass \(\d+ notes?\)$/).uncheck()
  const left = first.notes.filter((n) => n.trackId === 'tenor').sort((a, b) => b.duration - a.duration)[0]
  const at = await page.evaluate((g) => {
    const roll = window.ensembleStudio.roll
    roll.setActiveTrack('tenor') // scrolls its lane into view
    const lane = roll.layout().lanes[2]
    const box = roll.canvas.getBoundingClientRect()
    const pitch = Math.max(lane.low, Math.min(lane.high, g.pitch))
    return { x: box.left + 64 + (g.start + g.duration / 2) * roll.pxPerTick - roll.el.scrollLeft,
      y: box.top + lane.top + (lane.high - pitch) * roll.rowHeight - roll.el.scrollTop + roll.rowHeight / 2 }
  }, left)
  const realBefore = await page.evaluate(() => window.ensembleStudio.model.read().notes.size)
  await page.mouse.click(at.x, at.y)
  await page.waitForFunction((id) => window.ensembleStudio.roll.ghosts.find((g) => g.focused).notes.find((n) => n.id === id).picked === false, left.id)
  assert.equal(await page.locator(`[data-note="${left.id}"]`).isChecked(), false, 'the note list shows it left out')
  assert.equal(await panel.getByLabel(/^tenor \(\d+ notes?\)$/).evaluate((b) => b.indeterminate), true)
  // The live region is set on the next animation frame: wait for it rather than read it at once.
  await page.waitForFunction(() => /^Left out: .*Tenor, candidate 1$/.test(document.getElementById('live').textContent))
  assert.equal(await page.evaluate(() => window.ensembleStudio.model.read().notes.size), realBefore, 'the click wrote no real note')
  const taken = first.notes.filter((n) => n.trackId !== 'bass' && n.id !== left.id).map((n) => n.id)
  await panel.getByRole('button', { name: `Accept chosen notes (${taken.length})` }).click()
  await page.locator('#ai-candidates li').nth(1).waitFor({ state: 'detached' })
  await page.waitForFunction((n) => new RegExp(`^Accepted ${n} notes of candidate 1$`).test(document.getElementById('live').textContent),
    taken.length)
  const stored = await serverNotes(server.url, token, projectId)
  const storedIds = new Set(Object.values(stored).flat().map((n) => n.id))
  for (const id of taken) assert.ok(storedIds.has(id), `accepted note ${id} is in its track`)
  for (const n of first.notes.filter((x) => x.trackId === 'bass')) assert.ok(!storedIds.has(n.id), 'the bass was not taken')
  assert.ok(!storedIds.has(left.id), 'the note clicked off was not taken')
  assert.deepEqual(stored.soprano, before.soprano, 'harmonize leaves the melody as it was')
  assert.deepEqual(stored.bass, before.bass, 'the bass was not accepted, so it is as it was')
  // The notes in the synced document carry the AI origin the server wrote.
  const origins = await page.evaluate((ids) => {
    const out = {}
    for (const t of window.ensembleStudio.model.tracks.toArray()) {
      for (const m of t.get('notes').toArray()) if (ids.includes(m.get('id'))) out[m.get('id')] = m.get('origin')
    }
    return out
  }, taken)
  assert.equal(Object.keys(origins).length, taken.length)
  for (const o of Object.values(origins)) {
    assert.equal(o.kind, 'ai')
    assert.equal(o.suggestion, first.id)
    assert.equal(o.acceptedBy.id, 'alice')
  }
  const who = await api(server.url, token, 'GET', `/api/projects/${projectId}/attribution/notes/${encodeURIComponent(taken[0])}`)
  assert.equal(who.createdBy.source, 'ai')
  let doc = (await api(server.url, token, 'GET', `/api/projects/${projectId}`)).document
  assert.ok(!(first.id in doc.suggestions), 'the accepted suggestion left the map')
  assert.equal(Object.keys(doc.suggestions).length, 1)
  // Candidate 2 is an alternative to the music just accepted: it is not drawn over it until chosen.
  await until(async () => await page.evaluate(() => window.ensembleStudio.roll.ghosts.length) === 0, 'candidate 2 not drawn')
  await page.locator('#ai-candidates input').first().check()
  await until(async () => await page.evaluate(() => window.ensembleStudio.roll.ghosts.length) === 1, 'candidate 2 drawn once chosen')
  await page.locator('#ai-candidates').scrollIntoViewIfNeeded()
  await screenshot(page, 'ai-accepted')

  // Reject the other (by keyboard): it leaves the map, the list and the roll, for the viewer too.
  await panel.getByRole('button', { name: 'Reject' }).focus()
  await page.keyboard.press('Enter')
  await page.locator('#ai-no-candidates').waitFor({ state: 'visible' })
  await page.waitForFunction(() => /^Rejected candidate 2$/.test(document.getElementById('live').textContent))
  doc = (await api(server.url, token, 'GET', `/api/projects/${projectId}`)).document
  assert.deepEqual(doc.suggestions, {})
  assert.equal(await page.evaluate(() => window.ensembleStudio.roll.ghosts.length), 0)
  await bob.locator('#ai-no-candidates').waitFor({ state: 'visible' })
  assert.equal(await bob.evaluate(() => window.ensembleStudio.roll.ghosts.length), 0)
  const stats = await api(server.url, token, 'GET', `/api/projects/${projectId}/attribution`)
  assert.equal(stats.suggestions.accepted + stats.suggestions.edited, 1)
  assert.equal(stats.suggestions.rejected, 1)
  assert.equal(stats.suggestions.pending, 0)
  assert.ok(stats.share.ai > 0, 'the AI has a share of the notes')

  // The attribution view marks exactly the accepted notes as the AI's (hatch and label, not colour
  // alone) once coloured by author, and its panel counts the accepted suggestion.
  await page.getByRole('radio', { name: 'Author' }).check()
  const marks = await page.waitForFunction((ids) => {
    const d = window.ensembleAttribution.view.decisions()
    const ok = ids.every((id) => d[id]?.kind === 'ai' && d[id].pattern === 'hatch' && d[id].label === 'AI')
    return ok && d
  }, taken, { timeout: 15_000 }).then((h) => h.jsonValue())
  const human = Object.entries(marks).filter(([id]) => !taken.includes(id))
  assert.ok(human.length > 0, 'the template notes are drawn too')
  for (const [id, look] of human) assert.notEqual(look.kind, 'ai', `note ${id} was not the AI's`)
  await page.waitForFunction(() => {
    const text = document.querySelector('[data-testid=attribution-panel]')?.textContent ?? ''
    return /\b1 accepted/.test(text) && /\b1 rejected/.test(text)
  }, null, { timeout: 10_000 })
  await screenshot(page, 'ai-attribution')
})

test('a long request shows its sweeps and can be cancelled', async () => {
  const page = await browser.context.newPage()
  await page.goto(`${server.url}/#/`) // Alice is still signed in in this browser
  const token = await page.evaluate(() => JSON.parse(localStorage.getItem('ensemble.session')).token)
  const { id: projectId } = await api(server.url, token, 'POST', '/api/projects', { title: 'Long', template: 'four-part-chorale' })
  await openStudio(page, server.url, projectId)
  const panel = page.getByRole('region', { name: 'AI co-writer' })
  // Continue by 8 bars, 8 candidates: a few seconds of sampling on this machine (docs/generation.md).
  await panel.getByLabel('Mode').selectOption('continue')
  assert.equal(await panel.getByLabel('First bar').isVisible(), false, 'continue has no region to choose')
  await panel.getByLabel('Bars to add after the piece').fill('8')
  assert.equal(await panel.getByLabel('Soprano', { exact: true }).isChecked(), true)
  await panel.getByLabel('Candidates (1–8)').fill('8')
  await panel.getByRole('button', { name: 'Generate' }).click()
  await page.waitForFunction(() => /^Running: \d+ of 12 sweeps done$/.test(document.getElementById('ai-status').textContent))
  await panel.getByRole('button', { name: 'Cancel' }).click()
  await page.waitForFunction(() => document.getElementById('ai-status').textContent === 'Cancelled', null, { timeout: 15_000 })
  assert.ok(await page.locator('#ai-progress').evaluate((p) => p.value < 1), 'stopped before the last sweep')
  assert.equal(await panel.getByRole('button', { name: 'Cancel' }).isVisible(), false)
  await page.waitForFunction(() => /^The AI request ended: Cancelled$/.test(document.getElementById('live').textContent))
  const doc = (await api(server.url, token, 'GET', `/api/projects/${projectId}`)).document
  assert.deepEqual(doc.suggestions, {}, 'a cancelled job writes no candidates')
  assert.equal(await page.locator('#ai-candidates li').count(), 0)
})
