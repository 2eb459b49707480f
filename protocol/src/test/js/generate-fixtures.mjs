// Regenerates ../resources/fixtures/yjs-13.6.33/ (deleted and recreated on every run).
//
// Usage (from this folder):  npm ci && node generate-fixtures.mjs
//
// Every scenario is a function `build(h)` that creates several Y.Docs with fixed client
// ids through the helper object `h` (see makeHelpers below), edits them, exchanges
// updates between them and returns the list of v1 updates in the order in which they
// are delivered to a fresh observing doc. The source of that function is stored in
// scenario.json ("snippet"). Everything is deterministic: fixed client ids, fixed guids
// and a seeded PRNG (h.rng) instead of Math.random.

import * as fs from 'node:fs'
import * as path from 'node:path'
import { fileURLToPath } from 'node:url'
import * as Y from 'yjs'
import * as encoding from 'lib0/encoding'
import { toTaggedJSON } from './tagged-json.mjs'

const YJS_VERSION = '13.6.33'
const here = path.dirname(fileURLToPath(import.meta.url))
const OUT_DIR = path.resolve(here, '..', 'resources', 'fixtures', `yjs-${YJS_VERSION}`)
const OBSERVER_CLIENT_ID = 1

// ---------------------------------------------------------------------------------------
// Helpers handed to every scenario function as `h`
// ---------------------------------------------------------------------------------------

/** Seeded PRNG (mulberry32). Returns an object with float(), int(n), pick(arr). */
const mulberry32 = seed => {
  let a = seed >>> 0
  const float = () => {
    a = (a + 0x6D2B79F5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = n => Math.floor(float() * n)
  return { float, int, pick: arr => arr[int(arr.length)] }
}

const REMOTE = Symbol('remote')

/**
 * h.doc(clientID, opts?)   new Y.Doc with that clientID, guid "<scenario>/<clientID>" and the
 *                          scenario's gc flag (opts override). Every update the doc emits for a
 *                          LOCAL transaction is recorded; updates applied through h.sync/h.send
 *                          are not recorded (they are already recorded at their origin).
 * h.sync(...docs)          exchanges the missing state between all given docs (full mesh).
 * h.send(update, ...docs)  applies one update to the given docs.
 * h.updates()              all recorded local updates so far, in emission order (all docs).
 * h.updatesOf(doc)         the recorded local updates of one doc, in emission order.
 * h.rng(seed)              seeded PRNG: {float(), int(n), pick(array)}.
 * h.gc                     the scenario's gc flag.
 * h.params                 the scenario's params object (also written to scenario.json).
 * h.note(key, value)       records a number/string that ends up in scenario.json "notes".
 */
const makeHelpers = scenario => {
  const log = []
  const perDoc = new Map()
  const notes = {}
  return {
    gc: scenario.gc,
    params: scenario.params || {},
    notes,
    note (key, value) { notes[key] = value },
    doc (clientID, opts = {}) {
      const doc = new Y.Doc({ guid: `${scenario.name}/${clientID}`, gc: scenario.gc, ...opts })
      doc.clientID = clientID
      const mine = []
      perDoc.set(doc, mine)
      doc.on('update', (update, origin) => {
        if (origin !== REMOTE) {
          log.push(update)
          mine.push(update)
        }
      })
      return doc
    },
    sync (...docs) {
      for (const from of docs) {
        for (const to of docs) {
          if (from !== to) {
            Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)), REMOTE)
          }
        }
      }
    },
    send (update, ...docs) {
      for (const d of docs) Y.applyUpdate(d, update, REMOTE)
    },
    updates () { return log.slice() },
    updatesOf (doc) { return (perDoc.get(doc) || []).slice() },
    rng: mulberry32
  }
}

// ---------------------------------------------------------------------------------------
// Scenarios
// ---------------------------------------------------------------------------------------

function basicSingleInsert (h) {
  const a = h.doc(10)
  a.getText('t').insert(0, 'hello')
  a.getMap('m').set('k', 'v')
  a.getArray('a').push([1, 2, 3])
  return h.updates()
}

function contentAny (h) {
  const a = h.doc(10)
  const b = h.doc(11)
  const values = {
    'str': 'hello',
    'str-empty': '',
    'str-non-bmp': '\u{1D11E} music \u{1F600}',
    'str-lone-high-surrogate': 'a\uD800b',
    'str-lone-low-surrogate': '\uDC00',
    'int-zero': 0,
    'int-small': 42,
    'int-negative': -17,
    'int-max-31bit': 2147483647,
    'int-min-31bit': -2147483647,
    'int-2^31': 2147483648,
    'int-2^40-fits-float32': 1099511627776,
    'int-max-safe': Number.MAX_SAFE_INTEGER,
    'int-min-safe': Number.MIN_SAFE_INTEGER,
    'negative-zero': -0,
    'float32-exact': 1.5,
    'float32-negative': -2.75,
    'float32-max': 3.4028234663852886e38,
    'float64-0.1': 0.1,
    'float64-pi': Math.PI,
    'float64-huge': 1e300,
    'float64-min-subnormal': 5e-324,
    'nan': NaN,
    'infinity': Infinity,
    'negative-infinity': -Infinity,
    'bigint': 1234567890123456789n,
    'bigint-min': -9223372036854775808n,
    'bigint-max': 9223372036854775807n,
    'bigint-zero': 0n,
    'true': true,
    'false': false,
    'null': null,
    'undefined': undefined,
    'object-nested': { a: 1, b: [1, 'x', { c: null, d: [true, false, []] }], e: { f: { g: 'deep' } } },
    'object-integer-like-keys': { '10': 'ten', '2': 'two', 'b': 'bee', '1': 'one' },
    'object-empty': {},
    'array-empty': [],
    'array-mixed': [1, -1, 0.5, 0.1, 'two', null, undefined, true, 10n, NaN, -0],
    'bytes-in-array': [new Uint8Array([1, 2, 3]), 'x', new Uint8Array(0)],
    'bytes-in-object': { data: new Uint8Array([0, 255, 128]), more: [new Uint8Array([7])] }
  }
  const m = a.getMap('m')
  a.transact(() => {
    for (const [k, v] of Object.entries(values)) m.set(k, v)
  })
  // all values in one array insert -> a single ContentAny item holding many values
  // (Y.Array.insert rejects top-level undefined and bigint, so those are wrapped in arrays)
  b.getArray('a').insert(0, Object.values(values).map(v => (v === undefined || typeof v === 'bigint') ? [v] : v))
  h.sync(a, b)
  // some more edits on the synced state: overwrite keys, insert in the middle of the ContentAny
  m.set('int-small', 43)
  b.getArray('a').insert(5, ['inserted-in-the-middle', { '3': 3, 'z': 'z', '0': 0 }])
  b.getArray('a').delete(0, 2)
  h.sync(a, b)
  return h.updates()
}

