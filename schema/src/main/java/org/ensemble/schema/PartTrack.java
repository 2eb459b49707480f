package org.ensemble.schema;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;

/**
 * One part as a MIDI track: its name, the caller's extra text events, then at tick 0 the program
 * change, volume (CC 7) and pan (CC 10) on the part's channel, then its notes at their own velocity.
 * Mute and solo are studio monitoring states, not part of the score: a muted part is exported like
 * any other.
 */
final class PartTrack {
  private static final int MIDI_MAX = 127;
  private static final int PAN_CENTRE = 64;

  private PartTrack() {}

  static void write(TrackView part, int channel, List<String> texts, Track track) {
    track.add(MidiMessages.text(MidiMessages.META_TRACK_NAME, part.name(), 0));
    for (String text : texts) {
      track.add(MidiMessages.text(MidiMessages.META_TEXT, text, 0));
    }
    track.add(MidiMessages.channel(ShortMessage.PROGRAM_CHANGE, channel, part.instrument(), 0, 0));
    track.add(MidiMessages.channel(ShortMessage.CONTROL_CHANGE, channel, MidiMessages.CONTROL_VOLUME,
        volume(part.gain()), 0));
    track.add(MidiMessages.channel(ShortMessage.CONTROL_CHANGE, channel, MidiMessages.CONTROL_PAN, pan(part.pan()),
        0));
    for (MidiEvent event : noteEvents(part.notes(), channel)) {
      track.add(event);
    }
  }

  /** Gain 0 to 1, linear onto MIDI volume 0 to 127. */
  static int volume(double gain) {
    return (int) Math.round(gain * MIDI_MAX);
  }

  /** Pan -1 to 1 onto 0 to 127 with the centre exactly on 64: 64 steps to the left, 63 to the right. */
  static int pan(double pan) {
    double steps = pan < 0 ? PAN_CENTRE : MIDI_MAX - PAN_CENTRE;
    return (int) Math.round(PAN_CENTRE + pan * steps);
  }

  /**
   * Note-ons and note-offs in time order; at one tick the note-offs come first, so that a note that
   * ends where the same pitch starts again is released before it is struck. {@link Track#add} keeps
   * the order of events added at one tick.
   */
  private static List<MidiEvent> noteEvents(List<NoteView> notes, int channel) {
    List<MidiEvent> events = new ArrayList<>(notes.size() * 2);
    for (NoteView note : notes) {
      events.add(MidiMessages.channel(ShortMessage.NOTE_ON, channel, note.pitch(), note.velocity(), note.start()));
      events.add(MidiMessages.channel(ShortMessage.NOTE_OFF, channel, note.pitch(), MidiMessages.NOTE_OFF_VELOCITY,
          note.end()));
    }
    events.sort(Comparator.comparingLong(MidiEvent::getTick).thenComparing(PartTrack::isNoteOn));
    return events;
  }

  private static boolean isNoteOn(MidiEvent event) {
    return ((ShortMessage) event.getMessage()).getCommand() == ShortMessage.NOTE_ON;
  }
}
