package org.ensemble.schema;

import java.util.List;

/**
 * Gives each part its own MIDI channel, in track order: drums on the General MIDI percussion channel
 * (10), pitched parts on the other fifteen. A sixteenth pitched part shares a channel again, starting
 * over from channel 1: a single-port Standard MIDI File has no more.
 */
final class MidiChannels {
  private MidiChannels() {}

  /** The channel (0 to 15) of each track, by position. */
  static int[] assign(List<TrackView> tracks) {
    int[] channels = new int[tracks.size()];
    int pitched = 0;
    for (int i = 0; i < channels.length; i++) {
      if (tracks.get(i).role() == TrackRole.DRUMS) {
        channels[i] = MidiMessages.PERCUSSION_CHANNEL;
      } else {
        int channel = pitched++ % (MidiMessages.CHANNELS - 1);
        channels[i] = channel < MidiMessages.PERCUSSION_CHANNEL ? channel : channel + 1;
      }
    }
    return channels;
  }
}