function contentBinary (h) {
  const a = h.doc(10)
  const b = h.doc(11)
  const m = a.getMap('m')
  const arr = b.getArray('a')
  m.set('bin', new Uint8Array([1, 2, 3, 4]))
  m.set('empty', new Uint8Array(0))
  const big = new Uint8Array(300)
  for (let i = 0; i < big.length; i++) big[i] = (i * 7) & 0xff
  m.set('big', big)
  arr.insert(0, [new Uint8Array([9, 8, 7])])
  // mixed insert: binary, any, binary -> ContentBinary, ContentAny, ContentBinary items
  arr.insert(1, [new Uint8Array([0]), 'between', new Uint8Array([255, 254])])
  arr.push([new Uint8Array(0)])
  h.sync(a, b)
  b.getMap('m').set('bin', new Uint8Array([5, 5]))
  a.getArray('a').delete(1, 1)
  h.sync(a, b)
  return h.updates()
}

function contentStringText (h) {
  const a = h.doc(10)
  const b = h.doc(11)
  const ta = a.getText('t')
  const tb = b.getText('t')
  ta.insert(0, 'Hello \u{1F600} world \u{1F44D}\u{1F3FD}!') // 😀 at UTF-16 index 6..7
  h.sync(a, b)
  // insert in the middle of the surrogate pair of 😀 (between index 6 and 7)
  tb.insert(7, 'X')
  // long string (more than 127 UTF-8 bytes) and more non-BMP text
  ta.insert(ta.length, ' ' + 'long text '.repeat(20) + '\u{10FFFF}\u{20000}')
  h.sync(a, b)
  // delete a range that starts in the middle of the pair 👍 (index 16..17 before the X)
  const idx = tb.toString().indexOf('\u{1F44D}')
  tb.delete(idx + 1, 3)
  ta.insert(0, '\u00e9\u00e8 ')
  h.sync(a, b)
  return h.updates()
}

function contentEmbedFormat (h) {
  const a = h.doc(10)
  const b = h.doc(11)
  const t = a.getText('t')
  t.insert(0, 'An image: . End')
  t.insertEmbed(10, { image: 'https://example.com/a.png', width: 100, alt: null })
  t.insertEmbed(0, { formula: 'e=mc^2' }, { bold: true })
  const embeddedMap = new Y.Map()
  t.insertEmbed(t.length, embeddedMap)
  embeddedMap.set('inside', 'embedded type')
  t.format(0, 3, { italic: true })
  h.sync(a, b)
  const tb = b.getText('t')
  tb.insert(3, 'bold insert', { bold: true, color: '#ff0000' })
  tb.format(1, 5, { bold: null })
  h.sync(a, b)
  return h.updates()
}

function textFormatting (h) {
  const a = h.doc(10)
  const b = h.doc(20)
  const c = h.doc(15)
  a.getText('t').insert(0, 'The quick brown fox jumps over the lazy dog')
  h.sync(a, b, c)
  // concurrent, overlapping format ranges
  a.getText('t').format(4, 15, { bold: true })
  b.getText('t').format(10, 15, { italic: true })
  c.getText('t').format(0, 9, { link: { href: 'https://example.com', target: '_blank' } })
  b.getText('t').format(16, 3, { bold: { weight: 700 } })
  h.sync(a, b, c)
  // remove formatting with null, re-format with a different value
  a.getText('t').format(6, 4, { bold: null })
  c.getText('t').format(12, 10, { italic: null, underline: true })
  // insert inside formatted ranges: inherit / explicit attributes / explicitly none
  b.getText('t').insert(5, 'INHERIT')
  b.getText('t').insert(14, 'EXPLICIT', { code: true, bold: true })
  b.getText('t').insert(25, 'PLAIN', {})
  h.sync(a, b, c)
  // concurrent: one user formats a range the other deletes part of
  a.getText('t').format(0, 20, { size: 12 })
  c.getText('t').delete(2, 10)
  h.sync(a, b, c)
  return h.updates()
}

