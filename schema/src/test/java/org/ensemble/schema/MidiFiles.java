package org.ensemble.schema;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;

/** Reads exported files back with the JDK's own MIDI file reader, for assertions. */
final class MidiFiles {
  /** A note as a MIDI player hears it. */
  record Played(int channel, int pitch, long start, long end, int velocity) {}

  /** A channel message, without its tick. */
  record Channel(int command, int channel, int data1, int data2) {}

  private MidiFiles() {}

  static Sequence parse(byte[] file) {
    try {
      return MidiSystem.getSequence(new ByteArrayInputStream(file));
    } catch (InvalidMidiDataException | IOException e) {
      throw new AssertionError("not a readable MIDI file", e);
    }
  }

  static int fileType(byte[] file) {
    try {
      return MidiSystem.getMidiFileFormat(new ByteArrayInputStream(file)).getType();
    } catch (InvalidMidiDataException e) {
      throw new AssertionError(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<MidiEvent> events(Track track) {
    List<MidiEvent> events = new ArrayList<>();
    for (int i = 0; i < track.size(); i++) {
      events.add(track.get(i));
    }
    return events;
  }

  /** The data of the meta events of one type, in order. */
  static List<byte[]> metaData(Track track, int type) {
    return events(track).stream().map(MidiEvent::getMessage)
        .filter(m -> m instanceof MetaMessage && ((MetaMessage) m).getType() == type)
        .map(m -> ((MetaMessage) m).getData()).toList();
  }

  static List<String> metaTexts(Track track, int type) {
    return metaData(track, type).stream().map(data -> new String(data, StandardCharsets.UTF_8)).toList();
  }

  /** Program changes and controller changes, in order. */
  static List<Channel> controls(Track track) {
    return events(track).stream().map(MidiEvent::getMessage).filter(m -> m instanceof ShortMessage)
        .map(m -> (ShortMessage) m)
        .filter(m -> m.getCommand() == ShortMessage.PROGRAM_CHANGE || m.getCommand() == ShortMessage.CONTROL_CHANGE)
        .map(m -> new Channel(m.getCommand(), m.getChannel(), m.getData1(), m.getData2())).toList();
  }

  /** Note-ons paired with the note-offs that end them, first struck first released; by start, pitch. */
  static List<Played> notes(Track track) {
    Map<Integer, Deque<MidiEvent>> sounding = new HashMap<>();
    List<Played> played = new ArrayList<>();
    for (MidiEvent event : events(track)) {
      if (!(event.getMessage() instanceof ShortMessage)) {
        continue;
      }
      ShortMessage m = (ShortMessage) event.getMessage();
      int key = m.getChannel() * 128 + m.getData1();
      if (m.getCommand() == ShortMessage.NOTE_ON && m.getData2() > 0) {
        sounding.computeIfAbsent(key, k -> new ArrayDeque<>()).addLast(event);
      } else if (m.getCommand() == ShortMessage.NOTE_OFF || m.getCommand() == ShortMessage.NOTE_ON) {
        MidiEvent on = sounding.get(key).removeFirst();
        ShortMessage onMessage = (ShortMessage) on.getMessage();
        played.add(new Played(m.getChannel(), m.getData1(), on.getTick(), event.getTick(), onMessage.getData2()));
      }
    }
    sounding.values().forEach(left -> {
      if (!left.isEmpty()) {
        throw new AssertionError("notes never released: " + left.size());
      }
    });
    played.sort(Comparator.comparingLong(Played::start).thenComparingInt(Played::pitch));
    return played;
  }

  /** What the document's notes must sound like on {@code channel}, by start, pitch. */
  static List<Played> expected(List<NoteView> notes, int channel) {
    return notes.stream().map(n -> new Played(channel, n.pitch(), n.start(), n.end(), n.velocity()))
        .sorted(Comparator.comparingLong(Played::start).thenComparingInt(Played::pitch)).toList();
  }
}
