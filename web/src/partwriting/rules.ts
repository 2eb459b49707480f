// The part-writing rules, ported from the schema module (one Java class a rule there; docs/part-writing.md
// has the table). Ids, findings and explanations are the server's word for word, so the studio's live
// markers and the API's report agree (the e2e test part-writing compares them on one piece).
import { ALTO, BASS, type Finding, PARTS, SOPRANO, TENOR, Texture } from './texture'

export interface Rule {
  id: string
  /** One line for a student: what the rule asks (shown where a teacher chooses rules). */
  summary: string
  check: (t: Texture, out: Finding[]) => void
}

const lower = (s: string) => s.toLowerCase()
const sign = Math.sign
const mod12 = (n: number) => ((n % 12) + 12) % 12

/** The ids of both voices' notes before and after the move at `e`, upper voice first. */
function moveIds(t: Texture, e: number, upper: number, low: number): string[] {
  return [t.at(e - 1, upper)!.id, t.at(e, upper)!.id, t.at(e - 1, low)!.id, t.at(e, low)!.id]
}

/** "G4 over C4 to A4 over D4". */
function motion(t: Texture, e: number, upper: number, low: number): string {
  return `${t.name(t.at(e - 1, upper)!.pitch)} over ${t.name(t.at(e - 1, low)!.pitch)} to `
    + `${t.name(t.at(e, upper)!.pitch)} over ${t.name(t.at(e, low)!.pitch)}`
}

function parallels(id: string, interval: number, plural: string): Rule {
  return {
    id, summary: `No two voices may move in parallel ${plural}.`,
    check(t, out) {
      for (let e = 1; e < t.events; e++) {
        for (let i = 0; i < 4; i++) {
          for (let j = i + 1; j < 4; j++) {
            if (!t.moves(e, i) || !t.moves(e, j)) continue
            const [ub, ua, lb, la] = [t.at(e - 1, i)!.pitch, t.at(e, i)!.pitch, t.at(e - 1, j)!.pitch, t.at(e, j)!.pitch]
            if (sign(ua - ub) !== sign(la - lb) || mod12(ub - lb) !== interval || mod12(ua - la) !== interval) continue
            const unisons = ua === la && ub === lb
            out.push(t.finding(id, t.times[e], [i, j], moveIds(t, e, i, j),
              `${PARTS[i].title} and ${lower(PARTS[j].title)} move in parallel ${unisons ? 'unisons' : plural} (`
              + `${motion(t, e, i, j)}). Moving two voices the same way from one perfect `
              + `${interval === 7 ? 'fifth' : 'octave'} to another makes them sound like one voice; `
              + 'move one of them by contrary or oblique motion.'))
          }
        }
      }
    },
  }
}

function hidden(id: string, interval: number, word: string): Rule {
  return {
    id, summary: `Soprano and bass should not reach a perfect ${word} by similar motion with a leap in the soprano.`,
    check(t, out) {
      for (let e = 1; e < t.events; e++) {
        if (!t.moves(e, SOPRANO) || !t.moves(e, BASS)) continue
        const sopranoStep = t.at(e, SOPRANO)!.pitch - t.at(e - 1, SOPRANO)!.pitch
        const bassStep = t.at(e, BASS)!.pitch - t.at(e - 1, BASS)!.pitch
        const before = mod12(t.at(e - 1, SOPRANO)!.pitch - t.at(e - 1, BASS)!.pitch)
        const after = mod12(t.at(e, SOPRANO)!.pitch - t.at(e, BASS)!.pitch)
        if (sign(sopranoStep) === sign(bassStep) && after === interval && before !== interval && Math.abs(sopranoStep) > 2) {
          out.push(t.finding(id, t.times[e], [SOPRANO, BASS], moveIds(t, e, SOPRANO, BASS),
            `Hidden ${word} between soprano and bass (${motion(t, e, SOPRANO, BASS)}): the outer voices move the same `
            + `way into a perfect ${word} and the soprano leaps. Let the soprano move by step, or move the voices in contrary motion.`))
        }
      }
    },
  }
}

const voiceCrossing: Rule = {
  id: 'voice-crossing', summary: 'Each voice stays below the voice above it.',
  check(t, out) {
    for (let e = 0; e < t.events; e++) {
      for (let i = 0; i + 1 < 4; i++) {
        const up = t.at(e, i)
        const low = t.at(e, i + 1)
        if (!up || !low || !(t.starts(e, i) || t.starts(e, i + 1)) || low.pitch <= up.pitch) continue
        out.push(t.finding('voice-crossing', t.times[e], [i, i + 1], [up.id, low.id],
          `${PARTS[i + 1].title} (${t.name(low.pitch)}) is above ${lower(PARTS[i].title)} (${t.name(up.pitch)}). `
          + `Voices cross, so the listener loses track of which line is which; keep the ${PARTS[i + 1].id} at or below the ${PARTS[i].id}.`))
      }
    }
  },
}

