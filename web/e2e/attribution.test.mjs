// See who wrote what: Alice writes a chorale from the template and a note of her own, the real model
// harmonizes a bar and Alice accepts it (through the REST API), and the studio's attribution view
// marks the AI's notes (hatch and "AI" label, not colour alone), names the model and the acceptor on
// hover, shows the shares and the acceptance rate the server computes, and exports the report.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { api, clickRoll, launchBrowser, noteCount, openStudio, screenshot, serverNotes, signIn, startServer, until } from './harness.mjs'

let server, alice, viewerBrowser
before(async () => {
  server = await startServer()
  alice = await launchBrowser()
  viewerBrowser = await launchBrowser()
})
after(async () => {
  await alice?.close()
  await viewerBrowser?.close()
  await server?.dispose()
})

/** Where a note of a track is on screen (its middle, a few pixels in from its start). */
async function notePoint(page, trackIndex, noteId) {
  return page.evaluate(([i, id]) => {
    const roll = window.ensembleStudio.roll
    const { lanes, snap } = roll.layout()
    const lane = lanes[i]
    const n = snap.tracks[i].notes.find((x) => x.id === id)
    const box = roll.canvas.getBoundingClientRect()
    return {
      x: box.left + 64 + n.start * roll.pxPerTick - roll.el.scrollLeft + 4,
      y: box.top + lane.top + (lane.high - n.pitch) * roll.rowHeight - roll.el.scrollTop + roll.rowHeight / 2,
    }
  }, [trackIndex, noteId])
}

/**
 * The spread of brightness inside a note's rectangle on the canvas (0 for a flat fill; a hatch shows
 * stripes), or inside its first `ticks` only: a note of a lane other than the cursor's is drawn
 * translucent, so the grid's lines show through a note longer than a sixteenth.
 */
async function noteBrightnessSpread(page, noteId, ticks = Infinity) {
  return page.evaluate(([id, ticks]) => {
    const roll = window.ensembleStudio.roll
    const { lanes, snap } = roll.layout()
    const i = snap.tracks.findIndex((t) => t.notes.some((n) => n.id === id))
    const n = snap.tracks[i].notes.find((x) => x.id === id)
    const lane = lanes[i]
    const dpr = window.devicePixelRatio || 1
    const x = 64 + n.start * roll.pxPerTick - roll.el.scrollLeft
    const y = lane.top + (lane.high - n.pitch) * roll.rowHeight - roll.el.scrollTop + 1
    const w = Math.max(2, Math.min(n.duration, ticks ?? Infinity) * roll.pxPerTick - 1)
    const data = roll.canvas.getContext('2d').getImageData(Math.round((x + 1) * dpr), Math.round((y + 1) * dpr),
      Math.floor((w - 2) * dpr), Math.floor((roll.rowHeight - 4) * dpr)).data
    let lo = 255, hi = 0
    for (let k = 0; k < data.length; k += 4) {
      const b = (data[k] + data[k + 1] + data[k + 2]) / 3
      lo = Math.min(lo, b); hi = Math.max(hi, b)
    }
    return hi - lo
  }, [noteId, ticks])
}

