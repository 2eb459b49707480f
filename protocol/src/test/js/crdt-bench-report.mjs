// Renders the results of scripts/crdt-bench.sh, and summarizes its Java profiles.
//
//   node crdt-bench-report.mjs table --yjs yjs.jsonl --ours ours.jsonl [--load FILE] [--note TEXT]
//       a markdown comparison of the JSON lines that crdt-bench.mjs (yjs) and CrdtBenchmark (Java) print;
//       FILE has lines "<task> <1-minute load average>" (from /proc/loadavg before each task)
//   node crdt-bench-report.mjs profile FILE.json [--top 15] [--within REGEX]
//       the hottest frames of a JFR recording printed with `jfr print --json --events jdk.ExecutionSample`,
//       counting only the main thread's samples whose stack has a frame matching REGEX (default: the
//       timed phase of CrdtBenchmark, TaskRun.runB1/runB2/runB4; "" counts every sample)

import * as fs from 'node:fs'
import * as os from 'node:os'

const fail = message => { console.error(`crdt-bench-report.mjs: ${message}`); process.exit(2) }

const options = (argv, known) => {
  const opts = {}
  const rest = []
  for (let i = 0; i < argv.length; i++) {
    if (argv[i].startsWith('--')) {
      const key = argv[i].slice(2)
      if (!known.includes(key)) fail(`unknown option ${argv[i]}`)
      opts[key] = argv[++i] ?? fail(`${argv[i - 1]} needs a value`)
    } else {
      rest.push(argv[i])
    }
  }
  return { opts, rest }
}

const readLines = file => fs.readFileSync(file, 'utf8').split('\n').filter(l => l.trim()).map(l => JSON.parse(l))

const median = xs => {
  const s = xs.slice().sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}

const int = n => Math.round(n).toLocaleString('en-US')
const ms = n => n < 10 ? `${n.toFixed(1)} ms` : `${int(n)} ms`
const bytes = n => {
  const a = Math.abs(n)
  return a >= 1e6 ? `${(n / 1e6).toFixed(1)} MB` : a >= 1e3 ? `${(n / 1e3).toFixed(1)} kB` : `${n} B`
}
const ratio = (yjs, ours) => ours > 0 ? `${(yjs / ours).toFixed(yjs / ours < 10 ? 2 : 1)}×` : '∞'

const machine = () => {
  const cpu = os.cpus()
  return `${cpu.length} cores (${cpu[0]?.model?.trim() ?? 'unknown CPU'}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}`
}

