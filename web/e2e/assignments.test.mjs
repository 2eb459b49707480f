// Assignments in the studio (issue 17): a teacher keeps a class of Ann and Ben on the classes page and
// hands a chorale to it with the AI off and some part-writing rules from the members page; each opens
// their own copy, sees the instructions, Ann's AI request is refused with the reason, only the chosen
// rules are checked in her studio, both write notes and submit; the teacher's class overview shows both submissions with
// their notes and human/AI shares. Real server jar, three chromium browsers.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { api, clickRoll, launchBrowser, openStudio, screenshot, signIn, startServer, until } from './harness.mjs'

let server, teacher, ann, ben
before(async () => {
  server = await startServer()
  teacher = await launchBrowser()
  ann = await launchBrowser()
  ben = await launchBrowser()
})
after(async () => {
  for (const b of [teacher, ann, ben]) await b?.close()
  await server?.dispose()
})

test('a teacher hands out an assignment with the AI off; two students work, one is refused the AI, both submit; the overview shows them', async () => {
  const t = await teacher.context.newPage()
  const a = await ann.context.newPage()
  const b = await ben.context.newPage()
  const teacherToken = await signIn(t, server.url, 'Teacher')
  const annToken = await signIn(a, server.url, 'Ann')
  await signIn(b, server.url, 'Ben')
  const { id } = await api(server.url, teacherToken, 'POST', '/api/projects', { title: 'Week 5', template: 'four-part-chorale', key: 'G major' })

  // The teacher keeps the class on the classes page: made with three names, one removed, renamed.
  await t.goto(`${server.url}/#/classes`)
  await t.getByLabel('Class name').fill('5B')
  await t.getByLabel('Students (one name a line)').fill('Ann\nBen\nCleo')
  await t.getByRole('button', { name: 'Make class' }).click()
  await t.getByTestId('classes-status').filter({ hasText: 'Made the class “5B” with 3 students.' }).waitFor()
  await t.getByRole('button', { name: 'Remove Cleo from 5B' }).click()
  await t.getByTestId('classes-status').filter({ hasText: 'Removed Cleo from “5B”.' }).waitFor()
  await t.getByLabel('New name for 5B').fill('Harmony 5B')
  await t.getByRole('button', { name: 'Rename' }).click()
  await t.getByRole('heading', { name: 'Harmony 5B' }).waitFor()
  assert.deepEqual(await t.getByRole('list', { name: 'Students of Harmony 5B' }).locator('li').evaluateAll((li) => li.map((l) => l.dataset.student)),
    ['ann', 'ben'])
  await screenshot(t, 'classes')

  // The hand-out picks the class: its students fill the list.
  await t.goto(`${server.url}/#/p/${id}/members`)
  await t.getByLabel('Class', { exact: true }).selectOption({ label: 'Harmony 5B (2)' })
  assert.equal(await t.getByLabel('Students (one name a line)').inputValue(), 'Ann\nBen')
  await t.getByLabel('Instructions').fill('Harmonize the melody in four parts.')
  await t.getByLabel('AI co-writer').selectOption('off')
  // This week checks parallels and ranges only: voice crossing (among others) is left out.
  const rules = t.getByTestId('assignment-rules')
  for (const rule of ['hidden fifths', 'hidden octaves', 'voice crossing', 'voice overlap', 'spacing', 'leap', 'leading tone']) {
    await rules.getByRole('checkbox', { name: new RegExp(`^${rule} — `) }).uncheck()
  }
  await t.getByRole('button', { name: 'Hand out' }).click()
  await t.getByRole('link', { name: 'Open the class overview' }).waitFor({ timeout: 15_000 })
  const [assignment] = await api(server.url, teacherToken, 'GET', '/api/assignments').then((r) => r.assignments)
  const copyOf = (who) => assignment.copies.find((c) => c.student.id === who).projectId
  const chosen = ['parallel-fifths', 'parallel-octaves', 'range']
  assert.deepEqual(assignment.rules, chosen)

  // Ann: her copy, the instructions, the AI refused with the reason, a note of hers, Submit.
  await a.reload() // the list as it is now, after the hand-out
  await a.getByRole('link', { name: 'Week 5 — Ann' }).waitFor()
  assert.equal(await a.getByRole('link', { name: 'Week 5 — Ben' }).count(), 0, 'a student sees only their own copy')
  await openStudio(a, server.url, copyOf('ann'))
  const banner = a.getByTestId('assignment-banner')
  await banner.getByText('Harmonize the melody in four parts.').waitFor()
  await banner.getByText('AI co-writer off').waitFor()
  await a.getByRole('region', { name: 'AI co-writer' }).getByRole('button', { name: 'Generate' }).click()
  await a.locator('#ai-error').filter({ hasText: 'the AI co-writer is off for this assignment' }).waitFor()
  await screenshot(a, 'assignment-ai-refused')
  await clickRoll(a, 0, 3840, 74)
  await until(async () => (await api(server.url, annToken, 'GET', `/api/projects/${copyOf('ann')}`)).document.tracks[0].notes.length === 5,
    'Ann\'s note stored')
  // Her alto note above it crosses the voices: a finding of a rule this assignment does not check, so
  // her studio neither marks nor lists it (the server's check of every rule does find it); it is also
  // out of the alto's range, which the assignment checks.
  await clickRoll(a, 1, 3840, 76)
  const partWriting = a.getByTestId('part-writing-panel')
  await partWriting.getByTestId('part-writing-rules').filter({ hasText: 'parallel fifths, parallel octaves, range' }).waitFor()
  await until(async () => (await api(server.url, annToken, 'GET', `/api/projects/${copyOf('ann')}/part-writing`)).counts['voice-crossing'] === 1,
    'the crossing stored')
  const report = await a.evaluate(() => window.ensemblePartWriting.latest().report)
  assert.deepEqual(report.rules, chosen)
  assert.equal(report.findings.filter((f) => f.rule === 'voice-crossing').length, 0)
  assert.equal(await partWriting.locator('[data-testid=findings] li[data-rule=voice-crossing]').count(), 0)
  await partWriting.locator('[data-testid=findings] li[data-rule=range]').waitFor()
  const checked = await api(server.url, annToken, 'GET', `/api/projects/${copyOf('ann')}/part-writing?rules=${chosen.join(',')}`)
  assert.deepEqual(report.findings.map((f) => f.noteIds), checked.findings.map((f) => f.noteIds), 'the studio checks what the assignment checks')
  await banner.getByTestId('submit-assignment').click()
  await banner.getByTestId('assignment-submitted').filter({ hasText: 'Submitted' }).waitFor()

  // Ben: two notes, Submit.
  await openStudio(b, server.url, copyOf('ben'))
  await clickRoll(b, 0, 3840, 74)
  await clickRoll(b, 0, 4800, 76)
  await b.waitForFunction(() => window.ensembleStudio.model.read().tracks[0].notes.length === 6)
  await b.locator('[data-testid=connection][data-synced=true]').waitFor()
  await b.getByTestId('submit-assignment').click()
  await b.getByTestId('assignment-submitted').filter({ hasText: 'Submitted' }).waitFor()

  // The teacher's overview.
  await t.getByRole('link', { name: 'Open the class overview' }).click()
  const row = (who) => t.locator(`[data-testid=overview] tr[data-student=${who}]`)
  await row('ben').waitFor()
  await until(async () => {
    await t.getByRole('button', { name: 'Refresh' }).click()
    return (await row('ben').locator('[data-cell=student-notes]').innerText()) === '2'
  }, 'Ben\'s notes in the overview')
  assert.notEqual(await row('ann').locator('[data-cell=submitted]').innerText(), 'not yet')
  assert.notEqual(await row('ben').locator('[data-cell=submitted]').innerText(), 'not yet')
  assert.equal(await row('ann').locator('[data-cell=student-notes]').innerText(), '2')
  assert.equal(await row('ann').locator('[data-cell=ai-notes]').innerText(), '0')
  assert.equal(await row('ann').locator('[data-cell=share]').innerText(), '100% / 0%')
  assert.equal(await row('ben').locator('[data-cell=share]').innerText(), '100% / 0%')
  assert.equal(await row('ann').locator('[data-cell=ai-requests]').innerText(), '0', 'a refused request is not counted')
  // The overview checks the assignment's rules only: Ann's alto E5 is out of range, and its crossing
  // is not counted.
  await t.getByText('Part writing checked: parallel fifths, parallel octaves, range.').waitFor()
  assert.equal(await row('ann').locator('[data-cell=part-writing]').innerText(), '1: range 1')
  const overview = await api(server.url, teacherToken, 'GET', `/api/assignments/${assignment.id}/overview`)
  assert.deepEqual(Object.keys(overview.students[0].partWriting.counts), chosen)
  await screenshot(t, 'assignment-overview')
})
