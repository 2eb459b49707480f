// Two people in two browsers edit one project: each sees the other's notes within a second, and
// each sees who else is there.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { clickRoll, launchBrowser, noteCount, openStudio, screenshot, serverNotes, signIn, startServer } from './harness.mjs'

let server, alice, bob
before(async () => {
  server = await startServer()
  alice = await launchBrowser()
  bob = await launchBrowser()
})
after(async () => {
  await alice?.close()
  await bob?.close()
  await server?.dispose()
})

test('two users edit one project and see each other\'s notes within a second', async () => {
  const a = await alice.context.newPage()
  const b = await bob.context.newPage()
  const aliceToken = await signIn(a, server.url, 'Alice')
  await screenshot(a, 'projects')
  await signIn(b, server.url, 'Bob')

  // Alice creates a chorale through the form and invites Bob as an editor through the members page.
  await a.getByLabel('Title').fill('Duet')
  await a.getByLabel('Start from').selectOption('four-part-chorale')
  await a.getByLabel('Key').selectOption('D major')
  await a.getByRole('button', { name: 'Create' }).click()
  await a.locator('[data-testid=connection][data-synced=true]').waitFor({ timeout: 15_000 })
  const projectId = decodeURIComponent(/#\/p\/([^/]+)/.exec(a.url())[1])
  assert.equal(await noteCount(a, 'Soprano'), 4)
  await a.getByRole('link', { name: 'Members' }).click()
  await a.getByLabel('Their name').fill('Bob')
  await a.getByLabel('Role', { exact: true }).selectOption('editor')
  await a.getByRole('button', { name: 'Add' }).click()
  await a.getByText('Bob (bob)').waitFor()
  await screenshot(a, 'members')
  await a.getByRole('link', { name: 'Open the studio' }).click()
  await a.locator('[data-testid=connection][data-synced=true]').waitFor({ timeout: 15_000 })

  await b.reload()
  await b.getByRole('link', { name: 'Duet' }).click()
  await b.locator('[data-testid=connection][data-synced=true]').waitFor({ timeout: 15_000 })
  await a.locator('[data-testid=people] li', { hasText: 'Bob' }).waitFor({ timeout: 5_000 })
  await b.locator('[data-testid=people] li', { hasText: 'Alice' }).waitFor({ timeout: 5_000 })

  // Alice clicks a note into the soprano lane (bar 3); Bob must see it within a second.
  await clickRoll(a, 0, 3840, 74)
  assert.equal(await noteCount(a, 'Soprano'), 5)
  const t0 = Date.now()
  await b.waitForFunction(() => /5 notes/.test(document.querySelector('label[for=track-0]')?.textContent ?? ''), null, { timeout: 1000 })
  const toBob = Date.now() - t0

  // Bob writes into the bass lane with the keyboard; Alice must see it within a second.
  await b.locator('#track-3').check()
  await b.getByTestId('piano-roll').focus()
  await b.keyboard.press('Enter')
  assert.equal(await noteCount(b, 'Bass'), 5)
  const t1 = Date.now()
  await a.waitForFunction(() => /5 notes/.test(document.querySelector('label[for=track-3]')?.textContent ?? ''), null, { timeout: 1000 })
  const toAlice = Date.now() - t1
  console.log(`remote note visible after ${toBob} ms (Alice → Bob) and ${toAlice} ms (Bob → Alice)`)

  // Selections are shared: Bob selects his note and Alice's studio draws it in Bob's colour.
  await b.waitForFunction(() => window.ensembleStudio.roll.selection.size === 1)
  await a.waitForFunction(() => window.ensembleStudio.roll.others.some((o) => o.name === 'Bob' && o.selection.size === 1))
  await screenshot(a, 'studio-two-users')

  // Alice transposes Bob's note; the authorship ledger then tells Bob who wrote it and who changed it.
  await a.locator('#track-3').check()
  await a.getByTestId('piano-roll').focus()
  await a.keyboard.press('.') // the template's bass note at beat 1 (the lower one)
  await a.keyboard.press('.') // Bob's note at beat 1
  await a.keyboard.press('Alt+ArrowUp')
  // (C#4 is above the bass's range: the part-writing check says so at the end of the note's description.)
  await b.waitForFunction(() => /, by Bob, changed by Alice\. Part writing: Bass sings C#4, above its range/
    .test(document.querySelector('[data-testid=inspector]').textContent), null, { timeout: 10_000 })

  const stored = await serverNotes(server.url, aliceToken, projectId)
  assert.equal(stored.soprano.length, 5)
  assert.equal(stored.bass.length, 5)
  assert.ok(stored.bass.some((n) => n.pitch === 61 && n.start === 0), 'Bob\'s C4 moved up to C#4 by Alice')
  assert.ok(stored.soprano.some((n) => n.pitch === 74 && n.start === 3840))
})
