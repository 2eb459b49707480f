import { describe, expect, it } from 'vitest'
import { gridTicks, snapDown, snapNearest, zoomAround } from '../../src/editing/grid'

describe('grid and zoom', () => {
  it('turns grid choices into ticks', () => {
    expect(gridTicks(1 / 4, 480, 1920)).toBe(120)
    expect(gridTicks(1 / 3, 480, 1920)).toBe(160)
    expect(gridTicks(0, 480, 1440)).toBe(1440) // one bar of 6/8
    expect(gridTicks(-1, 480, 1920)).toBe(1) // snapping off
  })
  it('snaps down and to the nearest line', () => {
    expect(snapDown(479, 120)).toBe(360)
    expect(snapNearest(479, 120)).toBe(480)
    expect(snapNearest(59, 120)).toBe(0)
  })
  it('keeps the tick under the pointer in place when zooming', () => {
    const before = { pxPerTick: 0.1, scrollX: 500 }
    const anchor = 300
    const tick = (before.scrollX + anchor) / before.pxPerTick
    const z = zoomAround(before.pxPerTick, before.scrollX, anchor, 2)
    expect(z.pxPerTick).toBeCloseTo(0.2)
    expect((z.scrollX + anchor) / z.pxPerTick).toBeCloseTo(tick)
    expect(zoomAround(0.9, 0, 0, 10).pxPerTick).toBe(1)
  })
})