function textApplyDelta (h) {
  const a = h.doc(10)
  const b = h.doc(11)
  a.getText('t').applyDelta([
    { insert: 'Gandalf', attributes: { bold: true } },
    { insert: ' the ' },
    { insert: 'Grey', attributes: { color: '#ccc' } },
    { insert: { image: 'wizard.png' } },
    { insert: '\n' }
  ])
  h.sync(a, b)
  b.getText('t').applyDelta([
    { retain: 7, attributes: { bold: null, italic: true } },
    { retain: 5 },
    { delete: 4 },
    { insert: 'White', attributes: { color: '#fff' } }
  ])
  a.getText('t').applyDelta([
    { retain: 3 },
    { insert: '-', attributes: { strike: true } },
    { retain: 2, attributes: { underline: true } },
    { delete: 1 }
  ])
  h.sync(a, b)
  // sanitize: false keeps a trailing newline
  b.getText('t').applyDelta([{ retain: b.getText('t').length }, { insert: 'end\n' }], { sanitize: false })
  h.sync(a, b)
  return h.updates()
}

function textConcurrent (h) {
  const docs = [h.doc(30), h.doc(10), h.doc(20), h.doc(40)]
  docs[0].getText('t').insert(0, 'abcdefghijklmnopqrstuvwxyz')
  h.sync(...docs)
  // four users insert at the same position concurrently
  docs.forEach((d, i) => d.getText('t').insert(5, `[${d.clientID}]`))
  h.sync(...docs)
  // overlapping deletes: user 0 deletes 10..19, user 1 deletes 15..24
  docs[0].getText('t').delete(10, 10)
  docs[1].getText('t').delete(15, 10)
  // user 2 inserts inside the range both delete; user 3 inserts at the start of the range
  docs[2].getText('t').insert(17, 'in-deleted-range')
  docs[3].getText('t').insert(10, 'at-range-start')
  h.sync(...docs)
  // concurrent inserts at the end and at the beginning
  docs.forEach(d => d.getText('t').insert(d.getText('t').length, `<${d.clientID}>`))
  docs.forEach(d => d.getText('t').insert(0, `${d.clientID}|`))
  h.sync(...docs)
  return h.updates()
}

function arrayConcurrent (h) {
  const docs = [h.doc(12), h.doc(5), h.doc(33), h.doc(7)]
  docs[0].getArray('a').insert(0, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9])
  h.sync(...docs)
  // concurrent inserts at the same position (front, middle, end) by all users
  docs.forEach(d => d.getArray('a').insert(0, [`front-${d.clientID}`]))
  docs.forEach(d => d.getArray('a').insert(6, [`mid-${d.clientID}-a`, `mid-${d.clientID}-b`]))
  docs.forEach(d => d.getArray('a').push([`end-${d.clientID}`]))
  h.sync(...docs)
  // overlapping deletes
  docs[0].getArray('a').delete(2, 8)
  docs[1].getArray('a').delete(6, 8)
  docs[2].getArray('a').delete(8, 2)
  // insert into a range that others delete concurrently
  docs[3].getArray('a').insert(7, ['inserted-into-deleted-range', { x: 1 }])
  h.sync(...docs)
  docs[1].getArray('a').delete(0, 1)
  docs[2].getArray('a').insert(1, [new Uint8Array([1, 2])])
  h.sync(...docs)
  return h.updates()
}

function mapConcurrent (h) {
  // h.params.users users (client ids in a deliberately unsorted order)
  const ids = [50, 10, 40, 20, 30].slice(0, h.params.users)
  const docs = ids.map(id => h.doc(id))
  docs[0].transact(() => {
    docs[0].getMap('m').set('toDelete', 'initial')
    docs[0].getMap('m').set('toOverwrite', 'initial')
    docs[0].getMap('m').set('stable', 'initial')
  })
  h.sync(...docs)
  // everyone writes the same key concurrently
  docs.forEach(d => d.getMap('m').set('k', `value-from-${d.clientID}`))
  // delete vs set: even users delete, odd users set
  docs.forEach((d, i) => {
    if (i % 2 === 0) d.getMap('m').delete('toDelete')
    else d.getMap('m').set('toDelete', { setBy: d.clientID })
  })
  // set vs set with different value kinds
  docs.forEach((d, i) => d.getMap('m').set('toOverwrite', i % 2 === 0 ? i : [i, 'x']))
  // concurrently create a nested type under the same key
  docs.forEach(d => {
    const inner = new Y.Map()
    d.getMap('m').set('nested', inner)
    inner.set('owner', d.clientID)
  })
  h.sync(...docs)
  // second round: the last writer deletes 'k' while the others overwrite it again
  docs.forEach((d, i) => {
    if (i === docs.length - 1) d.getMap('m').delete('k')
    else d.getMap('m').set('k', `round2-${d.clientID}`)
  })
  // only one user deletes a key that nobody else touches
  docs[docs.length - 1].getMap('m').delete('stable')
  h.sync(...docs)
  return h.updates()
}

