// Importing a MIDI file from the projects page: a file written by javax.sound.midi (e2e/fixtures/
// MakeMidi.java) opens as a new project with its tracks, roles, tempo, key and time signature; a file
// with a zero-length note is refused with the reason, and no project is made of it. In the studio, the
// same file's tracks are added to an open project as the importer's edit; a bad or truncated file is
// refused on screen and the project is unchanged.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { api, launchBrowser, noteCount, openNewProject, projectsPageAs, screenshot, signIn, startServer, until } from './harness.mjs'

let server, browser, files
before(async () => {
  files = mkdtempSync(join(tmpdir(), 'ensemble-midi-'))
  execFileSync('java', [join(import.meta.dirname, 'fixtures', 'MakeMidi.java'), files])
  server = await startServer()
  browser = await launchBrowser()
})
after(async () => {
  await browser?.close()
  await server?.dispose()
  if (files) rmSync(files, { recursive: true, force: true })
})

test('a MIDI file becomes a project; a bad one is refused and changes nothing', async () => {
  const page = await browser.context.newPage()
  const token = await signIn(page, server.url, 'Ines')
  await screenshot(page, 'import-form')

  // The bad file first: refused with its reason, no project made.
  await page.getByLabel('MIDI or MusicXML file', { exact: true }).setInputFiles(join(files, 'zero-length.mid'))
  await page.getByRole('button', { name: 'Import' }).click()
  await page.getByRole('alert').filter({ hasText: 'zero length' }).waitFor()
  assert.match(await page.getByRole('alert').filter({ hasText: 'zero length' }).textContent(),
    /^cannot import this file: track 1 has a note of zero length \(pitch 60 at tick 480\)/)
  assert.equal((await api(server.url, token, 'GET', '/api/projects')).projects.length, 0)

  await page.getByLabel('MIDI or MusicXML file', { exact: true }).setInputFiles(join(files, 'chorale.mid'))
  await page.getByRole('button', { name: 'Import' }).click()
  await page.locator('[data-testid=connection][data-synced=true]').waitFor({ timeout: 15_000 })
  assert.equal(await page.locator('h1').textContent(), 'chorale')
  assert.equal(await page.locator('#tempo').inputValue(), '96')
  assert.equal(await page.locator('#key-tonic').inputValue(), 'E')
  assert.equal(await page.locator('#key-mode').inputValue(), 'minor')
  assert.equal(await page.locator('#ts-num').inputValue(), '3')
  assert.equal(await noteCount(page, 'Soprano line'), 3)
  assert.equal(await noteCount(page, 'Kit'), 3)
  const roles = await page.evaluate(() => window.ensembleStudio.model.read().tracks.map((t) => [t.name, t.role]))
  assert.deepEqual(roles, [['Soprano line', 'soprano'], ['Alto line', 'alto'], ['Tenor line', 'tenor'], ['Bass line', 'bass'], ['Kit', 'drums']])
  await screenshot(page, 'import-opened')
})

