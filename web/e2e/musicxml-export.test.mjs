// MusicXML export (issue 16): "Export MusicXML" downloads a file named after the project's title that
// notation software reads as the document: one part per track with its name, and, read back with the
// browser's own XML parser the way a score is read (measures, backups, chords, ties), exactly the
// document's notes — pitch, start and length — in every part, drums included.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { api, clickRoll, launchBrowser, openNewProject, screenshot, startServer, until } from './harness.mjs'

let server, browser
before(async () => {
  server = await startServer()
  browser = await launchBrowser()
})
after(async () => {
  await browser?.close()
  await server?.dispose()
})

test('the score exports as MusicXML named after the title, with the document\'s parts and notes', async () => {
  const { session: tess, project, page } = await openNewProject(browser, server.url, 'Tess', { title: 'Lesson 3: cadences', template: 'four-part-chorale' })

  // A student's additions: a half note across the barline in the soprano, a drum track with a kick and hi-hat.
  await page.getByLabel('Note length').selectOption('half')
  await clickRoll(page, 0, 1440, 74)
  await page.getByLabel('Role of the new track').selectOption('drums')
  await page.getByRole('button', { name: 'Add track' }).click()
  await page.getByLabel('Note length').selectOption('quarter')
  await clickRoll(page, 4, 0, 36)
  await clickRoll(page, 4, 480, 42)
  const doc = await until(async () => {
    const d = (await api(server.url, tess.token, 'GET', `/api/projects/${project.id}`)).document
    return d.tracks.length === 5 && d.tracks[4].notes.length === 2 && d.tracks[0].notes.some((n) => n.start === 1440) ? d : undefined
  }, 'the edits reached the server')

  const downloaded = page.waitForEvent('download')
  await page.getByText('Export', { exact: true }).click()
  await page.getByRole('button', { name: 'MusicXML (notation)' }).click()
  const download = await downloaded
  assert.equal(download.suggestedFilename(), 'Lesson 3 cadences.musicxml')
  const xml = readFileSync(await download.path(), 'utf8')
  await page.locator('#notice', { hasText: 'Exported Lesson 3 cadences.musicxml.' }).waitFor()

  // Read it back in the page with the browser's XML parser, as a score reader does.
  const parts = await page.evaluate((text) => {
    const d = new DOMParser().parseFromString(text, 'application/xml')
    if (d.querySelector('parsererror')) throw new Error('not well-formed XML')
    const kids = (el, tag) => [...el.children].filter((c) => !tag || c.tagName === tag)
    const val = (el, tag) => kids(el, tag)[0]?.textContent
    const steps = { C: 0, D: 2, E: 4, F: 5, G: 7, A: 9, B: 11 }
    const divisions = Number(d.querySelector('divisions').textContent)
    const beats = Number(d.querySelector('time beats').textContent)
    const beatType = Number(d.querySelector('time beat-type').textContent)
    const bar = divisions * 4 * beats / beatType
    return kids(d.documentElement, 'part').map((part) => {
      const scorePart = [...d.querySelectorAll('score-part')].find((s) => s.getAttribute('id') === part.getAttribute('id'))
      const keys = Object.fromEntries([...scorePart.querySelectorAll('midi-instrument')]
        .filter((m) => val(m, 'midi-unpitched')).map((m) => [m.getAttribute('id'), Number(val(m, 'midi-unpitched')) - 1]))
      const notes = []
      const open = {}
      kids(part, 'measure').forEach((measure, m) => {
        let at = m * bar
        let last = at
        for (const e of kids(measure)) {
          if (e.tagName === 'backup') at -= Number(val(e, 'duration'))
          if (e.tagName === 'forward') at += Number(val(e, 'duration'))
          if (e.tagName !== 'note') continue
          const dur = Number(val(e, 'duration'))
          const chord = kids(e, 'chord').length > 0
          const start = chord ? last : at
          const p = kids(e, 'pitch')[0]
          const pitch = p ? (Number(val(p, 'octave')) + 1) * 12 + steps[val(p, 'step')] + Number(val(p, 'alter') ?? 0)
            : kids(e, 'unpitched').length ? keys[kids(e, 'instrument')[0].getAttribute('id')] : undefined
          if (pitch !== undefined) {
            const ties = kids(e, 'tie').map((t) => t.getAttribute('type'))
            const key = `${val(e, 'voice')}/${pitch}`
            const prev = open[key]
            delete open[key]
            if (ties.includes('stop') && prev) prev.duration += dur
            else notes.push({ pitch, start, duration: dur })
            if (ties.includes('start')) open[key] = prev && ties.includes('stop') ? prev : notes[notes.length - 1]
          }
          if (!chord) { last = at; at += dur }
        }
      })
      return { name: val(scorePart, 'part-name'), notes }
    })
  }, xml)

  const sorted = (notes) => notes.map(({ pitch, start, duration }) => ({ pitch, start, duration }))
    .sort((a, b) => a.start - b.start || a.pitch - b.pitch)
  assert.deepEqual(parts.map((p) => p.name), doc.tracks.map((t) => t.name))
  doc.tracks.forEach((t, i) => assert.deepEqual(sorted(parts[i].notes), sorted(t.notes), `${t.name}'s notes`))
  assert.ok(parts[0].notes.some((n) => n.start === 1440 && n.duration === 960 && n.pitch === 74), 'the tied half note')
  assert.match(xml, /<rights>Copyright \d{4} the four-part chorale template, Tess\.<\/rights>/, `the copyright line, as in the MIDI export: ${/<rights>.*<\/rights>/.exec(xml)}`)
  await screenshot(page, 'musicxml-exported')
  await page.close()
})
