import * as Y from 'yjs'

// Fixture scenarios: concurrent edits, nesting, deletions, delivery order and a large document.
// Each scenario builds its updates through the helper object `h` of generate-fixtures.mjs.

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

export const scenarios = [
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
