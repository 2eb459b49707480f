package org.ensemble.schema;

import java.nio.charset.StandardCharsets;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.ShortMessage;

/**
 * The MIDI numbers the export writes, named once, and events built from them. Values come from a
 * {@link ProjectView}, which only holds valid ones, so a refused message is a bug here and is thrown
 * as {@link IllegalStateException}.
 */
final class MidiMessages {
  static final int META_TEXT = 0x01;
  static final int META_COPYRIGHT = 0x02;
  static final int META_TRACK_NAME = 0x03;
  static final int META_MARKER = 0x06;
  static final int META_TEMPO = 0x51;
  static final int META_TIME_SIGNATURE = 0x58;
  static final int META_KEY_SIGNATURE = 0x59;
  static final int CONTROL_VOLUME = 7;
  static final int CONTROL_PAN = 10;
  /** MIDI channel 10, counted from zero. */
  static final int PERCUSSION_CHANNEL = 9;
  static final int CHANNELS = 16;
  /** The release velocity MIDI 1.0 asks senders without release sensing to use. */
  static final int NOTE_OFF_VELOCITY = 64;

  private MidiMessages() {}

  /** A text-like meta event (text, track name, marker); text is written as UTF-8. */
  static MidiEvent text(int type, String text, long tick) {
    return meta(type, text.getBytes(StandardCharsets.UTF_8), tick);
  }

  static MidiEvent meta(int type, byte[] data, long tick) {
    try {
      return new MidiEvent(new MetaMessage(type, data, data.length), tick);
    } catch (InvalidMidiDataException e) {
      throw new IllegalStateException("meta event " + type + " refused", e);
    }
  }

  static MidiEvent channel(int command, int channel, int data1, int data2, long tick) {
    try {
      return new MidiEvent(new ShortMessage(command, channel, data1, data2), tick);
    } catch (InvalidMidiDataException e) {
      throw new IllegalStateException("channel message " + command + " refused", e);
    }
  }
}
