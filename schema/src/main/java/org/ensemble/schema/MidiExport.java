package org.ensemble.schema;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;

/**
 * Exports a project as a Standard MIDI File, format 1: a conductor track (title, tempo, time and key
 * signature, section markers) then one track per part, in document order, on the part's own channel
 * (see {@link MidiChannels}, {@link PartTrack}). The resolution is the project's ticks per quarter,
 * so document ticks are written unchanged.
 *
 * <p>It works from a {@link ProjectView}: a broken document exports whatever is valid in it.
 * {@code textsByTrackId} adds text meta events (for example authorship credits) to the tracks with
 * those ids, at tick 0 after the track name, in list order; ids of no track are ignored.
 */
public final class MidiExport {
  /** Standard MIDI File format 1: simultaneous tracks, the first one the conductor track. */
  private static final int FORMAT_SIMULTANEOUS_TRACKS = 1;

  private MidiExport() {}

  public static Sequence toSequence(ProjectView project, Map<String, List<String>> textsByTrackId) {
    return toSequence(project, textsByTrackId, null);
  }

  /** With {@code copyright} (when not null) as the conductor track's copyright notice at tick 0. */
  public static Sequence toSequence(ProjectView project, Map<String, List<String>> textsByTrackId, String copyright) {
    Sequence sequence;
    try {
      sequence = new Sequence(Sequence.PPQ, project.meta().ticksPerQuarter());
    } catch (InvalidMidiDataException e) {
      throw new IllegalStateException("PPQ division refused", e);
    }
    javax.sound.midi.Track conductor = sequence.createTrack();
    if (copyright != null) {
      // The standard asks for the copyright notice as the first event of the first track.
      conductor.add(MidiMessages.text(MidiMessages.META_COPYRIGHT, copyright, 0));
    }
    ConductorTrack.write(project, conductor);
    int[] channels = MidiChannels.assign(project.tracks());
    for (int i = 0; i < channels.length; i++) {
      TrackView part = project.tracks().get(i);
      PartTrack.write(part, channels[i], textsByTrackId.getOrDefault(part.id(), List.of()), sequence.createTrack());
    }
    return sequence;
  }

  /** The bytes of the {@code .mid} file. */
  public static byte[] toStandardMidiFile(ProjectView project, Map<String, List<String>> textsByTrackId) {
    return toStandardMidiFile(project, textsByTrackId, null);
  }

  /** The bytes of the {@code .mid} file, with a copyright notice when {@code copyright} is not null. */
  public static byte[] toStandardMidiFile(ProjectView project, Map<String, List<String>> textsByTrackId, String copyright) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      MidiSystem.write(toSequence(project, textsByTrackId, copyright), FORMAT_SIMULTANEOUS_TRACKS, out);
    } catch (IOException e) {
      throw new UncheckedIOException("writing a MIDI file to memory failed", e);
    }
    return out.toByteArray();
  }

  public static byte[] toStandardMidiFile(ProjectView project) {
    return toStandardMidiFile(project, Map.of());
  }
}
