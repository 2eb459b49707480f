// The snapping grid and the zoom: what a pointer position or a key press means in ticks.

/** Grid steps offered, in fractions of a quarter note (1 = quarter, 1/4 = sixteenth, 1/3 = triplet eighth). */
export const GRID_CHOICES: { label: string; quarters: number }[] = [
  { label: '1 bar', quarters: 0 }, // 0 means "one bar of the time signature"
  { label: '1/2', quarters: 2 },
  { label: '1/4', quarters: 1 },
  { label: '1/8', quarters: 1 / 2 },
  { label: '1/8 triplet', quarters: 1 / 3 },
  { label: '1/16', quarters: 1 / 4 },
  { label: '1/32', quarters: 1 / 8 },
  { label: 'off', quarters: -1 },
]

/** The grid step in ticks (1 when snapping is off). */
export function gridTicks(quarters: number, ticksPerQuarter: number, ticksPerBar: number): number {
  if (quarters === 0) return ticksPerBar
  if (quarters < 0) return 1
  return Math.max(1, Math.round(quarters * ticksPerQuarter))
}

/** The grid line at or before `tick`. */
export function snapDown(tick: number, grid: number): number {
  return Math.floor(tick / grid) * grid
}

/** The nearest grid line. */
export function snapNearest(tick: number, grid: number): number {
  return Math.round(tick / grid) * grid
}

export const MIN_PX_PER_TICK = 0.005
export const MAX_PX_PER_TICK = 1

/** Zooms by `factor`, keeping the tick under `anchorX` (pixels from the view's left) in place. */
export function zoomAround(pxPerTick: number, scrollX: number, anchorX: number, factor: number):
  { pxPerTick: number; scrollX: number } {
  const next = Math.min(MAX_PX_PER_TICK, Math.max(MIN_PX_PER_TICK, pxPerTick * factor))
  const tickAtAnchor = (scrollX + anchorX) / pxPerTick
  return { pxPerTick: next, scrollX: Math.max(0, tickAtAnchor * next - anchorX) }
}
