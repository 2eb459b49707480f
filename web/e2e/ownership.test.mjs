// Ownership, licence and consent where people meet them: the terms at sign-in and in a project's
// info, the owner's training switch, the AI panel's plain words and model card, and the account's
// export and deletion.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { api, clickRoll, launchBrowser, openStudio, screenshot, serverNotes, signIn, startServer, until } from './harness.mjs'

let server, browser

/** Signs in as {@code name} in a context where someone else may be signed in (one localStorage). */
async function signInAs(page, name) {
  await page.goto(`${server.url}/#/`)
  await page.evaluate(() => localStorage.removeItem('ensemble.session'))
  await page.reload()
  return signIn(page, server.url, name)
}
before(async () => {
  server = await startServer()
  browser = await launchBrowser()
})
after(async () => {
  await browser?.close()
  await server?.dispose()
})

test('the terms are shown at sign-in', async () => {
  const page = await browser.context.newPage()
  await page.goto(`${server.url}/#/`)
  await page.evaluate(() => localStorage.removeItem('ensemble.session'))
  await page.reload()
  await page.getByText('Who owns what in Ensemble').click()
  await page.getByText('AI suggestions you accept become part of your work').waitFor()
  assert.match(await page.getByTestId('terms').innerText(), /The people who write a project own it/)
  await screenshot(page, 'terms-signin')
  await page.close()
})

test('the owner allows and withdraws training in the project\'s info; an editor only sees it', async () => {
  const page = await browser.context.newPage()
  const token = await signInAs(page, 'Olga')
  const project = await api(server.url, token, 'POST', '/api/projects', { title: 'Motet', template: 'four-part-chorale', key: 'D minor' })
  await api(server.url, token, 'PUT', `/api/projects/${project.id}/members/ben`, { role: 'editor', name: 'Ben' })
  await page.goto(`${server.url}/#/p/${project.id}/members`)
  const box = page.locator('#training-opt-in')
  await page.getByText('This project is not used to train any model.').waitFor()
  assert.equal(await box.isChecked(), false)
  assert.match(await page.getByTestId('terms').innerText(), /attribution record says who wrote what/)
  await box.check()
  await page.getByText(/may be used to train/).waitFor()
  assert.equal((await api(server.url, token, 'GET', `/api/projects/${project.id}/training`)).optIn, true)
  await screenshot(page, 'ownership-owner')
  await box.uncheck()
  await page.getByText('This project is not used to train any model.').waitFor()
  assert.equal((await api(server.url, token, 'GET', `/api/projects/${project.id}/training`)).optIn, false)

  const editor = await browser.context.newPage()
  await signInAs(editor, 'Ben')
  await editor.goto(`${server.url}/#/p/${project.id}/members`)
  await editor.getByText('This project is not used to train any model.').waitFor()
  assert.equal(await editor.locator('#training-opt-in').isDisabled(), true)
  await editor.close()
  await page.close()
})

test('the owner anonymizes someone who wrote in the project', async () => {
  const paula = (await api(server.url, undefined, 'POST', '/api/dev/token', { name: 'Paula' })).token
  const project = await api(server.url, paula, 'POST', '/api/projects', { title: 'Duet', template: 'four-part-chorale', key: 'C major' })
  await api(server.url, paula, 'PUT', `/api/projects/${project.id}/members/quinn`, { role: 'editor', name: 'Quinn' })
  const count = async () => Object.values(await serverNotes(server.url, paula, project.id)).flat().length
  const before = await count()
  const writer = await browser.context.newPage()
  await signInAs(writer, 'Quinn')
  await openStudio(writer, server.url, project.id)
  await clickRoll(writer, 0, 3840, 70)
  await until(async () => (await count()) === before + 1, 'Quinn\'s note stored')
  await writer.close()

  const page = await browser.context.newPage()
  await signInAs(page, 'Paula')
  await page.goto(`${server.url}/#/p/${project.id}/members`)
  page.once('dialog', (d) => d.accept('Former member'))
  await page.getByRole('button', { name: 'Anonymize Quinn' }).click()
  await page.getByText('Quinn is now shown as Former member.').waitFor()
  await screenshot(page, 'ownership-anonymized')
  const report = await fetch(`${server.url}/api/projects/${project.id}/attribution/report.txt`,
    { headers: { authorization: `Bearer ${paula}` } }).then((r) => r.text())
  assert.match(report, /Former member/)
  assert.doesNotMatch(report, /Quinn|quinn/)
  await page.close()
})

test('the AI panel says what the model learned from and shows its card', async () => {
  const page = await browser.context.newPage()
  const token = await signInAs(page, 'Ada')
  const project = await api(server.url, token, 'POST', '/api/projects', { title: 'Chorale', template: 'four-part-chorale', key: 'G major' })
  await openStudio(page, server.url, project.id)
  await page.getByText('What did this AI learn from?').click()
  const note = page.getByTestId('ai-model-note')
  assert.match(await note.innerText(), /Bach's four-part chorales: music in the public domain, in a research encoding whose licence/)
  assert.match(await note.innerText(), /No user's work is used for training/)
  await page.getByRole('button', { name: 'Read the model card' }).click()
  await page.locator('pre.model-card').getByText(/Data and licence status/).waitFor()
  await page.locator('#ai-panel').screenshot({ path: new URL('../test-results/ai-model-note.png', import.meta.url).pathname })
  await page.close()
})

test('a person exports all their projects, then deletes their account', async () => {
  const page = await browser.context.newPage()
  const token = await signInAs(page, 'Dora')
  const mine = await api(server.url, token, 'POST', '/api/projects', { title: 'Mine', template: 'empty' })
  const otherToken = (await api(server.url, undefined, 'POST', '/api/dev/token', { name: 'Eli' })).token
  const theirs = await api(server.url, otherToken, 'POST', '/api/projects', { title: 'Theirs', template: 'empty' })
  await api(server.url, otherToken, 'PUT', `/api/projects/${theirs.id}/members/dora`, { role: 'editor', name: 'Dora' })
  await page.reload()
  await page.getByRole('heading', { name: 'Your data' }).waitFor()
  const href = await page.getByRole('link', { name: /Export all my projects/ }).getAttribute('href')
  const exported = await page.evaluate((h) => fetch(h).then((r) => r.json()), href)
  assert.deepEqual(exported.projects.map((p) => p.title).sort(), ['Mine', 'Theirs'])
  await screenshot(page, 'account-section')

  page.once('dialog', (d) => d.accept())
  await page.getByRole('button', { name: 'Delete my account' }).click()
  await page.getByRole('button', { name: 'Sign in' }).waitFor()
  const gone = await fetch(`${server.url}/api/projects`, { headers: { authorization: `Bearer ${token}` } })
  assert.equal(gone.status, 401)
  const left = await api(server.url, otherToken, 'GET', `/api/projects/${theirs.id}`)
  assert.deepEqual(left.members, {})
  const mineNow = await fetch(`${server.url}/api/projects/${mine.id}`, { headers: { authorization: `Bearer ${otherToken}` } })
  assert.equal(mineNow.status, 404)
  await page.close()
})