function nestedDeep (h) {
  const a = h.doc(10)
  const b = h.doc(11)
  const root = a.getMap('root')
  a.transact(() => {
    const l1 = new Y.Array()           // level 1: map -> array
    root.set('list', l1)
    const l2 = new Y.Map()             // level 2: array -> map
    l1.push([l2, 'sibling'])
    const l3 = new Y.Text()            // level 3: map -> text
    l2.set('text', l3)
    l3.insert(0, 'level three text')
    const l3b = new Y.Array()          // level 3: map -> array
    l2.set('items', l3b)
    const l4 = new Y.Map()             // level 4: array -> map
    l3b.push([l4])
    const l5 = new Y.Array()           // level 5: map -> array
    l4.set('deeper', l5)
    const l6 = new Y.Map()             // level 6: array -> map
    l5.push([l6])
    const l7 = new Y.Text()            // level 7: map -> text
    l6.set('leaf', l7)
    l7.insert(0, 'deepest')
    l6.set('number', 7)
  })
  const keep = new Y.Map()
  root.set('keep', keep)
  keep.set('child', new Y.Array())
  keep.get('child').push(['kept'])
  h.sync(a, b)
  // b edits deep inside the subtree while a concurrently deletes the subtree's parent
  const bl6 = b.getMap('root').get('list').get(0).get('items').get(0).get('deeper').get(0)
  bl6.get('leaf').insert(7, ' (edited concurrently)')
  bl6.set('added', new Y.Array())
  bl6.get('added').push(['x', 'y'])
  b.getMap('root').get('list').get(0).get('text').insert(0, '>> ')
  a.getMap('root').get('list').delete(0, 1)
  h.sync(a, b)
  // delete a map entry holding a nested type with children
  b.getMap('root').delete('keep')
  a.getMap('root').get('list').push([new Y.Text('after delete')])
  h.sync(a, b)
  return h.updates()
}

function deleteHeavy (h) {
  // used twice: once with gc on, once with gc off (same edits)
  const a = h.doc(10)
  const b = h.doc(11)
  const c = h.doc(12)
  const t = a.getText('t')
  const arr = a.getArray('a')
  const m = a.getMap('m')
  t.insert(0, 'abcdefghijklmnopqrstuvwxyz0123456789')
  arr.insert(0, ['a0', 'a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7', 'a8', 'a9'])
  for (let i = 0; i < 10; i++) m.set('key', i) // nine overwritten values
  m.set('nested', new Y.Map())
  m.get('nested').set('inner', new Y.Array())
  m.get('nested').get('inner').push(['deep', new Y.Text('deep text')])
  // inserted and deleted in one transaction -> ContentDeleted already in the update
  a.transact(() => {
    t.insert(5, 'TEMPORARY')
    t.delete(5, 9)
    arr.push(['tmp1', 'tmp2'])
    arr.delete(10, 2)
  })
  h.sync(a, b, c)
  // concurrent deletes
  a.getText('t').delete(0, 10)
  b.getText('t').delete(5, 10)
  c.getText('t').delete(30, 6)
  b.getArray('a').delete(2, 6)
  c.getArray('a').delete(0, 4)
  b.getMap('m').delete('nested') // deletes a type that has children
  c.getMap('m').get('nested').get('inner').get(1).insert(0, 'concurrent ') // edit inside it
  h.sync(a, b, c)
  // delete almost everything
  a.getText('t').delete(0, a.getText('t').length - 2)
  a.getArray('a').delete(0, a.getArray('a').length)
  a.getMap('m').delete('key')
  b.getText('t').insert(0, 'new')
  h.sync(a, b, c)
  return h.updates()
}

function contentJson (h) {
  // ContentJSON (content ref 2) can no longer be produced through the Yjs API, so the
  // first two updates are written byte by byte with lib0/encoding in the v1 format.
  const client = 30
  const e1 = encoding.createEncoder()
  encoding.writeVarUint(e1, 1) // number of clients with structs
  encoding.writeVarUint(e1, 2) // number of structs of this client
  encoding.writeVarUint(e1, client)
  encoding.writeVarUint(e1, 0) // first clock
  // struct 1 (clock 0..5): root array 'arr', ContentJSON with 6 entries
  encoding.writeUint8(e1, 2) // info: content ref 2, no origin, no right origin, no parentSub
  encoding.writeVarUint(e1, 1) // parent info: parent is a root type given by its name
  encoding.writeVarString(e1, 'arr')
  const arrJson = ['{"a":1}', 'undefined', '[1,2]', '"str"', 'null', '3.5']
  encoding.writeVarUint(e1, arrJson.length)
  arrJson.forEach(s => encoding.writeVarString(e1, s))
  // struct 2 (clock 6): root map 'm', key 'json', ContentJSON with 1 entry
  encoding.writeUint8(e1, 2 | 0x20) // info: content ref 2 | parentSub present
  encoding.writeVarUint(e1, 1)
  encoding.writeVarString(e1, 'm')
  encoding.writeVarString(e1, 'json') // parentSub (map key)
  encoding.writeVarUint(e1, 1)
  encoding.writeVarString(e1, '{"nested":{"x":[true,false]},"s":"\\u00e9"}')
  encoding.writeVarUint(e1, 0) // delete set: no clients
  const crafted1 = encoding.toUint8Array(e1)
  // second crafted update: clock 7..8, ContentJSON appended after (30, 5) via a left origin
  const e2 = encoding.createEncoder()
  encoding.writeVarUint(e2, 1)
  encoding.writeVarUint(e2, 1)
  encoding.writeVarUint(e2, client)
  encoding.writeVarUint(e2, 7)
  encoding.writeUint8(e2, 2 | 0x80) // info: content ref 2 | origin present
  encoding.writeVarUint(e2, client) // origin client
  encoding.writeVarUint(e2, 5) // origin clock
  encoding.writeVarUint(e2, 2)
  encoding.writeVarString(e2, '{}')
  encoding.writeVarString(e2, '"appended"')
  encoding.writeVarUint(e2, 0)
  const crafted2 = encoding.toUint8Array(e2)
  // a normal doc receives the crafted updates and edits around / inside the JSON content
  const b = h.doc(11)
  h.send(crafted1, b)
  h.send(crafted2, b)
  b.getArray('arr').insert(2, ['inserted-between-json-entries']) // splits the ContentJSON item
  b.getArray('arr').delete(5, 1) // deletes one JSON entry ('null')
  b.getMap('m').set('other', 'any')
  return [crafted1, crafted2, ...h.updates()]
}

