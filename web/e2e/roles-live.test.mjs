// A role change reaches only the person whose role changed, live: the other collaborators keep
// their open studio (no reload, their undo history intact), and the changed user's studio takes its
// new rights in place, without a page reload.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { api, clickRoll, launchBrowser, noteCount, openStudio, screenshot, serverNotes, signIn, startServer, until } from './harness.mjs'

let server, owner, editor, viewer
before(async () => {
  server = await startServer()
  owner = await launchBrowser()
  editor = await launchBrowser()
  viewer = await launchBrowser()
})
after(async () => {
  await owner?.close()
  await editor?.close()
  await viewer?.close()
  await server?.dispose()
})

test('adding a member or changing a role disturbs nobody else; the changed user gets the new rights live', async () => {
  const o = await owner.context.newPage()
  const b = await editor.context.newPage()
  const c = await viewer.context.newPage()
  const ownerToken = await signIn(o, server.url, 'Olivia')
  await signIn(b, server.url, 'Bob')
  await signIn(c, server.url, 'Carol')
  const project = await api(server.url, ownerToken, 'POST', '/api/projects', { title: 'Rounds', template: 'four-part-chorale' })
  await api(server.url, ownerToken, 'PUT', `/api/projects/${project.id}/members/bob`, { role: 'editor', name: 'Bob' })
  await api(server.url, ownerToken, 'PUT', `/api/projects/${project.id}/members/carol`, { role: 'viewer', name: 'Carol' })

  await openStudio(b, server.url, project.id)
  await openStudio(c, server.url, project.id)
  await c.getByText('View only').waitFor()
  // A mark in each page's memory: a reload would lose it.
  await b.evaluate(() => { window.notReloaded = true })
  await c.evaluate(() => { window.notReloaded = true })
  // Bob adds a note: his undo history holds it.
  await clickRoll(b, 0, 3840, 74)
  await until(async () => (await serverNotes(server.url, ownerToken, project.id)).soprano.length === 5, 'Bob\'s note on the server')
  await b.evaluate(() => {
    // Every connection status Bob's page goes through from now on.
    window.states = []
    window.ensembleStudio.connection.onStatus((s) => window.states.push(s.state))
  })

  // The owner adds Dan as a viewer and makes Carol an editor, on the members page.
  await o.goto(`${server.url}/#/p/${project.id}/members`)
  await o.getByLabel('Their name').fill('Dan')
  await o.getByLabel('Role', { exact: true }).selectOption('viewer')
  await o.getByRole('button', { name: 'Add' }).click()
  await o.getByText('Dan (dan)').waitFor()
  await o.getByLabel('Role of Carol').selectOption('editor')
  await o.getByText('Carol is now editor').waitFor()

  // Carol's studio becomes editable in place.
  await c.waitForFunction(() => document.querySelector('#tempo') && !document.querySelector('#tempo').disabled
    && document.querySelector('[data-testid=connection][data-synced=true]'), null, { timeout: 15_000 })
  assert.equal(await c.getByText('View only').count(), 0)
  assert.equal(await c.evaluate(() => window.notReloaded), true, 'Carol\'s page was not reloaded')
  await clickRoll(c, 0, 5760, 72)
  await until(async () => (await serverNotes(server.url, ownerToken, project.id)).soprano.length === 6, 'Carol\'s first note as an editor')
  await screenshot(c, 'roles-live-carol-editor')

  // Bob was not disturbed: same page, connection never dropped, his undo still takes back his note.
  assert.equal(await b.evaluate(() => window.notReloaded), true, 'Bob\'s page was not reloaded')
  assert.deepEqual(await b.evaluate(() => window.states.filter((s) => s !== 'online')), [], 'Bob stayed connected')
  await until(async () => await noteCount(b, 'Soprano') === 6, 'Bob sees Carol\'s note')
  await b.locator('#undo').click()
  await until(async () => {
    const soprano = (await serverNotes(server.url, ownerToken, project.id)).soprano
    return soprano.length === 5 && soprano.some((n) => n.start === 5760) && !soprano.some((n) => n.start === 3840)
  }, 'Bob\'s undo removes his own note and keeps Carol\'s')

  // Carol made a viewer again: her studio turns read-only in place.
  await o.getByLabel('Role of Carol').selectOption('viewer')
  await c.getByText('View only').waitFor({ timeout: 15_000 })
  assert.equal(await c.locator('#tempo').isDisabled(), true)
  assert.equal(await c.evaluate(() => window.notReloaded), true)
  assert.equal(await b.evaluate(() => window.notReloaded), true)
})
