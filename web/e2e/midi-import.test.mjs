// Importing a MIDI file from the projects page: a file written by javax.sound.midi (e2e/fixtures/
// MakeMidi.java) opens as a new project with its tracks, roles, tempo, key and time signature; a file
// with a zero-length note is refused with the reason, and no project is made of it.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { api, launchBrowser, noteCount, screenshot, signIn, startServer } from './harness.mjs'

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
  await page.getByLabel('MIDI file', { exact: true }).setInputFiles(join(files, 'zero-length.mid'))
  await page.getByRole('button', { name: 'Import' }).click()
  await page.getByRole('alert').filter({ hasText: 'zero length' }).waitFor()
  assert.match(await page.getByRole('alert').filter({ hasText: 'zero length' }).textContent(),
    /^cannot import this file: track 1 has a note of zero length \(pitch 60 at tick 480\)/)
  assert.equal((await api(server.url, token, 'GET', '/api/projects')).projects.length, 0)

  await page.getByLabel('MIDI file', { exact: true }).setInputFiles(join(files, 'chorale.mid'))
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
