// The project list as its members use it: when each project last changed, the owner renames one in
// place (an empty title refused on screen, nothing changed), an editor duplicates it (the copy is
// theirs, with the same tracks and notes), a viewer is offered neither. Each step checked on the server.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { api, projectsPageAs, screenshot, serverAndBrowser, until } from './harness.mjs'

const env = serverAndBrowser()

const listAs = (session) => projectsPageAs(env.browser, env.server.url, session)

test('last changed, rename in place, duplicate, and who may do which', async () => {
  const alice = await api(env.server.url, undefined, 'POST', '/api/dev/token', { name: 'Alice' })
  const bob = await api(env.server.url, undefined, 'POST', '/api/dev/token', { name: 'Bob' })
  const carol = await api(env.server.url, undefined, 'POST', '/api/dev/token', { name: 'Carol' })
  const hymn = await api(env.server.url, alice.token, 'POST', '/api/projects', { title: 'Hymn', template: 'four-part-chorale', key: 'D major' })
  await api(env.server.url, alice.token, 'PUT', `/api/projects/${hymn.id}/members/${bob.user.id}`, { role: 'editor', name: 'Bob' })
  await api(env.server.url, alice.token, 'PUT', `/api/projects/${hymn.id}/members/${carol.user.id}`, { role: 'viewer', name: 'Carol' })

  const a = await listAs(alice)
  const row = a.locator(`li[data-project="${hymn.id}"]`)
  assert.equal(await row.locator('.changed').innerText(), 'changed just now')
  assert.ok(!Number.isNaN(Date.parse(await row.locator('time').getAttribute('datetime'))))

  // An empty title is refused on screen and nothing is sent.
  await row.getByRole('button', { name: 'Rename Hymn' }).click()
  await row.getByLabel('New title of Hymn').fill('   ')
  await row.getByLabel('New title of Hymn').press('Enter')
  assert.equal(await row.getByLabel('New title of Hymn').evaluate((f) => f.validationMessage), 'A project needs a title.')
  assert.equal((await api(env.server.url, alice.token, 'GET', `/api/projects/${hymn.id}`)).title, 'Hymn')
  // Escape keeps the title; then a real rename.
  await row.getByLabel('New title of Hymn').press('Escape')
  await row.getByRole('link', { name: 'Hymn' }).waitFor()
  await row.getByRole('button', { name: 'Rename Hymn' }).click()
  await row.getByLabel('New title of Hymn').fill('Evening hymn')
  await row.getByLabel('New title of Hymn').press('Enter')
  await row.getByRole('link', { name: 'Evening hymn' }).waitFor()
  const renamed = await api(env.server.url, alice.token, 'GET', `/api/projects/${hymn.id}`)
  assert.equal(renamed.title, 'Evening hymn')
  assert.equal(renamed.document.meta.title, 'Evening hymn', 'the document says the new title too')
  await screenshot(a, 'project-list')

  // Bob (an editor) sees the new title, may duplicate but not rename; the copy is his, at the top.
  const b = await listAs(bob)
  const bobRow = b.locator(`li[data-project="${hymn.id}"]`)
  await bobRow.getByRole('link', { name: 'Evening hymn' }).waitFor()
  assert.equal(await bobRow.getByRole('button', { name: /^Rename/ }).count(), 0)
  await bobRow.getByRole('button', { name: 'Duplicate Evening hymn' }).click()
  const copyLink = b.locator('.project-list li').first().getByRole('link', { name: 'Copy of Evening hymn' })
  await copyLink.waitFor()
  assert.equal(await b.locator('.project-list li').first().locator('.role').innerText(), 'owner')
  const mine = (await api(env.server.url, bob.token, 'GET', '/api/projects')).projects
  const copy = mine.find((p) => p.title === 'Copy of Evening hymn')
  assert.equal(copy.owner.id, bob.user.id)
  const [source, copied] = await Promise.all([hymn.id, copy.id].map((id) => api(env.server.url, bob.token, 'GET', `/api/projects/${id}`)))
  assert.deepEqual(copied.document.tracks, source.document.tracks, 'the same tracks, settings and notes')
  assert.deepEqual(copied.document.meta.key, { tonic: 'D', mode: 'major' })
  await copyLink.click()
  await b.locator('[data-testid=connection][data-synced=true]').waitFor({ timeout: 15_000 })
  await b.locator('label[for=track-0]', { hasText: '4 notes' }).waitFor()

  // Carol (a viewer) is offered neither.
  const c = await listAs(carol)
  const carolRow = c.locator(`li[data-project="${hymn.id}"]`)
  await carolRow.getByRole('link', { name: 'Evening hymn' }).waitFor()
  assert.equal(await carolRow.getByRole('button', { name: /^(Rename|Duplicate)/ }).count(), 0)

  // The list puts the project changed last first: the copy is above the source until the source changes.
  const order = async () => {
    const page = await listAs(bob)
    await page.locator('.project-list li[data-project]').nth(1).waitFor()
    const ids = await page.locator('.project-list li[data-project]').evaluateAll((els) => els.map((e) => e.dataset.project))
    await page.close()
    return ids
  }
  assert.deepEqual(await order(), [copy.id, hymn.id])
  await new Promise((r) => setTimeout(r, 1100)) // the times are to the millisecond; a second apart is unmistakable
  await api(env.server.url, alice.token, 'PATCH', `/api/projects/${hymn.id}`, { title: 'Evening hymn, second verse' })
  await until(async () => (await order()).join() === [hymn.id, copy.id].join(), 'the changed source moves to the top of Bob\'s list')
  await Promise.all([a, b, c].map((p) => p.close()))
})
