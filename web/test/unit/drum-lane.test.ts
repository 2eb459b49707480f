import { describe, expect, it } from 'vitest'
import type { Track } from '../../src/model/schema'
import { drumRows, layoutLanes, nearestPitch, pitchAt, stepPitch, yOfPitch } from '../../src/pianoroll/layout'
import { assignChannels, midiPan, midiVolume } from '../../src/sound/channels'

const track = (role: Track['role'], pitches: number[] = []): Track => ({
  id: role, name: role, instrument: 0, role, mute: false, solo: false, gain: 0.8, pan: 0,
  notes: pitches.map((p, i) => ({ id: `${role}${i}`, pitch: p, start: i * 480, duration: 480, velocity: 80 })),
})

describe('drum lanes', () => {
  it('show the kit pieces, cymbals on top and kicks at the bottom, plus any other key the notes use', () => {
    const rows = drumRows(track('drums', [60, 27]))
    expect(rows[0]).toBe(60)
    expect(rows[1]).toBe(49)
    expect(rows.slice(-3)).toEqual([36, 35, 27])
    expect(new Set(rows).size).toBe(rows.length)
  })

  it('map rows to kit keys both ways, at least 12 px high, and step the cursor by row', () => {
    const [, drums] = layoutLanes([track('soprano'), track('drums')], 8)
    expect(drums.rowHeight).toBe(12)
    const rows = drums.rows!
    rows.forEach((p, i) => {
      expect(yOfPitch(drums, p, 8)).toBe(drums.top + i * 12)
      expect(pitchAt(drums, drums.top + i * 12 + 5, 8)).toBe(p)
    })
    expect(stepPitch(drums, 36, 1)).toBe(38) // kick, up a row: the snare
    expect(stepPitch(drums, 49, 1)).toBe(49) // the top row stays
    expect(nearestPitch(drums, 72)).toBe(38) // from a pitched lane the cursor lands on the snare
  })

  it('give drums channel 10 and the pitched parts the other fifteen, as the MIDI export', () => {
    const roles = ['soprano', 'drums', ...Array(15).fill('other')] as Track['role'][]
    const ch = assignChannels(roles.map((r) => ({ role: r })))
    expect(ch.slice(0, 3)).toEqual([0, 9, 1])
    expect(ch).not.toContain(undefined)
    expect([ch[9], ch[10]]).toEqual([8, 10]) // the tenth pitched part skips channel 10 (index 9)
    expect(ch[16]).toBe(0) // the sixteenth pitched part shares channel 1
    expect([midiVolume(0.8), midiPan(-1), midiPan(0), midiPan(1)]).toEqual([102, 0, 64, 127])
  })
})
