// What the end-to-end tests share: the real server jar on a free port with a fresh data directory,
// Debian's chromium driven by playwright-core (headless, no sandbox, a fresh profile per browser),
// and helpers that act as a user would through the page.
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, existsSync, mkdirSync, readFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { after, before } from 'node:test'
import { chromium } from 'playwright-core'

const here = dirname(fileURLToPath(import.meta.url))
export const repo = resolve(here, '..', '..')
export const artifacts = resolve(here, '..', 'test-results')
mkdirSync(artifacts, { recursive: true })

export function freePort() {
  return new Promise((ok, fail) => {
    const s = createServer()
    s.on('error', fail)
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => ok(port)) })
  })
}

/** The project's version, from the parent pom (its first top-level <version>), as the launcher reads it. */
function projectVersion() {
  const match = readFileSync(join(repo, 'pom.xml'), 'utf8').match(/^  <version>(.*)<\/version>$/m)
  if (!match) throw new Error('no <version> in pom.xml')
  return match[1]
}

function serverJar() {
  const jar = join(repo, 'server', 'target', `ensemble-server-${projectVersion()}.jar`)
  if (!existsSync(jar)) throw new Error(`no server jar at ${jar}: build it first (mvn -pl server -am -DskipTests package)`)
  return jar
}

