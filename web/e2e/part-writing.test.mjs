// Part-writing markers in the studio (issue 17): Alice plants parallel fifths between tenor and bass in a
// four-part chorale; her studio and Bob's (the edit arriving from her) mark the four notes and explain
// the fifths in the Part writing panel, as the server's API does word for word. The finding is reached by
// keyboard (its notes selected, the roll focused, the explanation in the live region); Alice moves the
// tenor's note by keyboard, and the marker goes on both screens. Real server jar, two chromium browsers.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { api, clickRoll, openSharedProject, screenshot, serverAndBrowsers, until } from './harness.mjs'

const env = serverAndBrowsers(2)

const BAR_3 = 3840
const fifths = (page) => page.locator('[data-testid=findings] li[data-rule=parallel-fifths]')
const clientFindings = (page) => page.evaluate(() => window.ensemblePartWriting.latest().report.findings
  .map(({ rule, bar, beat, noteIds, explanation }) => ({ rule, bar, beat, noteIds, explanation })))

test('planted parallel fifths are marked and explained live, reached by keyboard, and the marker goes when they are fixed', async () => {
  const { server } = env
  const { a, b, ownerToken: aliceToken, id } = await openSharedProject(server.url, env.browsers, ['Alice', 'Bob'],
    { title: 'Fifths', template: 'four-part-chorale' })
  const panel = a.getByTestId('part-writing-panel')
  await panel.getByTestId('part-writing-status').filter({ hasText: 'No part-writing findings.' }).waitFor()

  // Bar 3: tenor G3 then A3 over bass C3 then D3, quarter notes: fifths moving in parallel.
  for (const [lane, tick, pitch] of [[2, BAR_3, 55], [2, BAR_3 + 480, 57], [3, BAR_3, 48], [3, BAR_3 + 480, 50]]) {
    await clickRoll(a, lane, tick, pitch)
  }
  const planted = await a.evaluate((bar3) => {
    const tracks = window.ensembleStudio.model.read().tracks
    const at = (i) => tracks[i].notes.filter((n) => n.start >= bar3).map((n) => n.id)
    return [...at(2), ...at(3)]
  }, BAR_3)
  assert.equal(planted.length, 4)
  const finding = fifths(a)
  await finding.waitFor()
  assert.equal(await finding.getAttribute('data-notes'), planted.join(' '), 'tenor before and after, then bass')
  assert.match(await finding.innerText(), /Bar 3, beat 2 · Parallel fifths/)
  assert.match(await finding.innerText(),
    /Tenor and bass move in parallel fifths \(G3 over C3 to A3 over D3\)\. Moving two voices the same way from one perfect fifth to another makes them sound like one voice/)
  assert.deepEqual(await a.evaluate((ids) => ids.filter((n) => window.ensembleStudio.roll.marks.has(n)), planted), planted,
    'each of the four notes is drawn marked')
  assert.match(await panel.getByTestId('part-writing-status').innerText(), /parallel fifths/)
  // Bob's studio checks the edits arriving from Alice.
  await fifths(b).waitFor()
  assert.deepEqual(await b.evaluate((ids) => ids.filter((n) => window.ensembleStudio.roll.marks.has(n)), planted), planted)
  // The studio's checker says what the server's does, word for word.
  const server_ = await api(server.url, aliceToken, 'GET', `/api/projects/${id}/part-writing`)
  assert.deepEqual(await clientFindings(a),
    server_.findings.map(({ rule, bar, beat, noteIds, explanation }) => ({ rule, bar, beat, noteIds, explanation })))

  // By keyboard: the finding's button, Enter; the roll has the four notes selected and the live region explains.
  await finding.getByRole('button').focus()
  await a.keyboard.press('Enter')
  assert.equal(await a.evaluate(() => document.activeElement?.dataset.testid), 'piano-roll')
  assert.deepEqual(await a.evaluate(() => [...window.ensembleStudio.roll.selection].sort()), [...planted].sort())
  await a.locator('#live').filter({ hasText: 'Bar 3, beat 2: Tenor and bass move in parallel fifths' }).waitFor()
  await screenshot(a, 'part-writing-fifths')

  // Fix it by keyboard: the tenor's A3 alone, two semitones down to G3 (the tenor holds while the bass moves).
  await a.keyboard.press('Escape')
  await clickRoll(a, 2, BAR_3 + 480, 57)
  assert.deepEqual(await a.evaluate(() => [...window.ensembleStudio.roll.selection]), [planted[1]])
  assert.match(await a.getByTestId('inspector').innerText(), /Part writing: Tenor and bass move in parallel fifths/)
  await a.keyboard.press('Alt+ArrowDown')
  await a.keyboard.press('Alt+ArrowDown')
  await until(async () => await fifths(a).count() === 0, 'the fifths gone from Alice\'s list')
  assert.deepEqual(await a.evaluate((ids) => ids.filter((n) => window.ensembleStudio.roll.marks.has(n)), planted), [])
  assert.match(await panel.getByTestId('part-writing-status').innerText(), /fixed/)
  await until(async () => await fifths(b).count() === 0, 'the fifths gone from Bob\'s list')
  assert.equal(await b.evaluate((n) => window.ensembleStudio.roll.marks.has(n), planted[1]), false)
  await screenshot(a, 'part-writing-fixed')
  await a.close()
  await b.close()
})
