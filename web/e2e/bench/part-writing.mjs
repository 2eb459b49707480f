// What the live part-writing check costs the studio on every edit (issue 17), in Debian's chromium against
// the real server (a benchmark, not a test). A 200-bar, four-voice piece (soprano, alto, tenor and bass
// walking in quarter notes with some eighths, inside their ranges, so the rules find things); then edits
// of one note's pitch, one at a time, each followed by two frames:
//   check: what the Part writing panel's check took (the texture, every rule, the markers, the list);
//   checker alone: the texture and every rule;
//   edit to frame: from the edit to the end of the next frame (the snapshot rebuilt, the check, the draw),
//   with the panel on and then with it taken off in the same page (A/B).
// Usage: node e2e/bench/part-writing.mjs [--bars 200] [--edits 300]. Prints JSON.
import { launchBrowser, openNewProject, startServer } from '../harness.mjs'

const arg = (name, d) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? Number(process.argv[i + 1]) : d }
const BARS = arg('bars', 200)
const EDITS = arg('edits', 300)
const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  const at = (p) => Math.round(s[Math.min(s.length - 1, Math.floor(s.length * p))] * 100) / 100
  return { median: at(0.5), p95: at(0.95), max: at(1) }
}

const server = await startServer()
const browser = await launchBrowser()
try {
  const { page } = await openNewProject(browser, server.url, 'Bench', { title: 'Chorale', template: 'empty' })
  page.on('pageerror', (e) => console.error('page error:', e))
  const notes = await page.evaluate((bars) => {
    const { model } = window.ensembleStudio
    const voices = [['soprano', 60, 79], ['alto', 55, 72], ['tenor', 48, 65], ['bass', 40, 58]]
    let seed = 7
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648
    model.doc.transact(() => {
      for (const [role, low, high] of voices) {
        const id = model.addTrack({ name: role, role, instrument: 52 })
        const written = []
        let pitch = Math.round((low + high) / 2)
        for (let tick = 0; tick < bars * 1920;) {
          const length = random() < 0.2 ? 240 : 480
          pitch = Math.max(low, Math.min(high, pitch + Math.round((random() - 0.5) * 6)))
          written.push({ pitch, start: tick, duration: length, velocity: 80 })
          tick += length
        }
        model.addNotes(id, written)
      }
    }, Symbol.for('bench'))
    return model.read().notes.size
  }, BARS)

  const run = (edits) => page.evaluate(async (edits) => {
    const { model } = window.ensembleStudio
    const frame = () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))
    const ids = [...model.read().notes.keys()]
    const checks = []
    const rules = []
    const frames = []
    await frame()
    for (let i = 0; i < edits; i++) {
      const id = ids[(i * 7919) % ids.length]
      const note = model.read().notes.get(id).note
      const t0 = performance.now()
      model.updateNotes([{ id, pitch: note.pitch + (i % 2 === 0 ? 1 : -1) }])
      await frame()
      frames.push(performance.now() - t0)
      if (window.ensemblePartWriting) {
        checks.push(window.ensemblePartWriting.latest().ms)
        rules.push(window.ensemblePartWriting.latest().rulesMs)
      }
    }
    const report = window.ensemblePartWriting?.latest().report
    return { checks, rules, frames, findings: report?.findings.length }
  }, edits)

  await run(30) // warm-up
  const on = await run(EDITS)
  await page.evaluate(() => { window.ensemblePartWriting.dispose(); delete window.ensemblePartWriting })
  const off = await run(EDITS)
  console.log(JSON.stringify({
    bars: BARS, notes, findings: on.findings, edits: EDITS,
    checkMs: stats(on.checks), checkerAloneMs: stats(on.rules), editToFrameMsWithPanel: stats(on.frames), editToFrameMsWithout: stats(off.frames),
  }, null, 1))
} finally {
  await browser.close()
  await server.dispose()
}
