import * as Y from 'yjs'
import * as encoding from 'lib0/encoding'

// Fixture scenarios: every content kind, text formatting, subdocuments and XML.
// Each scenario builds its updates through the helper object `h` of generate-fixtures.mjs.

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

export const scenarios = [
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
  }
]
