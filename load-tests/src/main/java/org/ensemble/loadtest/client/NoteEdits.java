package org.ensemble.loadtest.client;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.ensemble.protocol.crdt.Doc;
import org.ensemble.protocol.crdt.YArray;
import org.ensemble.protocol.crdt.YMap;

/**
 * The edits of one load client, following the project schema ({@code docs/document-schema.md}): a
 * room has one track ({@code tracks[0]}, seeded by the room's first client) whose {@code notes} every
 * client edits. Before the timed edits each client writes {@code ownNotes} notes of its own
 * ({@link #seedNotes}). Each timed edit is one transaction that also writes {@link #SENT_AT}, the send
 * time in {@link org.ensemble.loadtest.metrics.Clock} microseconds (an extra key, which readers ignore):
 * <ul>
 *   <li>one edit in {@link #INSERT_EVERY}: insert a new note at a random index;</li>
 *   <li>the others, alternately: move one of its notes (start and pitch), or change its velocity and
 *       duration.</li>
 * </ul>
 * A client only changes its own notes, so every edit reaches every other client as a visible change.
 * Nothing is deleted: the list grows only by the inserts, which keeps a receiving client's work per
 * update small (computing a list event's delta walks the whole list, tombstones included).
 */
public final class NoteEdits {
  public static final String TRACKS = "tracks";
  public static final String NOTES = "notes";
  public static final String SENT_AT = "sentAt";
  public static final String TRACK_ID = "load";
  public static final int DEFAULT_OWN_NOTES = 8;
  /** One timed edit in this many inserts a note; the others change one. */
  public static final int INSERT_EVERY = 10;
  static final int TICKS_PER_SIXTEENTH = 120;
  static final int BARS = 16;

  private final String tag;
  private final SplittableRandom random;
  private final int ownNotes;
  private final List<YMap> mine = new ArrayList<>();
  private long counter;
  private long edits;

  /** @param tag a prefix unique to the client, for note ids */
  public NoteEdits(String tag, long seed, int ownNotes) {
    this.tag = tag;
    this.random = new SplittableRandom(seed);
    this.ownNotes = ownNotes;
  }

  /** Adds the room's track if the document has none; returns whether it did. */
  public static boolean seedTrack(Doc doc) {
    YArray tracks = doc.getArray(TRACKS);
    if (tracks.length() > 0) {
      return false;
    }
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("id", TRACK_ID);
    fields.put("name", "Load");
    fields.put("instrument", 0);
    fields.put("role", "melody");
    fields.put("mute", false);
    fields.put("solo", false);
    fields.put("gain", 0.8);
    fields.put("pan", 0);
    fields.put(NOTES, new YArray());
    doc.transact(t -> tracks.push(List.of(new YMap(fields))));
    return true;
  }

  /** The notes of the room's track, or null while the track has not arrived. */
  public static YArray notesOf(Doc doc) {
    YArray tracks = doc.getArray(TRACKS);
    if (tracks.length() == 0 || !(tracks.get(0) instanceof YMap track)) {
      return null;
    }
    return track.get(NOTES) instanceof YArray notes ? notes : null;
  }

  /** Writes the client's first {@code ownNotes} notes in one transaction; false if the track is not there yet. */
  public boolean seedNotes(Doc doc, long sentAtMicros) {
    YArray notes = notesOf(doc);
    if (notes == null) {
      return false;
    }
    doc.transact(t -> {
      while (mine.size() < ownNotes) {
        insert(notes, sentAtMicros);
      }
    });
    return true;
  }

  /** Makes one timed edit as one transaction; false if the track is not there yet. */
  public boolean edit(Doc doc, long sentAtMicros) {
    YArray notes = notesOf(doc);
    if (notes == null) {
      return false;
    }
    long n = edits++;
    doc.transact(t -> {
      if (mine.isEmpty() || n % INSERT_EVERY == INSERT_EVERY - 1) {
        insert(notes, sentAtMicros);
      } else {
        YMap note = mine.get(random.nextInt(mine.size()));
        if (n % 2 == 0) {
          note.set("start", random.nextInt(BARS * 16) * TICKS_PER_SIXTEENTH);
          note.set("pitch", 36 + random.nextInt(60));
        } else {
          note.set("velocity", 40 + random.nextInt(80));
          note.set("duration", (1 + random.nextInt(8)) * TICKS_PER_SIXTEENTH);
        }
        note.set(SENT_AT, sentAtMicros);
      }
    });
    return true;
  }

  private void insert(YArray notes, long sentAtMicros) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("id", tag + "-" + counter++);
    fields.put("pitch", 36 + random.nextInt(60));
    fields.put("start", random.nextInt(BARS * 16) * TICKS_PER_SIXTEENTH);
    fields.put("duration", (1 + random.nextInt(8)) * TICKS_PER_SIXTEENTH);
    fields.put("velocity", 40 + random.nextInt(80));
    fields.put(SENT_AT, sentAtMicros);
    YMap note = new YMap(fields);
    notes.insert(random.nextInt(notes.length() + 1), List.of(note));
    mine.add(note);
  }
}