function contentDoc (h) {
  const a = h.doc(10)
  const b = h.doc(11)
  const m = a.getMap('m')
  m.set('sub', new Y.Doc({ guid: 'sub-guid-1' }))
  a.getArray('a').push([new Y.Doc({ guid: 'sub-guid-2', gc: false })])
  a.getArray('a').push([new Y.Doc({ guid: 'sub-guid-3', autoLoad: true, meta: { title: 'Sub three', n: 3 } })])
  m.set('with-meta', new Y.Doc({ guid: 'sub-guid-4', meta: 'just a string', gc: false, autoLoad: true }))
  h.sync(a, b)
  b.getArray('a').insert(1, ['plain value between subdocs'])
  b.getMap('m').set('replaced', new Y.Doc({ guid: 'sub-guid-5' }))
  h.sync(a, b)
  a.getMap('m').set('replaced', new Y.Doc({ guid: 'sub-guid-6' })) // replaces (deletes) sub-guid-5
  h.sync(a, b)
  return h.updates()
}

function xmlTypes (h) {
  const a = h.doc(10)
  const b = h.doc(11)
  const frag = a.getXmlFragment('xml')
  a.transact(() => {
    const p = new Y.XmlElement('p')
    frag.insert(0, [p])
    p.setAttribute('class', 'intro')
    p.setAttribute('data-n', '1')
    const text = new Y.XmlText()
    p.insert(0, [text])
    text.insert(0, 'Hello formatted world')
    text.format(0, 5, { bold: true })
    text.format(6, 9, { a: { href: 'https://example.com' } })
    const em = new Y.XmlElement('em')
    p.insert(1, [em])
    em.insert(0, [new Y.XmlText('nested text')])
    const hook = new Y.XmlHook('custom-hook')
    frag.insert(1, [hook])
    hook.set('hookKey', 'hookValue')
    frag.insert(2, [new Y.XmlText('trailing text')])
  })
  const el = a.getXmlElement('el')
  el.setAttribute('lang', 'en')
  el.insert(0, [new Y.XmlText('root element text'), new Y.XmlElement('br')])
  h.sync(a, b)
  // concurrent edits
  const bp = b.getXmlFragment('xml').get(0)
  bp.setAttribute('class', 'changed-by-b')
  bp.removeAttribute('data-n')
  bp.get(0).insert(5, ',', { italic: true })
  b.getXmlFragment('xml').insert(0, [new Y.XmlElement('h1')])
  b.getXmlFragment('xml').get(0).insert(0, [new Y.XmlText('Title')])
  a.getXmlFragment('xml').get(0).setAttribute('class', 'changed-by-a')
  a.getXmlFragment('xml').get(0).get(1).delete(0, 1)
  h.sync(a, b)
  return h.updates()
}

function outOfOrder (h) {
  const a = h.doc(10)
  const b = h.doc(20)
  const t = a.getText('t')
  t.insert(0, 'one ') // a#0
  t.insert(4, 'two ') // a#1
  t.insert(8, 'three ') // a#2
  t.delete(0, 2) // a#3 (delete only)
  a.getMap('m').set('k', 'v') // a#4
  h.sync(a, b)
  b.getText('t').insert(3, 'B-insert ') // b#0: depends on a#0..a#2
  b.getText('t').delete(10, 5) // b#1: deletes items of a and b
  b.getMap('m').set('k', 'from-b') // b#2
  const ua = h.updatesOf(a)
  const ub = h.updatesOf(b)
  // later updates first: b's delete (pending delete set), b's insert (pending structs),
  // then a's updates newest to oldest; the last one (a#0) resolves everything
  return [ub[1], ub[0], ub[2], ua[4], ua[3], ua[2], ua[1], ua[0]]
}

function duplicateDelivery (h) {
  const a = h.doc(10)
  const b = h.doc(11)
  a.getArray('a').push(['a1', 'a2'])
  a.getArray('a').push(['a3'])
  h.sync(a, b)
  b.getArray('a').insert(1, ['b1'])
  b.getArray('a').delete(2, 1)
  a.getMap('m').set('x', 1)
  const all = h.updates()
  // overlapping merged update (covers already applied updates too)
  const mergedTail = Y.mergeUpdates(all.slice(1))
  return [all[0], all[0], all[1], all[0], all[2], all[1], mergedTail, all[2], all[3], all[3], all[4], mergedTail, all[4]]
}

function pendingUnresolved (h) {
  const a = h.doc(10)
  const b = h.doc(20)
  const c = h.doc(30)
  a.getText('t').insert(0, 'never delivered ') // a#0 (never delivered to the observer)
  a.getText('t').insert(16, 'delivered') // a#1: clock gap -> stays pending
  h.sync(a, b)
  b.getText('t').insert(5, 'B') // b#0: origin in a's missing update -> stays pending
  b.getText('t').delete(0, 3) // b#1: deletes items of a#0 -> stays in the pending delete set
  c.getMap('m').set('independent', 'this part is integrated')
  const ua = h.updatesOf(a)
  const ub = h.updatesOf(b)
  const uc = h.updatesOf(c)
  return [ua[1], ub[0], ub[1], uc[0]]
}

