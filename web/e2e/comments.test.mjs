// Comments in the studio (issue 17), live on another screen: a viewer asks about bars 1–2 of the tenor
// and the owner sees the thread appear in her open studio without reloading; she answers and the
// viewer sees the reply; she comments on a selected note and then deletes it, and the viewer's thread
// says the note was deleted; the viewer resolves his thread and the owner sees it resolved. Real
// server jar, two chromium browsers.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { api, launchBrowser, openStudio, screenshot, signIn, startServer } from './harness.mjs'

let server, alice, vic
before(async () => {
  server = await startServer()
  alice = await launchBrowser()
  vic = await launchBrowser()
})
after(async () => {
  await alice?.close()
  await vic?.close()
  await server?.dispose()
})

test('comments appear live on another screen, a viewer may comment, a deleted note is named', async () => {
  const a = await alice.context.newPage()
  const v = await vic.context.newPage()
  const aliceToken = await signIn(a, server.url, 'Alice')
  await signIn(v, server.url, 'Vic')
  const { id } = await api(server.url, aliceToken, 'POST', '/api/projects', { title: 'Class example', template: 'four-part-chorale' })
  await api(server.url, aliceToken, 'PUT', `/api/projects/${id}/members/vic`, { role: 'viewer', name: 'Vic' })
  await openStudio(a, server.url, id)
  await openStudio(v, server.url, id)
  await v.getByText('View only').waitFor()

  // Vic, a viewer, asks about bars 1–2 of the tenor.
  const vp = v.getByTestId('comments-panel')
  await vp.getByTestId('comment-on').selectOption('bars')
  await vp.getByTestId('comment-track').selectOption('tenor')
  await vp.getByTestId('comment-from').fill('1')
  await vp.getByTestId('comment-to').fill('2')
  await vp.getByTestId('comment-text').fill('Why does the tenor leap up here?')
  await vp.getByTestId('comment-post').click()

  // Alice's open studio shows it without a reload.
  const ap = a.getByTestId('comments-panel')
  const thread = ap.locator('li.thread', { hasText: 'Why does the tenor leap up here?' })
  await thread.waitFor({ timeout: 5000 })
  assert.match(await thread.locator('.anchor').innerText(), /^Tenor, bars 1–2$/)
  assert.match(await thread.locator('.messages li').first().innerText(), /^Vic /)

  // Alice answers; Vic sees the answer.
  await thread.getByLabel('Reply').fill('To reach the chord\'s fifth.')
  await thread.getByRole('button', { name: 'Reply' }).click()
  await vp.locator('li.thread .messages li', { hasText: 'To reach the chord\'s fifth.' }).waitFor({ timeout: 5000 })

  // Alice comments on a selected soprano note, then deletes the note: Vic's thread says so.
  await a.locator('#track-0').check()
  await a.getByTestId('piano-roll').focus()
  await a.keyboard.press('.')
  await a.waitForFunction(() => window.ensembleStudio.roll.selection.size === 1)
  await ap.getByTestId('comment-on').selectOption('selection')
  await ap.getByTestId('comment-text').fill('Keep this note: it is the tonic.')
  await ap.getByTestId('comment-post').click()
  const onNote = vp.locator('li.thread', { hasText: 'Keep this note' })
  await onNote.waitFor({ timeout: 5000 })
  assert.match(await onNote.locator('.anchor').innerText(), /^Soprano: /)
  await a.getByTestId('piano-roll').focus()
  await a.keyboard.press('Delete')
  await onNote.getByTestId('anchor-gone').filter({ hasText: 'The note this comment was on has been deleted.' }).waitFor({ timeout: 5000 })

  // Vic resolves his own thread; Alice sees it resolved.
  await vp.locator('li.thread', { hasText: 'Why does the tenor' }).getByRole('button', { name: 'Resolve' }).click()
  await ap.locator('li.thread[data-resolved=true]', { hasText: 'Why does the tenor' }).getByText('Resolved by Vic').waitFor({ timeout: 5000 })
  await vp.scrollIntoViewIfNeeded()
  await screenshot(v, 'comments-viewer')
  await ap.scrollIntoViewIfNeeded()
  await screenshot(a, 'comments-owner')

  const listed = await api(server.url, aliceToken, 'GET', `/api/projects/${id}/comments`)
  assert.equal(listed.threads.length, 2)
  assert.equal(listed.threads.find((t) => t.messages[0].text.startsWith('Keep')).anchorState.state, 'notes-deleted')
})
