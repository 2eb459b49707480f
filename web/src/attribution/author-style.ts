// How a note looks when the roll is coloured by author: people in their presence colour (the same
// userColor as the people list), the AI's notes in one neutral colour AND hatched with an "AI" label
// where the note is wide enough, so that colour is never the only cue; an AI note a person changed
// afterwards also gets a corner notch. Unknown authors (not yet in the ledger) are grey.
import { userColor } from '../pianoroll/colors'
import type { NoteLook } from '../pianoroll/render'
import { AI_ACTOR, type NoteCredit } from './credit'

export type AuthorKind = 'human' | 'ai' | 'ai-changed' | 'unknown'

export interface NoteStyle extends NoteLook {
  kind: AuthorKind
  /** The user id, "ai", or "" when unknown. */
  author: string
  pattern?: 'hatch'
  label?: 'AI'
  notch: boolean
}

export const AI_COLOR = '#4b4f63'
export const UNKNOWN_COLOR = '#a3a8b3'
/** Narrowest note (px) that gets the "AI" label; narrower ones keep the hatch. */
export const LABEL_MIN_WIDTH = 16

/** A person's colour (as in the people list), or the AI's. */
export function authorColor(actor: string): string {
  return actor === AI_ACTOR ? AI_COLOR : userColor(actor)
}

// One style object per kind and author, so that drawing thousands of notes allocates nothing.
const cache = new Map<string, NoteStyle>()

export function styleFor(credit: NoteCredit | undefined): NoteStyle {
  const kind: AuthorKind = !credit ? 'unknown'
    : credit.creator.source === 'ai' ? (credit.changedBy && credit.changedBy.source === 'human' ? 'ai-changed' : 'ai')
      : 'human'
  const author = credit?.creator.id ?? ''
  const key = `${kind}\u0000${author}`
  let s = cache.get(key)
  if (!s) {
    const ai = kind === 'ai' || kind === 'ai-changed'
    s = {
      kind, author, notch: kind === 'ai-changed',
      fill: kind === 'unknown' ? UNKNOWN_COLOR : authorColor(author),
      pattern: ai ? 'hatch' : undefined,
      label: ai ? 'AI' : undefined,
      decorate: ai ? (ctx, x, y, w, h) => decorateAi(ctx, x, y, w, h, kind === 'ai-changed') : undefined,
    }
    cache.set(key, s)
  }
  return s
}

const hatches = new WeakMap<CanvasRenderingContext2D, CanvasPattern>()

/** Light diagonal stripes, drawn once into a small tile and repeated. */
function hatch(ctx: CanvasRenderingContext2D): CanvasPattern | null {
  let p = hatches.get(ctx)
  if (p) return p
  const tile = document.createElement('canvas')
  tile.width = tile.height = 6
  const t = tile.getContext('2d')!
  t.strokeStyle = 'rgba(255,255,255,0.75)'
  t.lineWidth = 1.5
  t.beginPath()
  t.moveTo(-1, 7); t.lineTo(7, -1)
  t.moveTo(5, 7); t.lineTo(7, 5)
  t.moveTo(-1, 1); t.lineTo(1, -1)
  t.stroke()
  p = ctx.createPattern(tile, 'repeat') ?? undefined
  if (p) hatches.set(ctx, p)
  return p ?? null
}

function decorateAi(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number, notch: boolean): void {
  // The label sits on the plain fill at the note's start (legible); the hatch covers the rest.
  const labelled = w >= LABEL_MIN_WIDTH
  const labelW = labelled ? Math.min(w, LABEL_MIN_WIDTH - 2) : 0
  const p = hatch(ctx)
  if (p) {
    ctx.fillStyle = p
    ctx.fillRect(x + labelW, y, w - labelW, h)
  }
  if (labelled) {
    ctx.fillStyle = '#ffffff'
    ctx.font = `bold ${Math.max(7, Math.min(11, h + 1))}px system-ui, sans-serif`
    ctx.textBaseline = 'middle'
    ctx.fillText('AI', x + 1.5, y + h / 2 + 0.5, labelW - 2)
    ctx.textBaseline = 'alphabetic'
  }
  if (notch) {
    // A dark corner cut at the top right: "a person changed this after the AI wrote it".
    const n = Math.min(h, 6, w / 2)
    ctx.fillStyle = '#111'
    ctx.beginPath()
    ctx.moveTo(x + w - n, y); ctx.lineTo(x + w, y); ctx.lineTo(x + w, y + n)
    ctx.closePath()
    ctx.fill()
  }
}