/** Starts the server; `restart()` stops it and starts it again on the same port and data. */
export async function startServer({ port, dataDir, env = {} } = {}) {
  port ??= await freePort()
  dataDir ??= mkdtempSync(join(tmpdir(), 'ensemble-web-e2e-'))
  const proc = spawn('java', ['-Xmx512m', '-jar', serverJar(), '--port', String(port), '--data-dir', dataDir], {
    env: { ...process.env, ENSEMBLE_WEB_ROOT: join(repo, 'web', 'dist'), ENSEMBLE_DEV_MODE: 'true',
      // The shipped chorale model (the server's default is relative to its working directory).
      ENSEMBLE_GENERATION_MODEL_DIR: join(repo, 'models', 'chorale'), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let log = ''
  proc.stdout.on('data', (d) => { log += d })
  proc.stderr.on('data', (d) => { log += d })
  const exited = new Promise((r) => proc.on('exit', r))
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 60_000
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`server exited: ${log}`)
    try {
      if ((await fetch(`${url}/health`)).ok) break
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) throw new Error(`server did not start in 60 s: ${log}`)
    await new Promise((r) => setTimeout(r, 100))
  }
  return {
    url, port, dataDir,
    log: () => log,
    async stop() {
      if (proc.exitCode === null) { proc.kill('SIGTERM'); await exited }
    },
    async restart() {
      await this.stop()
      return startServer({ port, dataDir, env })
    },
    async dispose() {
      await this.stop()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

export function chromiumPath() {
  for (const p of [process.env.CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser']) if (p && existsSync(p)) return p
  throw new Error('Debian chromium is not installed (scripts/install-test-deps.sh installs it)')
}

/** A fresh headless chromium with its own temporary profile. */
export async function launchBrowser() {
  const profile = mkdtempSync(join(tmpdir(), 'ensemble-chromium-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--autoplay-policy=no-user-gesture-required'],
  })
  return { context, async close() { await context.close().catch(() => {}); rmSync(profile, { recursive: true, force: true }) } }
}

/** A server and a browser for a file's tests, started before them and stopped after: `env.server`, `env.browser`. */
export function serverAndBrowser() {
  const env = {}
  before(async () => {
    env.server = await startServer()
    env.browser = await launchBrowser()
  })
  after(async () => {
    await env.browser?.close()
    await env.server?.dispose()
  })
  return env
}

/** A new page of `browser` on the projects page, signed in as `session` (an answer of POST /api/dev/token). */
export async function projectsPageAs(browser, url, session) {
  const page = await browser.context.newPage()
  await page.goto(`${url}/#/`)
  await page.evaluate((s) => localStorage.setItem('ensemble.session', JSON.stringify(s)), session)
  await page.reload()
  await page.getByRole('heading', { name: 'Your projects' }).waitFor()
  return page
}

/** Signs in through the page and returns the token the page stored. */
export async function signIn(page, url, name) {
  await page.goto(`${url}/#/`)
  await page.getByLabel('Your name').fill(name)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.getByRole('heading', { name: 'Your projects' }).waitFor()
  return page.evaluate(() => JSON.parse(localStorage.getItem('ensemble.session')).token)
}

export async function api(url, token, method, path, body) {
  const res = await fetch(url + path, {
    method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`)
  return res.status === 204 ? undefined : res.json()
}

/**
 * A test file's real server and `count` chromium browsers, started before its tests and closed after
 * them (node:test hooks): `{ server, browsers }`, filled in by the time a test runs.
 */
export function serverAndBrowsers(count) {
  const env = { server: undefined, browsers: [] }
  before(async () => {
    env.server = await startServer()
    for (let i = 0; i < count; i++) env.browsers.push(await launchBrowser())
  })
  after(async () => {
    for (const b of env.browsers) await b.close()
    await env.server?.dispose()
  })
  return env
}

/**
 * `owner` (in `ownerBrowser`) makes a project from `body` (as POST /api/projects takes it) and gives
 * `other` (in `otherBrowser`) `role` in it; both are signed in through the page and have it open.
 */
export async function openSharedProject(url, [ownerBrowser, otherBrowser], [owner, other], body, role = 'editor') {
  const a = await ownerBrowser.context.newPage()
  const b = await otherBrowser.context.newPage()
  const ownerToken = await signIn(a, url, owner)
  await signIn(b, url, other)
  const { id } = await api(url, ownerToken, 'POST', '/api/projects', body)
  await api(url, ownerToken, 'PUT', `/api/projects/${id}/members/${other.toLowerCase()}`, { role, name: other })
  await openStudio(a, url, id)
  await openStudio(b, url, id)
  return { a, b, ownerToken, id }
}

/** Opens the studio and waits until the document is synced with the server. */
export async function openStudio(page, url, projectId) {
  await page.goto(`${url}/#/p/${projectId}`)
  await page.locator('[data-testid=connection][data-synced=true]').waitFor({ timeout: 15_000 })
}

/**
 * Signs `name` in through the API, creates a project from `body` (as POST /api/projects takes it) and
 * opens it in a new page of `browser` signed in as that user.
 */
export async function openNewProject(browser, url, name, body) {
  const session = await api(url, undefined, 'POST', '/api/dev/token', { name })
  const project = await api(url, session.token, 'POST', '/api/projects', body)
  const page = await browser.context.newPage()
  await page.goto(`${url}/#/`)
  await page.evaluate((s) => localStorage.setItem('ensemble.session', JSON.stringify(s)), session)
  await openStudio(page, url, project.id)
  return { session, project, page }
}

/** The note count the track list shows for a track (by its visible name). */
export async function noteCount(page, trackName) {
  // The track list redraws on the next animation frame after an edit: let two frames pass first.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))))
  const text = await page.locator('.track label', { hasText: trackName }).first().innerText()
  return Number(/(\d+) notes/.exec(text)?.[1] ?? NaN)
}

/** Opens a track's menu in the track list (rename, move, pan, row height, delete), as a person would. */
export async function openTrackMenu(page, trackName) {
  const menu = page.getByRole('group', { name: `Track ${trackName}` })
  if (!(await menu.isVisible())) await page.getByLabel(`Menu of track ${trackName}`, { exact: true }).click()
  await menu.waitFor()
  return menu
}

export async function screenshot(page, name) {
  await page.screenshot({ path: join(artifacts, `${name}.png`) })
}

/** Clicks the roll at a tick and pitch of a track's lane (where a user would click to add a note). */
export async function clickRoll(page, trackIndex, tick, pitch, options = {}) {
  const pos = await page.evaluate(([i, t, p]) => {
    const roll = window.ensembleStudio.roll
    const lane = roll.layout().lanes[i]
    // A drum lane lists its kit pieces as rows; every lane may have its own row height.
    const rowHeight = lane.rowHeight ?? roll.rowHeight
    const rowTop = lane.top + (lane.rows ? lane.rows.indexOf(p) : lane.high - p) * rowHeight
    // A person scrolls the roll to a lane below the fold (the bass, at 1400×900) before clicking in it.
    if (rowTop < roll.el.scrollTop || rowTop + rowHeight > roll.el.scrollTop + roll.el.clientHeight - 16) {
      roll.el.scrollTop = rowTop - roll.el.clientHeight / 2
    }
    const box = roll.canvas.getBoundingClientRect()
    return {
      x: box.left + 64 + t * roll.pxPerTick - roll.el.scrollLeft + 3,
      y: box.top + rowTop - roll.el.scrollTop + rowHeight / 2,
    }
  }, [trackIndex, tick, pitch])
  await page.mouse.click(pos.x, pos.y, options)
}

/** The project's notes as the server holds them (GET /api/projects/{id}), per track id. */
export async function serverNotes(url, token, projectId) {
  const p = await api(url, token, 'GET', `/api/projects/${projectId}`)
  return Object.fromEntries(p.document.tracks.map((t) => [t.id, t.notes]))
}

/** Waits until the condition holds; fails with the message after `timeout` ms. */
export async function until(condition, message, timeout = 10_000) {
  const deadline = Date.now() + timeout
  for (;;) {
    const v = await condition()
    if (v) return v
    if (Date.now() > deadline) throw new Error(`timed out: ${message}`)
    await new Promise((r) => setTimeout(r, 50))
  }
}
