// Tagged JSON: plain JSON plus a few single-key wrapper objects for the values
// that JSON cannot represent, so that Java can compare Yjs values exactly.
//
//   undefined            -> {"$undefined": true}
//   bigint 5n            -> {"$bigint": "5"}
//   Uint8Array           -> {"$bytes": "<base64>"}
//   Y.Doc (subdocument)  -> {"$doc": "<guid>"}
//   NaN / ±Infinity      -> {"$number": "NaN" | "Infinity" | "-Infinity"}
//   -0                   -> {"$number": "-0"}
//
// Reading back (fromTagged) additionally accepts
//   {"$doc": "<guid>", "opts": {...}} -> new Y.Doc({guid, ...opts})
// and lets the caller handle {"$type": ...} objects through a hook (the peer uses
// this for nested shared types).

import * as Y from 'yjs'

/** @param {Uint8Array} bytes */
export const toBase64 = bytes => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64')

/**
 * Always returns a plain Uint8Array (never a Buffer, whose toJSON would get in the way).
 * @param {string} b64
 */
export const fromBase64 = b64 => {
  if (typeof b64 !== 'string') throw new Error('expected a base64 string')
  return new Uint8Array(Buffer.from(b64, 'base64'))
}

/**
 * JSON.stringify replacer. It looks at the holder's raw value (`this[key]`) so that
 * values with a toJSON method (Y.Doc, Buffer) are still recognised.
 * @this {any}
 * @param {string} key
 * @param {any} value
 */
export function taggedReplacer (key, value) {
  const raw = this[key]
  if (raw instanceof Uint8Array) return { $bytes: toBase64(raw) }
  if (raw instanceof Y.Doc) return { $doc: raw.guid }
  switch (typeof value) {
    case 'undefined':
      return { $undefined: true }
    case 'bigint':
      return { $bigint: value.toString() }
    case 'number':
      if (Number.isNaN(value)) return { $number: 'NaN' }
      if (value === Infinity) return { $number: 'Infinity' }
      if (value === -Infinity) return { $number: '-Infinity' }
      if (Object.is(value, -0)) return { $number: '-0' }
      return value
    default:
      return value
  }
}

/**
 * @param {any} value
 * @param {number} [indent] pass 2 for files, nothing for one-line output
 */
export const toTaggedJSON = (value, indent) => JSON.stringify(value, taggedReplacer, indent)

const NUMBER_TAGS = { NaN, Infinity, '-Infinity': -Infinity, '-0': -0 }

/**
 * Turns a parsed tagged-JSON value back into a JS value. Object key order is kept as
 * given (except that JS itself always orders integer-like keys such as "1", "10" first).
 * @param {any} v
 * @param {(tagged: any) => any} [typeHook] called for objects with a "$type" key
 * @return {any}
 */
export const fromTagged = (v, typeHook) => {
  if (v === null || typeof v !== 'object') return v
  if (Array.isArray(v)) return v.map(e => fromTagged(e, typeHook))
  const keys = Object.keys(v)
  if (keys.length === 1) {
    switch (keys[0]) {
      case '$undefined':
        return undefined
      case '$bigint':
        return BigInt(v.$bigint)
      case '$bytes':
        return fromBase64(v.$bytes)
      case '$number':
        if (!Object.prototype.hasOwnProperty.call(NUMBER_TAGS, v.$number)) throw new Error(`unknown $number tag: ${v.$number}`)
        return NUMBER_TAGS[v.$number]
      case '$doc':
        return new Y.Doc({ guid: String(v.$doc) })
    }
  }
  if (keys.length === 2 && keys.includes('$doc') && keys.includes('opts')) {
    return new Y.Doc({ ...fromTagged(v.opts), guid: String(v.$doc) })
  }
  if (keys.includes('$type')) {
    if (typeHook === undefined) throw new Error('"$type" values are not allowed here')
    return typeHook(v)
  }
  const out = {}
  for (const k of keys) {
    // defineProperty so that a "__proto__" key becomes an ordinary own property
    Object.defineProperty(out, k, { value: fromTagged(v[k], typeHook), enumerable: true, writable: true, configurable: true })
  }
  return out
}

/**
 * @param {string} text
 * @param {(tagged: any) => any} [typeHook]
 */
export const parseTaggedJSON = (text, typeHook) => fromTagged(JSON.parse(text), typeHook)
