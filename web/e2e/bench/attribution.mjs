// What the attribution view costs on a big project (a benchmark, not a test): draw times of the roll
// coloured by track and by author with every one of 5,000 notes in view, and how long the server
// takes to answer the statistics the panel reads (at most once a second) and the per-note report
// the author colours and hover card use (at most every 3 s), with the report's size.
// Usage: node e2e/bench/attribution.mjs [--notes 5000]. Prints a table; JSON in test-results/bench-attribution.json.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { api, artifacts, launchBrowser, openStudio, signIn, startServer, until } from '../harness.mjs'

const arg = (name, d) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? Number(process.argv[i + 1]) : d }
const NOTES = arg('notes', 5000)
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)] }
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(s.length * p))] }
const r1 = (x) => Math.round(x * 10) / 10
const results = { notes: NOTES }

const server = await startServer()
const browser = await launchBrowser()
try {
  const page = await browser.context.newPage()
  page.on('pageerror', (e) => console.error('page error:', e))
  const token = await signIn(page, server.url, 'Bench')
  const project = await api(server.url, token, 'POST', '/api/projects', { title: 'Big', template: 'empty' })
  await openStudio(page, server.url, project.id)
  await page.evaluate((count) => {
    const { model } = window.ensembleStudio
    const roles = ['soprano', 'alto', 'tenor', 'bass']
    const base = [67, 60, 55, 43]
    const ids = roles.map((r) => model.addTrack({ name: r, role: r, instrument: 52 }))
    ids.forEach((id, t) => model.addNotes(id, Array.from({ length: Math.ceil(count / 4) },
      (_, i) => ({ pitch: base[t] + ((i * 5) % 12), start: i * 240, duration: 240, velocity: 80 }))))
  }, NOTES)
  await until(async () => {
    const stored = await api(server.url, token, 'GET', `/api/projects/${project.id}`)
    return stored.document.tracks.reduce((s, t) => s + t.notes.length, 0) >= NOTES
  }, 'the server holds every note', 60_000)

  // Server answers, timed from the browser (each replays the project's log on the server).
  const timed = (path) => page.evaluate(async ([p, t]) => {
    const out = []
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now()
      const body = await (await fetch(p, { headers: { authorization: `Bearer ${t}` } })).text()
      out.push({ ms: performance.now() - t0, bytes: body.length })
    }
    return out
  }, [path, token])
  for (const [name, path] of [['stats', ''], ['report', '/report']]) {
    const runs = await timed(`/api/projects/${project.id}/attribution${path}`)
    results[name] = { msMedian: r1(median(runs.map((r) => r.ms))), msMax: r1(Math.max(...runs.map((r) => r.ms))), bytes: runs[0].bytes }
  }

  // Draw times with every note in view, by track and by author (after the ledger's report arrived).
  const draws = (mode) => page.evaluate(async (mode) => {
    const { roll } = window.ensembleStudio
    const view = window.ensembleAttribution.view
    view.setMode(mode)
    if (mode === 'author') {
      const first = roll.layout().snap.tracks[0].notes[0].id
      const deadline = performance.now() + 30_000
      while (view.credit(first)?.from !== 'ledger' && performance.now() < deadline) await new Promise((r) => setTimeout(r, 100))
    }
    roll.pxPerTick = Math.max(0.005, (roll.el.clientWidth - 80) / 1_250 / 240)
    const out = []
    for (let i = 0; i < 120; i++) {
      roll.el.scrollTop = (i * 4) % Math.max(1, roll.el.scrollHeight - roll.el.clientHeight)
      roll.draw()
      out.push(roll.lastDrawMs)
      await new Promise((r) => requestAnimationFrame(r))
    }
    roll.pxPerTick = 0.1
    return out
  }, mode)
  for (const mode of ['track', 'author']) {
    const d = await draws(mode)
    results[`draw-${mode}`] = { frames: d.length, p50: r1(median(d)), p95: r1(pct(d, 0.95)), max: r1(Math.max(...d)) }
  }
} catch (e) {
  console.error('benchmark failed:', e, JSON.stringify(results))
  process.exitCode = 1
} finally {
  await browser.close()
  await server.dispose()
}
if (process.exitCode) process.exit()
writeFileSync(join(artifacts, 'bench-attribution.json'), JSON.stringify(results, null, 2))
console.log(`
| measure (${NOTES} notes, all in view) | result |
| :- | -: |
| draw, coloured by track: p50 / p95 / max | ${results['draw-track'].p50} / ${results['draw-track'].p95} / ${results['draw-track'].max} ms |
| draw, coloured by author: p50 / p95 / max | ${results['draw-author'].p50} / ${results['draw-author'].p95} / ${results['draw-author'].max} ms |
| GET …/attribution (the panel's statistics): median / max of 5; size | ${results.stats.msMedian} / ${results.stats.msMax} ms; ${(results.stats.bytes / 1024).toFixed(1)} kB |
| GET …/attribution/report (per-note authors): median / max of 5; size | ${results.report.msMedian} / ${results.report.msMax} ms; ${(results.report.bytes / 1024).toFixed(1)} kB |
`)
