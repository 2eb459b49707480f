// Audio export (issue 16): the studio's "Export audio" has the server render the mix to WAV off its
// event loop, shows the render's progress, and downloads a file named after the project's title whose
// level is not silent and whose length follows the tempo (the last note's end at the project's tempo,
// plus the 2 s tail). A stranger is refused by the one access check.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { api, launchBrowser, openNewProject, screenshot, startServer, until } from './harness.mjs'

let server, browser
before(async () => {
  server = await startServer()
  browser = await launchBrowser()
})
after(async () => {
  await browser?.close()
  await server?.dispose()
})

/** The WAV's format, its frame count and its peak and RMS level (16-bit PCM). */
function readWav(bytes) {
  const buf = Buffer.from(bytes)
  assert.equal(buf.toString('ascii', 0, 4), 'RIFF')
  assert.equal(buf.toString('ascii', 8, 12), 'WAVE')
  let at = 12
  let fmt, data
  while (at + 8 <= buf.length) {
    const id = buf.toString('ascii', at, at + 4)
    const size = buf.readUInt32LE(at + 4)
    if (id === 'fmt ') fmt = { channels: buf.readUInt16LE(at + 10), rate: buf.readUInt32LE(at + 12), bits: buf.readUInt16LE(at + 22) }
    if (id === 'data') { data = buf.subarray(at + 8, at + 8 + size); break }
    at += 8 + size + (size % 2)
  }
  let peak = 0
  let sum = 0
  for (let i = 0; i + 1 < data.length; i += 2) {
    const v = data.readInt16LE(i)
    peak = Math.max(peak, Math.abs(v))
    sum += v * v
  }
  return { ...fmt, frames: data.length / (fmt.channels * fmt.bits / 8), peak, rms: Math.sqrt(sum / (data.length / 2)) }
}

test('the mix exports as a WAV named after the title, not silent, as long as the tempo says', async () => {
  const { session: amy, project, page } = await openNewProject(browser, server.url, 'Amy', { title: 'Evening Song', template: 'four-part-chorale' })

  // Tempo 150 (the chorale's own is 72): the file's length must follow it.
  await page.locator('#tempo').fill('150')
  await page.locator('#tempo').press('Enter')
  await until(async () => (await api(server.url, amy.token, 'GET', `/api/projects/${project.id}`)).document.meta.tempoBpm === 150,
    'the tempo reached the server')
  const doc = (await api(server.url, amy.token, 'GET', `/api/projects/${project.id}`)).document
  const end = Math.max(...doc.tracks.flatMap((t) => t.notes.map((n) => n.start + n.duration)))
  const expectedFrames = Math.round((end / doc.meta.ticksPerQuarter * 60 / 150 + 2) * 44_100)

  const downloaded = page.waitForEvent('download', { timeout: 120_000 })
  await page.getByText('Export', { exact: true }).click()
  await page.getByRole('button', { name: 'Audio (WAV)' }).click()
  // The progress bar shows while the server renders (the button is disabled meanwhile).
  await page.locator('#audio-progress').waitFor()
  assert.match(await page.locator('#audio-status').textContent(), /^\d+ %$/)
  await screenshot(page, 'audio-export-progress')
  const download = await downloaded
  assert.equal(download.suggestedFilename(), 'Evening Song.wav')
  const wav = readWav(readFileSync(await download.path()))
  assert.deepEqual([wav.channels, wav.rate, wav.bits], [2, 44_100, 16])
  assert.equal(wav.frames, expectedFrames, `the length follows tempo 150: ${end} ticks → ${expectedFrames} frames`)
  assert.ok(wav.peak > 3000 && wav.rms > 100, `the mix is not silent: peak ${wav.peak}, rms ${wav.rms.toFixed(0)}`)
  await page.locator('#notice', { hasText: /Exported Evening Song\.wav \(0:\d\d\)\./ }).waitFor()
  assert.ok(await page.locator('.audio-export').isHidden(), 'the progress bar is gone')

  // The server names the file after the title too, and keeps the one access check: a stranger gets 403.
  const renders = await api(server.url, amy.token, 'POST', `/api/projects/${project.id}/export.wav`)
  const stranger = await api(server.url, undefined, 'POST', '/api/dev/token', { name: 'Stan' })
  const refused = await fetch(`${server.url}/api/projects/${project.id}/export.wav/${renders.id}`, { headers: { authorization: `Bearer ${stranger.token}` } })
  assert.equal(refused.status, 403)
  assert.match((await refused.json()).error, /not a member of "Evening Song"; ask its owner, Amy/)
  await until(async () => (await api(server.url, amy.token, 'GET', `/api/projects/${project.id}/export.wav/${renders.id}`)).state === 'done',
    'the second render finishes', 120_000)
  const file = await fetch(`${server.url}/api/projects/${project.id}/export.wav/${renders.id}/file`, { headers: { authorization: `Bearer ${amy.token}` } })
  assert.equal(file.headers.get('content-type'), 'audio/wav')
  assert.match(file.headers.get('content-disposition'), /filename="Evening Song\.wav"/)
  await page.close()
})
