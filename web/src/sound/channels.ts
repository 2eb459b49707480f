// Each track's MIDI channel, as the server's MIDI export assigns them (schema/MidiChannels.java):
// drums on the General MIDI percussion channel (10, index 9), the pitched parts on the other fifteen
// in track order, a sixteenth pitched part sharing channel 1 again.
import type { TrackRole } from '../model/schema'

export const PERCUSSION_CHANNEL = 9

export function assignChannels(tracks: readonly { role: TrackRole }[]): number[] {
  let pitched = 0
  return tracks.map((t) => {
    if (t.role === 'drums') return PERCUSSION_CHANNEL
    const c = pitched++ % 15
    return c < PERCUSSION_CHANNEL ? c : c + 1
  })
}

/** Gain 0 to 1 onto MIDI volume 0 to 127, and pan −1 to 1 onto 0 to 127 with the centre on 64 (as the export). */
export function midiVolume(gain: number): number {
  return Math.round(Math.min(1, Math.max(0, gain)) * 127)
}

export function midiPan(pan: number): number {
  const p = Math.min(1, Math.max(-1, pan))
  return Math.round(64 + p * (p < 0 ? 64 : 63))
}