const table = argv => {
  const { opts } = options(argv, ['yjs', 'ours', 'load', 'note'])
  if (!opts.yjs || !opts.ours) fail('table needs --yjs FILE and --ours FILE')
  const yjs = new Map(readLines(opts.yjs).map(r => [r.task, r]))
  const ours = new Map(readLines(opts.ours).map(r => [r.task, r]))
  const tasks = [...yjs.keys()].filter(t => ours.has(t))
  for (const t of [...yjs.keys(), ...ours.keys()]) if (!tasks.includes(t)) console.error(`only one side has ${t}`)
  if (tasks.length === 0) fail('no task measured on both sides')
  const any = [...yjs.values()][0]
  const anyOurs = [...ours.values()][0]
  const out = []
  const line = (...cells) => out.push(`| ${cells.join(' | ')} |`)
  const slower = []
  out.push(`Measured ${new Date().toISOString().slice(0, 10)} on ${machine()}.`)
  out.push(`yjs ${any.version} on ${any.runtime}; ours on ${anyOurs.runtime}. ` +
    `Each task ran in a fresh process per side, ${any.repeat} repetition(s); medians shown.`)
  if (opts.load) {
    const loads = fs.readFileSync(opts.load, 'utf8').split('\n').filter(Boolean).map(l => Number.parseFloat(l.split(' ')[1]))
    out.push(`1-minute load average before each task: ${Math.min(...loads).toFixed(2)} to ${Math.max(...loads).toFixed(2)} ` +
      `(${os.cpus().length} cores; above about 1, other processes competed for the CPU).`)
  }
  if (opts.note) out.push(opts.note)
  out.push('')
  line('task', 'yjs time', 'ours time', 'speed-up', 'yjs size (v1 / v2)', 'ours size (identical?)',
    'yjs load', 'ours load', 'yjs mem', 'ours mem', 'checks')
  line(':-', '-:', '-:', '-:', '-:', '-:', '-:', '-:', '-:', '-:', ':-')
  for (const t of tasks) {
    const y = yjs.get(t)
    const o = ours.get(t)
    const yt = median(y.timeMs)
    const ot = median(o.timeMs)
    if (yt / ot < 2) slower.push(`${t} (speed-up ${ratio(yt, ot)})`)
    const identical = y.sha256V1 === o.sha256V1 && y.sha256V2 === o.sha256V2
    const differs = [y.sha256V1 !== o.sha256V1 && 'v1', y.sha256V2 !== o.sha256V2 && 'v2'].filter(Boolean)
    const problems = [
      ...y.problems.map(p => `yjs: ${p}`),
      ...o.problems.map(p => `ours: ${p}`),
      ...(y.inputSha256 !== o.inputSha256 ? ['inputs differ'] : [])
    ]
    line(t, ms(yt), ms(ot), ratio(yt, ot),
      `${int(y.docSizeV1)} / ${int(y.docSizeV2)}`,
      `${int(o.docSizeV1)} / ${int(o.docSizeV2)} ${identical ? '(identical)' : `(**${differs.join(', ')} differ**)`}`,
      ms(median(y.loadMs)), ms(median(o.loadMs)), bytes(median(y.memBytes)), bytes(median(o.memBytes)),
      problems.length ? `**${problems.join('; ')}**` : 'ok')
  }
  out.push('')
  out.push('More figures: time of the first repetition (JIT cold) and the fastest one; CPU time of the ' +
    'whole process during the timed phase (JIT and GC threads included; wall ≫ CPU means the CPU was taken by ' +
    'other processes; the JVM\'s process CPU clock counts in 10 ms steps here); medians of the encode and v1-load ' +
    'times; the suite\'s update size.')
  out.push('')
  line('task', 'yjs first', 'ours first', 'yjs min', 'ours min', 'yjs cpu', 'ours cpu', 'yjs encode v2', 'ours encode v2',
    'yjs load v1', 'ours load v1', 'update size', 'sha256 of the v2 document')
  line(':-', '-:', '-:', '-:', '-:', '-:', '-:', '-:', '-:', '-:', '-:', '-:', ':-')
  for (const t of tasks) {
    const y = yjs.get(t)
    const o = ours.get(t)
    const upd = y.suiteUpdateSize === null ? '–'
      : y.suiteUpdateSize === o.suiteUpdateSize ? int(y.suiteUpdateSize) : `${int(y.suiteUpdateSize)} / ${int(o.suiteUpdateSize)}`
    line(t, ms(y.timeMs[0]), ms(o.timeMs[0]), ms(Math.min(...y.timeMs)), ms(Math.min(...o.timeMs)),
      ms(median(y.cpuMs)), ms(median(o.cpuMs)), ms(median(y.encodeMs)), ms(median(o.encodeMs)),
      ms(median(y.loadV1Ms)), ms(median(o.loadV1Ms)), upd, `\`${y.sha256V2.slice(0, 16)}…\``)
  }
  out.push('')
  out.push(slower.length
    ? `Ours is less than 2× faster than yjs on: ${slower.join(', ')}.`
    : 'Ours is at least 2× faster than yjs on every task shown.')
  console.log(out.join('\n'))
}

/** Counts, over the samples, the top frame (self) and every distinct frame of the stack (total). */
const profile = argv => {
  const { opts, rest } = options(argv, ['top', 'within'])
  if (rest.length !== 1) fail('profile needs one JSON file')
  const top = Number.parseInt(opts.top ?? '15', 10)
  const within = new RegExp(opts.within ?? 'bench\\.TaskRun\\.runB[124]$')
  const events = JSON.parse(fs.readFileSync(rest[0], 'utf8')).recording.events
  const self = new Map()
  const total = new Map()
  let samples = 0
  let all = 0
  const frameName = f => `${f.method.type.name.replaceAll('/', '.')}.${f.method.name}`
  for (const e of events) {
    const frames = e.values?.stackTrace?.frames
    if (!frames || frames.length === 0 || e.values.sampledThread?.javaName !== 'main') continue
    all++
    if (!frames.some(f => within.test(frameName(f)))) continue
    samples++
    self.set(frameName(frames[0]), (self.get(frameName(frames[0])) ?? 0) + 1)
    // Totals leave out the harness (always 100 %) and the JVM's hidden lambda classes.
    const inside = frames.map(frameName).filter(n => !n.startsWith('org.ensemble.protocol.bench.') && !n.includes('$$Lambda'))
    for (const name of new Set(inside)) total.set(name, (total.get(name) ?? 0) + 1)
  }
  const pct = n => `${(100 * n / samples).toFixed(1)} %`
  const rows = (m, label) => {
    console.log(`Top ${top} frames by ${label} (${samples} of the main thread's ${all} samples have a frame matching /${within.source}/):`)
    console.log('')
    console.log(`| ${label} | frame |`)
    console.log('| -: | :- |')
    for (const [name, n] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`| ${pct(n)} | \`${name}\` |`)
    console.log('')
  }
  rows(self, 'self')
  rows(total, 'total')
}

const [cmd, ...argv] = process.argv.slice(2)
if (cmd === 'table') table(argv)
else if (cmd === 'profile') profile(argv)
else fail('usage: crdt-bench-report.mjs table --yjs FILE --ours FILE [--load FILE] [--note TEXT] | profile FILE.json [--top 15] [--within REGEX]')
