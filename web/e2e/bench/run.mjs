// The studio's speed, measured in Debian's chromium against the real server (a benchmark, not a test):
//   1. shipped JavaScript, gzipped;  2. opening a 5,000-note project;  3. frame times while scrolling
//   and while playing that project;  4. a remote edit: from one browser's edit to the other's screen.
// Usage: node e2e/bench/run.mjs [--notes 5000] [--repeat 5]. Prints a table; JSON in test-results/bench.json.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { api, artifacts, launchBrowser, openStudio, repo, signIn, startServer, until } from '../harness.mjs'

const arg = (name, d) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? Number(process.argv[i + 1]) : d }
const NOTES = arg('notes', 5000)
const REPEAT = arg('repeat', 5)
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)] }
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(s.length * p))] }
const r1 = (x) => Math.round(x * 10) / 10
const results = {}

// 1. Bundle size.
const assets = join(repo, 'web', 'dist', 'assets')
let raw = 0
let gz = 0
for (const f of readdirSync(assets).filter((f) => f.endsWith('.js'))) {
  const b = readFileSync(join(assets, f))
  raw += b.length
  gz += gzipSync(b, { level: 9 }).length
}
results.bundle = { jsBytes: raw, jsGzipBytes: gz }

const server = await startServer()
const browsers = []
try {
  const writer = await launchBrowser()
  browsers.push(writer)
  const w = await writer.context.newPage()
  w.on('pageerror', (e) => console.error('writer page error:', e))
  const token = await signIn(w, server.url, 'Bench')
  const project = await api(server.url, token, 'POST', '/api/projects', { title: 'Big', template: 'empty' })
  await openStudio(w, server.url, project.id)
  // 5,000 notes over four lanes: eighth notes of a walking pattern, written in one transaction.
  await w.evaluate((count) => {
    const { model } = window.ensembleStudio
    const roles = ['soprano', 'alto', 'tenor', 'bass']
    const base = [67, 60, 55, 43]
    const ids = roles.map((r) => model.addTrack({ name: r, role: r, instrument: 52 }))
    model.doc.transact(() => {
      ids.forEach((id, t) => {
        const per = Math.ceil(count / 4) - (t < count % 4 || count % 4 === 0 ? 0 : 1)
        model.addNotes(id, Array.from({ length: per }, (_, i) => ({ pitch: base[t] + ((i * 5) % 12), start: i * 240, duration: 240, velocity: 80 })))
      })
    }, Symbol.for('bench'))
  }, NOTES)
  await until(async () => {
    const stored = await api(server.url, token, 'GET', `/api/projects/${project.id}`)
    return stored.document.tracks.reduce((s, t) => s + t.notes.length, 0) === NOTES
  }, `the server holds all ${NOTES} notes`, 30_000)

  // 2. Open it: from navigation start to the first frame drawn with every note, in a fresh browser.
  const opens = []
  for (let i = 0; i < REPEAT; i++) {
    const b = await launchBrowser()
    const p = await b.context.newPage()
    await p.goto(`${server.url}/#/`)
    await p.evaluate((t) => localStorage.setItem('ensemble.session', JSON.stringify({ token: t, user: { id: 'bench', name: 'Bench' } })), token)
    await p.goto(`${server.url}/#/p/${project.id}`, { waitUntil: 'commit' })
    await p.reload({ waitUntil: 'commit' })
    const at = await p.waitForFunction((n) => {
      const s = window.ensembleStudio
      return s && s.model.read().notes.size === n && s.roll.lastDrawMs > 0 ? performance.now() : false
    }, NOTES, { polling: 'raf', timeout: 30_000 })
    opens.push(await at.jsonValue())
    await b.close()
  }
  results.open = { notes: NOTES, msMedian: r1(median(opens)), msMax: r1(Math.max(...opens)), runs: opens.map(r1) }

  // 3. Frame times: scrolling (at the default zoom and zoomed out so that every note is in view) and playing.
  const frames = (mode) => w.evaluate(async (mode) => {
    const { roll } = window.ensembleStudio
    const seconds = 4
    if (mode === 'scroll-all') { roll.pxPerTick = Math.max(0.005, (roll.el.clientWidth - 80) / 1_250 / 240); roll.draw() }
    if (mode === 'play') document.getElementById('play').click()
    const gaps = []
    const draws = []
    let last = performance.now()
    const end = last + seconds * 1000
    await new Promise((done) => {
      const step = (now) => {
        gaps.push(now - last)
        last = now
        if (mode !== 'play') {
          roll.el.scrollLeft = (roll.el.scrollLeft + 24) % Math.max(1, roll.el.scrollWidth - roll.el.clientWidth)
          if (mode === 'scroll-all') roll.el.scrollTop = (roll.el.scrollTop + 4) % Math.max(1, roll.el.scrollHeight - roll.el.clientHeight)
        }
        requestAnimationFrame(() => draws.push(roll.lastDrawMs))
        if (now < end) requestAnimationFrame(step)
        else done()
      }
      requestAnimationFrame(step)
    })
    if (mode === 'play') document.getElementById('play').click()
    roll.pxPerTick = 0.1
    return { gaps: gaps.slice(1), draws }
  }, mode)
  results.frames = {}
  for (const mode of ['scroll', 'scroll-all', 'play']) {
    const { gaps, draws } = await frames(mode)
    results.frames[mode] = {
      frames: gaps.length, p50: r1(median(gaps)), p95: r1(pct(gaps, 0.95)), p99: r1(pct(gaps, 0.99)), max: r1(Math.max(...gaps)),
      over25ms: gaps.filter((g) => g > 25).length, drawP50: r1(median(draws)), drawP95: r1(pct(draws, 0.95)),
    }
  }

  // 4. Remote edit: browser A adds a note; B's next frame after the update arrives has drawn it.
  const other = await launchBrowser()
  browsers.push(other)
  const b = await other.context.newPage()
  await signIn(b, server.url, 'Bench')
  await openStudio(b, server.url, project.id)
  const latencies = []
  for (let i = 0; i < 40; i++) {
    // Listen first (and wait until B listens), then edit in A.
    await b.evaluate(() => {
      window.benchSeen = new Promise((done) => {
        const off = window.ensembleStudio.model.onChange(() => {
          off()
          // The roll redraws in the animation frame its own listener requested; ours runs right after it.
          requestAnimationFrame(() => done(performance.timeOrigin + performance.now()))
        })
      })
    })
    const sent = await w.evaluate((i) => {
      const { model } = window.ensembleStudio
      const t = performance.timeOrigin + performance.now()
      model.addNotes(model.read().tracks[0].id, [{ pitch: 72, start: 400_000 + i * 240, duration: 240, velocity: 90 }])
      return t
    }, i)
    latencies.push((await b.evaluate(() => window.benchSeen)) - sent)
  }
  results.remoteEdit = { samples: latencies.length, msMedian: r1(median(latencies)), msP95: r1(pct(latencies, 0.95)), msMax: r1(Math.max(...latencies)) }
} catch (e) {
  console.error('benchmark failed:', e, JSON.stringify(results))
  process.exitCode = 1
} finally {
  for (const b of browsers) await b.close()
  await server.dispose()
}