const voiceOverlap: Rule = {
  id: 'voice-overlap', summary: 'No voice moves past the previous note of its neighbouring voice.',
  check(t, out) {
    const overlap = (e: number, mover: number, other: number, side: string, otherBefore: number) => {
      const [up, low] = mover < other ? [mover, other] : [other, mover]
      return t.finding('voice-overlap', t.times[e], [up, low], moveIds(t, e, up, low),
        `${PARTS[mover].title} moves to ${t.name(t.at(e, mover)!.pitch)}, ${side} the ${t.name(otherBefore)} the `
        + `${PARTS[other].id} has just sung. Overlapping voices blur the lines; keep each voice on its own side of its neighbour's previous note.`)
    }
    for (let e = 1; e < t.events; e++) {
      for (let i = 0; i + 1 < 4; i++) {
        const j = i + 1
        if (!t.at(e - 1, i) || !t.at(e - 1, j) || !t.at(e, i) || !t.at(e, j)) continue
        const upperBefore = t.at(e - 1, i)!.pitch
        const lowerBefore = t.at(e - 1, j)!.pitch
        if (t.moves(e, j) && t.at(e, j)!.pitch > upperBefore) out.push(overlap(e, j, i, 'above', upperBefore))
        else if (t.moves(e, i) && t.at(e, i)!.pitch < lowerBefore) out.push(overlap(e, i, j, 'below', lowerBefore))
      }
    }
  },
}

const spacing: Rule = {
  id: 'spacing', summary: 'Adjacent upper voices stay within an octave of each other (tenor and bass may be further apart).',
  check(t, out) {
    for (let e = 0; e < t.events; e++) {
      for (const [i, j] of [[SOPRANO, ALTO], [ALTO, TENOR]]) {
        const up = t.at(e, i)
        const low = t.at(e, j)
        if (!up || !low || !(t.starts(e, i) || t.starts(e, j))) continue
        const gap = up.pitch - low.pitch
        if (gap <= 12) continue
        out.push(t.finding('spacing', t.times[e], [i, j], [up.id, low.id],
          `${PARTS[i].title} (${t.name(up.pitch)}) and ${PARTS[j].id} (${t.name(low.pitch)}) are ${gap} semitones apart, `
          + 'more than an octave. Keep the upper voices within an octave of each other so the chord sounds as one; '
          + 'only tenor and bass may be further apart.'))
      }
    }
  },
}

const range: Rule = {
  id: 'range', summary: 'Each voice stays in its singable range.',
  check(t, out) {
    PARTS.forEach((part, p) => {
      for (const n of t.notes[p]) {
        if (n.pitch >= part.lowest && n.pitch <= part.highest) continue
        out.push(t.finding('range', n.start, [p], [n.id],
          `${part.title} sings ${t.name(n.pitch)}, ${n.pitch < part.lowest ? 'below' : 'above'} its range (`
          + `${t.name(part.lowest)} to ${t.name(part.highest)}). Most singers cannot sing it comfortably; `
          + 'move the note an octave or give it to another voice.'))
      }
    })
  },
}

/** The augmented interval `size` semitones above `low` in the key, or undefined (Leap.java's reading). */
function augmented(t: Texture, low: number, size: number): string | undefined {
  const degree = t.degree(low)
  const top = t.degree(low + size)
  if (size === 6 && ((degree === 5 && top === 11) || (t.minor && degree === 8 && top === 2))) return 'an augmented fourth (tritone)'
  if (t.minor && size === 3 && degree === 8 && top === 11) return 'an augmented second'
  if (t.minor && size === 8 && degree === 3 && top === 11) return 'an augmented fifth'
  return undefined
}

const leap: Rule = {
  id: 'leap', summary: 'No leaps larger than an octave, and no augmented leaps.',
  check(t, out) {
    PARTS.forEach((part, p) => {
      const notes = t.notes[p]
      for (let n = 1; n < notes.length; n++) {
        const before = notes[n - 1]
        const after = notes[n]
        // A rest between them, or one chord's doubled note: not a melodic move.
        if (after.start > before.start + before.duration || after.start === before.start) continue
        const size = Math.abs(after.pitch - before.pitch)
        const what = size > 12 ? `a leap of ${size} semitones, more than an octave`
          : augmented(t, Math.min(before.pitch, after.pitch), size)
        if (!what) continue
        out.push(t.finding('leap', after.start, [p], [before.id, after.id],
          `${part.title} leaps from ${t.name(before.pitch)} to ${t.name(after.pitch)}, ${what}. Such leaps are hard to `
          + 'sing in tune; move by a smaller or a perfect interval, or by step.'))
      }
    })
  },
}

const leadingTone: Rule = {
  id: 'leading-tone', summary: 'At a V–I, a leading tone in the soprano rises to the tonic.',
  check(t, out) {
    for (let e = 1; e < t.events; e++) {
      if (!t.at(e - 1, SOPRANO) || !t.at(e, SOPRANO) || !t.moves(e, BASS)) continue
      const soprano = t.at(e - 1, SOPRANO)!.pitch
      const sopranoAfter = t.at(e, SOPRANO)!.pitch
      if (t.degree(t.at(e - 1, BASS)!.pitch) !== 7 || t.degree(t.at(e, BASS)!.pitch) !== 0
        || t.degree(soprano) !== 11 || sopranoAfter === soprano + 1) continue
      out.push(t.finding('leading-tone', t.times[e], [SOPRANO, BASS], moveIds(t, e, SOPRANO, BASS),
        `At this V–I cadence the soprano's leading tone ${t.name(soprano)} goes to ${t.name(sopranoAfter)} instead of `
        + `rising a semitone to the tonic ${t.name(soprano + 1)}. The leading tone pulls up to the tonic; in the top `
        + 'voice the ear expects that resolution.'))
    }
  },
}

/** Every rule, in the order findings of one moment are listed (the server's order). */
export const RULES: readonly Rule[] = [
  parallels('parallel-fifths', 7, 'fifths'), parallels('parallel-octaves', 0, 'octaves'),
  hidden('hidden-fifths', 7, 'fifth'), hidden('hidden-octaves', 0, 'octave'),
  voiceCrossing, voiceOverlap, spacing, range, leap, leadingTone,
]
