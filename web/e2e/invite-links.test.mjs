// Sharing by link: the owner makes a viewer link and an editor link on the members page; people who
// open them, signed in, join with that role and land in the studio; a revoked link refuses, says so,
// and lets nobody in.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { api, launchBrowser, screenshot, signIn, startServer } from './harness.mjs'

let server, owner, guests
before(async () => {
  server = await startServer()
  owner = await launchBrowser()
  guests = await launchBrowser()
})
after(async () => {
  await owner?.close()
  await guests?.close()
  await server?.dispose()
})

test('invite links: join as viewer or editor; a revoked link refuses', async () => {
  const o = await owner.context.newPage()
  const ownerToken = await signIn(o, server.url, 'Olivia')
  const project = await api(server.url, ownerToken, 'POST', '/api/projects', { title: 'Open rehearsal', template: 'four-part-chorale' })
  await o.goto(`${server.url}/#/p/${project.id}/members`)
  const links = o.getByRole('form', { name: 'Share by link' })
  await links.getByLabel('Link role').selectOption('viewer')
  await links.getByRole('button', { name: 'Create link' }).click()
  const viewerLink = await o.getByLabel('Invite link (viewer)').inputValue()
  await links.getByLabel('Link role').selectOption('editor')
  await links.getByRole('button', { name: 'Create link' }).click()
  const editorLink = await o.getByLabel('Invite link (editor)').inputValue()
  assert.match(viewerLink, new RegExp(`/#/join/${project.id}/[a-z0-9]{20}$`))
  await screenshot(o, 'invite-links')

  // Bob opens the viewer link (signing in first): he is in, read-only.
  const b = await guests.context.newPage()
  await b.goto(viewerLink)
  await b.getByLabel('Your name').fill('Bob')
  await b.getByRole('button', { name: 'Sign in' }).click()
  await b.locator('[data-testid=connection][data-synced=true]').waitFor({ timeout: 15_000 })
  await b.getByText('View only').waitFor()
  assert.equal(new URL(b.url()).hash, `#/p/${project.id}`)
  // Carol (same browser, signed in as herself) opens the editor link: she can edit.
  await b.evaluate(() => localStorage.removeItem('ensemble.session'))
  const carolToken = await signIn(b, server.url, 'Carol')
  await b.goto(editorLink)
  await b.locator('[data-testid=connection][data-synced=true]').waitFor({ timeout: 15_000 })
  assert.equal(await b.getByText('View only').count(), 0)
  assert.equal(await b.locator('#tempo').isDisabled(), false)
  const members = await api(server.url, ownerToken, 'GET', `/api/projects/${project.id}/members`)
  assert.deepEqual(members.members.map((m) => [m.id, m.role]), [['olivia', 'owner'], ['bob', 'viewer'], ['carol', 'editor']])

  // The owner revokes the editor link: Dan, opening it, is refused with the reason and not let in.
  await o.getByRole('button', { name: 'Revoke editor link' }).click()
  await o.getByText('The editor link is revoked').waitFor()
  await b.evaluate(() => localStorage.removeItem('ensemble.session'))
  const danToken = await signIn(b, server.url, 'Dan')
  await b.goto(editorLink)
  const refusal = b.getByRole('alert').filter({ hasText: 'revoked' })
  await refusal.waitFor()
  assert.equal(await refusal.textContent(), 'this invite link was revoked; ask Olivia for a new one')
  await screenshot(b, 'invite-revoked')
  const res = await fetch(`${server.url}/api/projects/${project.id}`, { headers: { authorization: `Bearer ${danToken}` } })
  assert.equal(res.status, 403, 'Dan is not a member')
  // Revoking lets nobody in but does not throw out who joined: Carol is still an editor.
  assert.equal((await api(server.url, carolToken, 'GET', `/api/projects/${project.id}`)).role, 'editor')
  // A made-up code and a non-owner's attempt to make links are refused too.
  const bad = await fetch(`${server.url}/api/projects/${project.id}/invites/aaaaaaaaaaaaaaaaaaaa/join`,
    { method: 'POST', headers: { authorization: `Bearer ${danToken}` } })
  assert.equal(bad.status, 404)
  const notOwner = await fetch(`${server.url}/api/projects/${project.id}/invites`, { method: 'POST',
    headers: { authorization: `Bearer ${carolToken}`, 'content-type': 'application/json' }, body: JSON.stringify({ role: 'editor' }) })
  assert.equal(notOwner.status, 403)
})