function largeDocument (h) {
  // 3 users, many small edits chosen by a seeded PRNG; each user's updates of one round
  // are merged into a single update file
  const { rounds, opsPerUserPerRound } = h.params
  const docs = [h.doc(100), h.doc(200), h.doc(300)]
  const rngs = docs.map(d => h.rng(d.clientID))
  const cursors = docs.map(() => 0)
  const delivery = []
  let ops = 0
  let transactions = 0
  for (let round = 0; round < rounds; round++) {
    const batches = docs.map((d, u) => {
      const start = h.updatesOf(d).length
      const r = rngs[u]
      const t = d.getText('t')
      const arr = d.getArray('a')
      const m = d.getMap('m')
      const op = () => {
        const p = r.float()
        if (p < 0.58) {
          // typing: mostly continue at the cursor
          if (r.float() < 0.03 || cursors[u] > t.length) cursors[u] = r.int(t.length + 1)
          const s = r.pick(['a', 'b', 'c', ' ', 'e', '\u00e9', '\u{1F600}', 'xy'])
          t.insert(cursors[u], s)
          cursors[u] += s.length
        } else if (p < 0.8) {
          // mostly backspace at the cursor, sometimes a delete somewhere else
          if (cursors[u] > t.length) cursors[u] = t.length
          if (r.float() < 0.8 && cursors[u] > 0) {
            const n = Math.min(1 + r.int(3), cursors[u])
            cursors[u] -= n
            t.delete(cursors[u], n)
          } else if (t.length > 0) {
            const idx = r.int(t.length)
            t.delete(idx, Math.min(1 + r.int(3), t.length - idx))
            if (cursors[u] > idx) cursors[u] = idx
          }
        } else if (p < 0.89) {
          // array: mostly append, sometimes insert at a random position
          arr.insert(r.float() < 0.7 ? arr.length : r.int(arr.length + 1), [r.int(1000)])
        } else if (p < 0.94) {
          if (arr.length > 0) {
            const idx = r.int(arr.length)
            arr.delete(idx, Math.min(1 + r.int(2), arr.length - idx))
          }
        } else if (p < 0.99) {
          m.set(`key${r.int(30)}`, r.float() < 0.5 ? r.int(100000) : `v${r.int(100)}`)
        } else {
          const len = t.length
          if (len > 4) t.format(r.int(len - 4), 1 + r.int(3), { bold: r.float() < 0.5 ? true : null })
        }
      }
      // edits come in bursts: 1..8 operations per transaction
      for (let i = 0; i < opsPerUserPerRound;) {
        const burst = 1 + r.int(8)
        d.transact(() => {
          for (let k = 0; k < burst && i < opsPerUserPerRound; k++, i++) {
            op()
            ops++
          }
        })
        transactions++
      }
      return Y.mergeUpdates(h.updatesOf(d).slice(start))
    })
    // exchange the round's batches between users and deliver them to the observer
    batches.forEach((batch, u) => {
      docs.forEach((d, v) => { if (u !== v) h.send(batch, d) })
      delivery.push(batch)
    })
  }
  h.note('operations', ops)
  h.note('transactions', transactions)
  return delivery
}

// ---------------------------------------------------------------------------------------