if (process.exitCode) process.exit()
writeFileSync(join(artifacts, 'bench.json'), JSON.stringify(results, null, 2))
const f = results.frames
console.log(`
| measure | result |
| :- | -: |
| shipped JavaScript | ${(results.bundle.jsBytes / 1024).toFixed(1)} kB, ${(results.bundle.jsGzipBytes / 1024).toFixed(1)} kB gzipped |
| open a ${NOTES}-note project (navigation → first frame with every note; median of ${REPEAT}, max) | ${results.open.msMedian} ms, ${results.open.msMax} ms |
| scroll, default zoom: frame interval p50 / p95 / p99 / max; frames over 25 ms; draw p50 / p95 | ${f.scroll.p50} / ${f.scroll.p95} / ${f.scroll.p99} / ${f.scroll.max} ms; ${f.scroll.over25ms} of ${f.scroll.frames}; ${f.scroll.drawP50} / ${f.scroll.drawP95} ms |
| scroll, every note in view: same | ${f['scroll-all'].p50} / ${f['scroll-all'].p95} / ${f['scroll-all'].p99} / ${f['scroll-all'].max} ms; ${f['scroll-all'].over25ms} of ${f['scroll-all'].frames}; ${f['scroll-all'].drawP50} / ${f['scroll-all'].drawP95} ms |
| play: same | ${f.play.p50} / ${f.play.p95} / ${f.play.p99} / ${f.play.max} ms; ${f.play.over25ms} of ${f.play.frames}; ${f.play.drawP50} / ${f.play.drawP95} ms |
| remote edit, edit in A → drawn in B (median / p95 / max of ${results.remoteEdit.samples}) | ${results.remoteEdit.msMedian} / ${results.remoteEdit.msP95} / ${results.remoteEdit.msMax} ms |
`)
