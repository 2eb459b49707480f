package org.ensemble.server.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.ensemble.protocol.crdt.Doc;

/**
 * A Yjs document as a client edits it, keeping the v1 update of every transaction, as the client
 * would send them to the server. The edits touch the three kinds of roots a project uses: a map
 * ({@value #META}), an array ({@value #NOTES}) and a text ({@value #LYRICS}).
 */
public final class RecordingDoc {
  public static final String META = "meta";
  public static final String NOTES = "notes";
  public static final String LYRICS = "lyrics";

  private final Doc doc = new Doc();
  private final List<byte[]> updates = Collections.synchronizedList(new ArrayList<>());

  public RecordingDoc() {
    doc.onUpdate((update, origin, transaction) -> updates.add(update));
  }

  public RecordingDoc(long clientId) {
    this();
    doc.setClientId(clientId);
  }

  public Doc doc() {
    return doc;
  }

  /** Every update so far, oldest first. */
  public List<byte[]> updates() {
    synchronized (updates) {
      return List.copyOf(updates);
    }
  }

  /** The update of the last transaction. */
  public byte[] lastUpdate() {
    synchronized (updates) {
      return updates.get(updates.size() - 1);
    }
  }

  /** Types {@code text} at the end of the lyrics, one transaction (one update) per character. */
  public RecordingDoc type(String text) {
    for (char c : text.toCharArray()) {
      doc.getText(LYRICS).insert(doc.getText(LYRICS).length(), String.valueOf(c));
    }
    return this;
  }

  /** Appends a note (an object of pitch and duration), one update. */
  public RecordingDoc addNote(int pitch, double beats) {
    doc.getArray(NOTES).push(List.of(Map.of("pitch", pitch, "beats", beats)));
    return this;
  }

  /** Sets a key of the project's meta map, one update. */
  public RecordingDoc set(String key, Object value) {
    doc.getMap(META).set(key, value);
    return this;
  }

  /** Removes the first {@code count} notes, one update. */
  public RecordingDoc removeNotes(int count) {
    doc.getArray(NOTES).delete(0, count);
    return this;
  }

  /** A varied little edit history: meta, notes, lyrics, some deletions; {@code size} scales it. */
  public RecordingDoc compose(int size) {
    set("title", "Chorale " + size).set("tempo", 96);
    for (int i = 0; i < size; i++) {
      addNote(60 + i % 12, 0.5 + i % 4);
      if (i % 5 == 4) {
        type("la ");
      }
    }
    if (size > 2) {
      removeNotes(2);
    }
    return set("tempo", 104);
  }
}