const scenarios = [
  {
    name: 'basic-single-insert',
    description: 'Smoke test: one client inserts into a text, a map and an array (three updates).',
    roots: { t: 'text', m: 'map', a: 'array' },
    gc: true,
    build: basicSingleInsert
  },
  {
    name: 'content-any',
    description: 'ContentAny with every lib0 "any" kind (strings incl. non-BMP and lone surrogates, ints small/31-bit/large/negative, -0, float32/float64, NaN, ±Infinity, bigint, booleans, null, undefined, nested objects/arrays, integer-like object keys, Uint8Array inside arrays/objects) set as map values and inserted as one array item, then split by an insert and partly deleted. Lone surrogates are encoded by lib0 (TextEncoder) as U+FFFD, so the observing doc sees U+FFFD.',
    roots: { m: 'map', a: 'array' },
    gc: true,
    build: contentAny
  },
  {
    name: 'content-binary',
    description: 'ContentBinary: Uint8Array values set in a map (incl. empty and 300 bytes) and inserted into an array (mixed with ContentAny in one insert), overwritten and deleted.',
    roots: { m: 'map', a: 'array' },
    gc: true,
    build: contentBinary
  },
  {
    name: 'content-string-text',
    description: 'ContentString: text with emoji / non-BMP characters, an insert in the middle of a surrogate pair (Yjs replaces both halves with U+FFFD), a delete starting in the middle of a surrogate pair, a long string.',
    roots: { t: 'text' },
    gc: true,
    build: contentStringText
  },
  {
    name: 'content-embed-format',
    description: 'ContentEmbed (insertEmbed of objects, with and without attributes), ContentType embedded in text (Y.Map), ContentFormat (format, insert with attributes, removing an attribute with null).',
    roots: { t: 'text' },
    gc: true,
    build: contentEmbedFormat
  },
  {
    name: 'text-formatting',
    description: 'Rich text: bold/italic/link with object values, overlapping concurrent format ranges by 3 users, removing formats with null, inserts inside formatted ranges (inherited, explicit, explicitly none), format concurrent with delete.',
    roots: { t: 'text' },
    gc: true,
    build: textFormatting
  },
  {
    name: 'text-apply-delta',
    description: 'Y.Text.applyDelta with insert (with attributes and embeds), retain (with attributes, null removal), delete, concurrently by 2 users; sanitize:false trailing newline.',
    roots: { t: 'text' },
    gc: true,
    build: textApplyDelta
  },
  {
    name: 'text-concurrent',
    description: 'Text: 4 users insert at the same position concurrently, two users delete overlapping ranges while others insert inside / at the start of the deleted range, concurrent inserts at start and end.',
    roots: { t: 'text' },
    gc: true,
    build: textConcurrent
  },
  {
    name: 'array-concurrent',
    description: 'Array: 4 users insert at the same positions (front, middle, end) concurrently, three overlapping concurrent deletes, an insert into a concurrently deleted range.',
    roots: { a: 'array' },
    gc: true,
    build: arrayConcurrent
  },
  ...[2, 3, 4, 5].map(users => ({
    name: `map-concurrent-${users}`,
    description: `Map: ${users} users write the same key concurrently (client ids unsorted), delete vs set conflicts, set vs set with different value kinds, concurrently created nested Y.Map under one key, a second concurrent round.`,
    roots: { m: 'map' },
    gc: true,
    params: { users },
    build: mapConcurrent
  })),
  {
    name: 'nested-deep',
    description: 'Types nested 7 levels deep (map > array > map > array > map > array > map > text); one user deletes a parent containing all children while another edits deep inside it; deletion of a map entry holding a nested type with children.',
    roots: { root: 'map' },
    gc: true,
    build: nestedDeep
  },
  {
    name: 'delete-heavy-gc-on',
    description: 'Delete-heavy edits on text/array/map (insert+delete in one transaction, overlapping concurrent deletes, overwritten map values, deleting a type with children while another user edits inside it) with gc enabled: produces ContentDeleted and GC structs.',
    roots: { t: 'text', a: 'array', m: 'map' },
    gc: true,
    build: deleteHeavy
  },
  {
    name: 'delete-heavy-gc-off',
    description: 'Same edits as delete-heavy-gc-on, but every doc (including the observer) has gc: false, so deleted content is kept.',
    roots: { t: 'text', a: 'array', m: 'map' },
    gc: false,
    build: deleteHeavy
  },
  {
    name: 'content-json',
    description: 'ContentJSON (content ref 2). update-000 and update-001 were written by hand with lib0/encoding in the v1 format (see snippet): client 30 clock 0..5 is a ContentJSON item in root array "arr" with the strings {"a":1}, undefined, [1,2], "str", null, 3.5; clock 6 is a ContentJSON in root map "m" under key "json" (its string spells \\u00e9 as a JSON escape; Yjs re-encodes parsed JSON content with JSON.stringify, so state-as-update.bin holds a literal é there); clock 7..8 is a ContentJSON appended with left origin (30,5). Client 11 then splits the JSON item by an insert, deletes one entry and sets a map key.',
    roots: { arr: 'array', m: 'map' },
    gc: true,
    build: contentJson
  },
  {
    name: 'content-doc',
    description: 'ContentDoc: subdocuments set in a map and pushed into an array (guids sub-guid-1..6), with opts gc:false, autoLoad:true and meta (object and string); a subdoc replaced by another one.',
    roots: { m: 'map', a: 'array' },
    gc: true,
    build: contentDoc
  },
  {
    name: 'xml',
    description: 'XML types: a Y.XmlFragment root with a Y.XmlElement (attributes, a formatted Y.XmlText child, a nested element), a Y.XmlHook (a Y.Map subtype, toString gives "[object Object]") and a trailing Y.XmlText; a Y.XmlElement root (nodeName "UNDEFINED", toString lower-cases it) with attributes; concurrent attribute writes/removal and text edits.',
    roots: { xml: 'xmlFragment', el: 'xmlElement' },
    gc: true,
    build: xmlTypes
  },
  {
    name: 'out-of-order',
    description: 'Out-of-order delivery: a delete-only update before the structs it deletes (pending delete set), inserts that depend on missing structs (pending structs), then the missing updates newest first; everything is resolved by the last update.',
    roots: { t: 'text', m: 'map' },
    gc: true,
    build: outOfOrder
  },
  {
    name: 'duplicate-delivery',
    description: 'Duplicated delivery: the same updates applied 2-3 times, interleaved, plus a merged update overlapping already applied ones (delivered twice).',
    roots: { a: 'array', m: 'map' },
    gc: true,
    build: duplicateDelivery
  },
  {
    name: 'pending-unresolved',
    description: 'Ends with pending structs AND a pending delete set: client 10 update #0 is never delivered, so 10#1, the dependent insert of client 20 and its delete stay pending; encodeStateAsUpdate includes the pending structs and delete set. Client 30 writes an independent map entry that is integrated.',
    roots: { t: 'text', m: 'map' },
    gc: true,
    build: pendingUnresolved
  },
  {
    name: 'large-document',
    description: 'Large document: 3 users perform 102,000 small random edits (seeded PRNG: typing, backspace/deletes, array inserts/deletes, map sets, formatting; bursts of 1-8 edits per transaction) on a text, an array and a map over 10 rounds; each user\'s updates of a round are merged (Y.mergeUpdates) into one update file.',
    roots: { t: 'text', a: 'array', m: 'map' },
    gc: true,
    params: { rounds: 10, opsPerUserPerRound: 3400 },
    build: largeDocument
  }
]

// ---------------------------------------------------------------------------------------
// Writing a scenario
// ---------------------------------------------------------------------------------------

const getRoot = (doc, name, kind) => {
  switch (kind) {
    case 'map': return doc.getMap(name)
    case 'array': return doc.getArray(name)
    case 'text': return doc.getText(name)
    case 'xmlFragment': return doc.getXmlFragment(name)
    case 'xmlElement': return doc.getXmlElement(name)
    default: throw new Error(`unknown root kind ${kind}`)
  }
}