test('a MIDI file imported into the open project adds its tracks; a bad one changes nothing', async () => {
  const { session, project, page } = await openNewProject(browser, server.url, 'Jun', { title: 'Into', template: 'four-part-chorale', key: 'G major' })
  const tracks = async () => (await api(server.url, session.token, 'GET', `/api/projects/${project.id}`)).document.tracks
  const before = await tracks()
  const notice = page.getByTestId('notice')

  // A file cut short, then one with a zero-length note: each refused with its reason, nothing added.
  const whole = readFileSync(join(files, 'chorale.mid'))
  writeFileSync(join(files, 'cut.mid'), whole.subarray(0, whole.length - 9))
  await page.locator('#import-into-file').setInputFiles(join(files, 'cut.mid'))
  await notice.filter({ hasText: 'Could not import cut.mid' }).waitFor()
  assert.match(await notice.innerText(), /the file is truncated.*Nothing was changed/)
  await page.locator('#import-into-file').setInputFiles(join(files, 'zero-length.mid'))
  await notice.filter({ hasText: 'Could not import zero-length.mid' }).waitFor()
  assert.match(await notice.innerText(), /a note of zero length/)
  assert.deepEqual(await tracks(), before)

  // The good file, through the menu button as a person would: its five tracks after the project's four.
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: 'Import MIDI…' }).click()
  await (await chooser).setFiles(join(files, 'chorale.mid'))
  await notice.filter({ hasText: 'Imported 5 tracks (14 notes) from chorale.mid' }).waitFor()
  await page.waitForFunction(() => document.querySelectorAll('.track-list .track').length === 9)
  assert.equal(await noteCount(page, 'Soprano line'), 3)
  assert.equal(await noteCount(page, 'Kit'), 3)
  assert.equal(await noteCount(page, 'Soprano'), 4, 'the project\'s own tracks are kept')
  const after = await tracks()
  assert.deepEqual(after.slice(0, 4), before)
  assert.deepEqual(after.slice(4).map((t) => [t.name, t.role, t.notes.length]),
    [['Soprano line', 'soprano', 3], ['Alto line', 'alto', 3], ['Tenor line', 'tenor', 2], ['Bass line', 'bass', 3], ['Kit', 'drums', 3]])
  assert.deepEqual(after[4].notes.map((n) => [n.pitch, n.start, n.duration]), [[76, 0, 480], [74, 480, 480], [71, 960, 960]])
  // The first imported track is the one being written; the ledger credits Jun with its notes.
  await until(() => page.evaluate((id) => window.ensembleStudio.roll.caret.trackId === id, after[4].id), 'the imported track is active')
  const credit = await api(server.url, session.token, 'GET', `/api/projects/${project.id}/attribution/notes/${after[4].notes[0].id}`)
  assert.equal(credit.createdBy.name, 'Jun')
  await screenshot(page, 'import-into')
  await page.close()
})

test('a MusicXML score (the studio\'s own export) becomes a project with the same notes; an entity is refused', async () => {
  const kai = await api(server.url, undefined, 'POST', '/api/dev/token', { name: 'Kai' })
  const token = kai.token
  const page = await projectsPageAs(browser, server.url, kai)
  const source = await api(server.url, token, 'POST', '/api/projects', { title: 'Source', template: 'four-part-chorale', key: 'A minor' })
  const xml = await (await fetch(`${server.url}/api/projects/${source.id}/export.musicxml`, { headers: { authorization: `Bearer ${token}` } })).text()
  writeFileSync(join(files, 'hymn.musicxml'), xml)
  writeFileSync(join(files, 'sneaky.musicxml'),
    '<?xml version="1.0"?><!DOCTYPE score-partwise [<!ENTITY x SYSTEM "file:///etc/passwd">]><score-partwise>&x;</score-partwise>')
  const had = (await api(server.url, token, 'GET', '/api/projects')).projects.length

  await page.getByLabel('MIDI or MusicXML file', { exact: true }).setInputFiles(join(files, 'sneaky.musicxml'))
  await page.getByRole('button', { name: 'Import' }).click()
  await page.getByRole('alert').filter({ hasText: 'entities' }).waitFor()
  assert.match(await page.getByRole('alert').filter({ hasText: 'entities' }).textContent(), /^cannot import this score: the file declares XML entities/)
  assert.equal((await api(server.url, token, 'GET', '/api/projects')).projects.length, had)

  await page.getByLabel('MIDI or MusicXML file', { exact: true }).setInputFiles(join(files, 'hymn.musicxml'))
  await page.getByRole('button', { name: 'Import' }).click()
  await page.locator('[data-testid=connection][data-synced=true]').waitFor({ timeout: 15_000 })
  assert.equal(await page.locator('h1').textContent(), 'hymn')
  assert.equal(await page.locator('#key-tonic').inputValue(), 'A')
  assert.equal(await page.locator('#key-mode').inputValue(), 'minor')
  const id = decodeURIComponent(/#\/p\/([^/]+)/.exec(page.url())[1])
  const notesOf = async (pid) => (await api(server.url, token, 'GET', `/api/projects/${pid}`)).document.tracks
    .map((t) => [t.name, t.role, t.notes.map((n) => [n.pitch, n.start, n.duration, n.velocity]).sort()])
  assert.deepEqual(await notesOf(id), await notesOf(source.id))
  assert.equal(await noteCount(page, 'Soprano'), 4)
  await page.close()
})