test('the attribution view marks the AI\'s accepted notes and shows the shares the ledger counts', async () => {
  const page = await alice.context.newPage()
  const token = await signIn(page, server.url, 'Alice')
  await page.getByLabel('Title').fill('Credits')
  await page.getByLabel('Start from').selectOption('four-part-chorale')
  await page.getByRole('button', { name: 'Create' }).click()
  await page.locator('[data-testid=connection][data-synced=true]').waitFor({ timeout: 15_000 })
  const projectId = decodeURIComponent(/#\/p\/([^/]+)/.exec(page.url())[1])

  // Alice adds a soprano note in bar 3, outside the bar the AI will write.
  const before = await noteCount(page, 'Soprano')
  await clickRoll(page, 0, 3840, 74)
  assert.equal(await noteCount(page, 'Soprano'), before + 1)
  const aliceNote = await until(async () => {
    const notes = await serverNotes(server.url, token, projectId)
    return Object.values(notes).flat().find((n) => n.start === 3840 && n.pitch === 74)?.id
  }, 'Alice\'s note reaches the server')

  // The real model harmonizes bar 1; Alice accepts the candidate.
  const job = await api(server.url, token, 'POST', `/api/projects/${projectId}/generate`,
    { mode: 'harmonize', region: { startBar: 0, endBar: 1 }, candidates: 1, seed: 11 })
  const done = await until(async () => {
    const j = await api(server.url, token, 'GET', `/api/projects/${projectId}/generate/${job.id}`)
    if (j.status === 'failed' || j.status === 'cancelled') throw new Error(`generation ${j.status}: ${j.error}`)
    return j.status === 'done' && j
  }, 'the generation job finishes', 60_000)
  const accepted = await api(server.url, token, 'POST', `/api/projects/${projectId}/suggestions/${done.suggestions[0]}/accept`, {})
  assert.ok(accepted.accepted.length > 0, 'the suggestion had notes')
  const model = await api(server.url, token, 'GET', '/api/generation/model')

  // Coloured by track, an accepted note is one flat colour on the canvas (looked at between the grid's
  // sixteenth lines: the AI's notes are longer than a sixteenth since issue 15).
  const firstAi = accepted.accepted[0]
  await page.waitForFunction((id) => window.ensembleStudio.model.read().notes.has(id), firstAi)
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))))
  assert.ok(await noteBrightnessSpread(page, firstAi, 120) < 8, 'a flat fill in track colours')

  // Colour by author through the labelled switch, with the keyboard.
  await page.getByRole('radio', { name: 'Author' }).focus()
  await page.keyboard.press('Space')
  assert.equal(await page.evaluate(() => window.ensembleAttribution.view.mode), 'author')
  // Drawn hatched now: light stripes over the fill.
  await until(async () => await noteBrightnessSpread(page, firstAi) > 30, 'the AI note is drawn hatched', 5_000)

  // (b) Once the ledger's report has arrived, every accepted note is drawn hatched with the AI label,
  // and Alice's own note in her colour without them.
  const decisions = await page.waitForFunction(([ids, mine]) => {
    const d = window.ensembleAttribution.view.decisions()
    const ok = ids.every((id) => d[id]?.kind === 'ai' && d[id].pattern === 'hatch' && d[id].label === 'AI')
      && d[mine]?.kind === 'human' && d[mine].author === 'alice'
      && window.ensembleAttribution.view.credit(ids[0])?.from === 'ledger'
    return ok && d
  }, [accepted.accepted, aliceNote], { timeout: 15_000 }).then((h) => h.jsonValue())
  assert.equal(decisions[aliceNote].pattern, undefined)
  assert.equal(decisions[aliceNote].label, undefined)
  assert.notEqual(decisions[aliceNote].fill, decisions[accepted.accepted[0]].fill)

  // (a) The panel agrees with the server's statistics.
  const stats = await api(server.url, token, 'GET', `/api/projects/${projectId}/attribution`)
  const aiPercent = Math.round(stats.share.ai * 100)
  assert.ok(aiPercent > 0)
  const panel = page.getByTestId('attribution-panel')
  await panel.getByRole('heading', { name: 'Who wrote what' }).waitFor()
  await page.waitForFunction((ai) => document.querySelector('[data-testid=attribution-human-ai]')?.dataset.ai === String(ai), aiPercent,
    { timeout: 10_000 })
  const alice_ = stats.authors.find((a) => a.actor === 'alice')
  const aliceRow = await panel.locator('tr[data-actor=alice]').innerText()
  assert.match(aliceRow, new RegExp(`Alice\\s+${alice_.survivingNotes}\\s+${Math.round(alice_.share * 100)}%`))
  const aiRow = await panel.locator('tr[data-actor=ai]').innerText()
  assert.match(aiRow, /\(AI\)/)
  assert.equal(stats.suggestions.accepted, 1)
  const acceptance = await panel.getByTestId('attribution-acceptance').innerText()
  assert.match(acceptance, new RegExp(`^1 accepted, 0 accepted and edited, 0 rejected, 0 pending: acceptance rate ${Math.round(stats.suggestions.acceptanceRate * 100)}%`))
  const barLabel = await panel.getByRole('img').getAttribute('aria-label')
  assert.match(barLabel, new RegExp(`Alice ${Math.round(alice_.share * 100)}%`))
  assert.match(barLabel, new RegExp(`AI \\(.*\\) ${aiPercent}%`))

  // Zoomed in, the AI's notes are wide enough for their "AI" label.
  await page.getByRole('button', { name: 'Zoom in' }).click()
  await page.getByRole('button', { name: 'Zoom in' }).click()

  // (c) Hovering an accepted note shows the card naming the AI and the people who asked for and accepted
  // it, by their names, in plain words (no version hash: the ledger and its exports keep that).
  const aiNote = accepted.accepted[0]
  const track = await page.evaluate((id) => window.ensembleStudio.roll.layout().snap.tracks.findIndex((t) => t.notes.some((n) => n.id === id)), aiNote)
  const p = await notePoint(page, track, aiNote)
  await page.mouse.move(p.x, p.y)
  const tip = page.getByTestId('note-tip')
  await tip.waitFor({ state: 'visible', timeout: 5_000 })
  const tipText = await tip.innerText()
  assert.match(tipText, /Written by the AI/)
  assert.ok(!tipText.includes(model.version), `no model version hash ${model.version} on the card: ${tipText}`)
  assert.match(tipText, /Accepted by Alice/)
  assert.match(tipText, /Requested by Alice/)
  await screenshot(page, 'attribution')
  // Alice's note: created by Alice.
  const q = await notePoint(page, 0, aliceNote)
  await page.mouse.move(q.x, q.y)
  await page.waitForFunction((id) => document.querySelector('[data-testid=note-tip]')?.dataset.noteId === id, aliceNote)
  assert.match(await tip.innerText(), /^Created by Alice/)

  // Keyboard users: selecting the AI note names the model and the acceptor in the inspector line.
  await page.evaluate((id) => window.ensembleStudio.roll.select([id]), aiNote)
  assert.match(await page.getByTestId('inspector').innerText(), /the AI co-writer, an AI suggestion \(requested by Alice, accepted by Alice\)/)
  // ... and the panel's "Selected note" gives the hover card's details, times included.
  const details = await page.getByTestId('attribution-selection').innerText()
  assert.match(details, /Written by the AI co-writer, .*\d/)
  assert.match(details, /Accepted by Alice/)

  // (d) The export links return the report (the same as the API's) and its text form.
  const jsonHref = await panel.getByTestId('export-attribution-json').getAttribute('href')
  const report = await page.evaluate((href) => fetch(href).then((r) => r.json()), jsonHref)
  assert.equal(report.projectId, projectId)
  assert.equal(report.suggestions.accepted, 1)
  assert.ok(accepted.accepted.every((id) => report.notes.some((n) => n.noteId === id && n.createdBy.source === 'ai')))
  const textHref = await panel.getByTestId('export-attribution-text').getAttribute('href')
  const text = await page.evaluate((href) => fetch(href).then((r) => r.text()), textHref)
  assert.match(text, /AI suggestions: 1 accepted/)
  const [download] = await Promise.all([page.waitForEvent('download'), panel.getByTestId('export-attribution-json').click()])
  assert.match(download.suggestedFilename(), /attribution\.json$/)

  // Alice transposes the AI note (a person changing the AI's work): it gets the notch, the suggestion
  // counts as accepted and edited, and the panel reads the statistics at most about once a second.
  const reads0 = await page.evaluate(() => window.ensembleAttribution.feed.reads)
  const t0 = Date.now()
  await page.getByTestId('piano-roll').focus()
  for (let i = 0; i < 5; i++) await page.keyboard.press('Alt+ArrowUp')
  await page.waitForFunction(() => /^0 accepted, 1 accepted and edited/.test(
    document.querySelector('[data-testid=attribution-acceptance]')?.textContent ?? ''), null, { timeout: 15_000 })
  const reads = await page.evaluate(() => window.ensembleAttribution.feed.reads) - reads0
  const seconds = (Date.now() - t0) / 1000
  assert.ok(reads >= 1 && reads <= Math.ceil(seconds) + 1, `${reads} reads in ${seconds} s`)
  await page.waitForFunction((id) => {
    const d = window.ensembleAttribution.view.decisions()[id]
    return d?.kind === 'ai-changed' && d.notch && d.pattern === 'hatch'
  }, aiNote, { timeout: 15_000 })
  const moved = await notePoint(page, track, aiNote) // where it is now (its lane may have grown)
  await page.mouse.move(moved.x, moved.y)
  await page.waitForFunction(() => /Changed by Alice \(pitch\)/.test(document.querySelector('[data-testid=note-tip]')?.textContent ?? ''),
    null, { timeout: 5_000 })

  // 4. A viewer sees the same view.
  await api(server.url, token, 'PUT', `/api/projects/${projectId}/members/vera`, { role: 'viewer', name: 'Vera' })
  const v = await viewerBrowser.context.newPage()
  await signIn(v, server.url, 'Vera')
  await openStudio(v, server.url, projectId)
  await v.getByTestId('attribution-panel').getByRole('heading', { name: 'Who wrote what' }).waitFor()
  await v.getByRole('radio', { name: 'Author' }).check()
  await v.waitForFunction((ids) => {
    const d = window.ensembleAttribution.view.decisions()
    return ids.every((id, i) => d[id]?.kind === (i === 0 ? 'ai-changed' : 'ai'))
  }, accepted.accepted, { timeout: 15_000 })
  await v.waitForFunction(() => /acceptance rate/.test(document.querySelector('[data-testid=attribution-acceptance]')?.textContent ?? ''))
})