const svToObject = sv => {
  const o = {}
  for (const [client, clock] of sv) o[client] = clock
  return o
}

const pendingInfo = doc => ({
  hasPendingStructs: doc.store.pendingStructs !== null,
  hasPendingDeleteSet: doc.store.pendingDs !== null
})

const writeJson = (file, value) => fs.writeFileSync(file, toTaggedJSON(value, 2) + '\n')

const writeScenario = scenario => {
  const dir = path.join(OUT_DIR, scenario.name)
  fs.mkdirSync(dir, { recursive: true })
  const h = makeHelpers(scenario)
  const updates = scenario.build(h)
  const updateFiles = updates.map((u, i) => `update-${String(i).padStart(3, '0')}.bin`)
  updates.forEach((u, i) => fs.writeFileSync(path.join(dir, updateFiles[i]), u))

  // the observing doc
  const doc = new Y.Doc({ gc: scenario.gc, guid: `${scenario.name}/observer` })
  doc.clientID = OBSERVER_CLIENT_ID
  const steps = []
  updates.forEach((u, i) => {
    Y.applyUpdate(doc, u)
    steps.push({ update: updateFiles[i], stateVector: svToObject(Y.decodeStateVector(Y.encodeStateVector(doc))), ...pendingInfo(doc) })
  })
  const expected = {}
  const deltas = {}
  for (const [name, kind] of Object.entries(scenario.roots)) {
    const type = getRoot(doc, name, kind)
    expected[name] = type.toJSON()
    if (kind === 'text') deltas[name] = type.toDelta()
  }

  const merged = Y.mergeUpdates(updates)
  const mergedV2 = Y.mergeUpdatesV2(updates.map(u => Y.convertUpdateFormatV1ToV2(u)))
  const half = new Y.Doc({ gc: scenario.gc, guid: `${scenario.name}/half` })
  half.clientID = 2
  updates.slice(0, Math.floor(updates.length / 2)).forEach(u => Y.applyUpdate(half, u))
  const diffSv = Y.encodeStateVector(half)
  const meta = Y.parseUpdateMeta(merged)
  const ds = Y.decodeUpdate(merged).ds
  const deleteSet = {}
  for (const [client, items] of ds.clients) deleteSet[client] = items.map(item => [item.clock, item.len])

  const scenarioJson = {
    name: scenario.name,
    description: scenario.description,
    roots: scenario.roots,
    gc: scenario.gc,
    updates: updateFiles,
    snippet: scenario.build.toString()
  }
  if (scenario.params) scenarioJson.params = scenario.params
  if (Object.keys(h.notes).length > 0) scenarioJson.notes = h.notes
  writeJson(path.join(dir, 'scenario.json'), scenarioJson)
  writeJson(path.join(dir, 'expected.json'), expected)
  if (Object.keys(deltas).length > 0) writeJson(path.join(dir, 'expected-delta.json'), deltas)
  writeJson(path.join(dir, 'steps.json'), steps)
  fs.writeFileSync(path.join(dir, 'state-vector.bin'), Y.encodeStateVector(doc))
  fs.writeFileSync(path.join(dir, 'state-as-update.bin'), Y.encodeStateAsUpdate(doc))
  fs.writeFileSync(path.join(dir, 'state-as-update-v2.bin'), Y.encodeStateAsUpdateV2(doc))
  fs.writeFileSync(path.join(dir, 'merged.bin'), merged)
  fs.writeFileSync(path.join(dir, 'merged-v2.bin'), mergedV2)
  fs.writeFileSync(path.join(dir, 'state-vector-from-update.bin'), Y.encodeStateVectorFromUpdate(merged))
  fs.writeFileSync(path.join(dir, 'diff-sv.bin'), diffSv)
  fs.writeFileSync(path.join(dir, 'diff.bin'), Y.diffUpdate(merged, diffSv))
  // [clock, len] pairs are written on one line each to keep the file small
  fs.writeFileSync(path.join(dir, 'update-meta.json'), toTaggedJSON({ from: svToObject(meta.from), to: svToObject(meta.to), deleteSet }, 2)
    .replace(/\[\n\s+(\d+),\n\s+(\d+)\n\s+\]/g, '[$1, $2]') + '\n')
  writeJson(path.join(dir, 'pending.json'), pendingInfo(doc))

  let size = 0
  for (const f of fs.readdirSync(dir)) size += fs.statSync(path.join(dir, f)).size
  return { name: scenario.name, updates: updates.length, size, pending: pendingInfo(doc), notes: h.notes }
}

const main = () => {
  const names = new Set()
  for (const s of scenarios) {
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(s.name)) throw new Error(`scenario name is not kebab-case: ${s.name}`)
    if (names.has(s.name)) throw new Error(`duplicate scenario name: ${s.name}`)
    names.add(s.name)
  }
  fs.rmSync(OUT_DIR, { recursive: true, force: true })
  fs.mkdirSync(OUT_DIR, { recursive: true })
  let total = 0
  for (const s of scenarios) {
    const r = writeScenario(s)
    total += r.size
    const flags = [r.pending.hasPendingStructs ? 'pendingStructs' : '', r.pending.hasPendingDeleteSet ? 'pendingDs' : ''].filter(x => x).join(',')
    console.error(`${r.name.padEnd(24)} ${String(r.updates).padStart(3)} updates ${String(r.size).padStart(9)} bytes ${flags} ${Object.keys(r.notes).length ? JSON.stringify(r.notes) : ''}`)
  }
  console.error(`total ${total} bytes in ${OUT_DIR}`)
}

main()
