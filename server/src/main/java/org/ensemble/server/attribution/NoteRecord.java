package org.ensemble.server.attribution;

import java.util.List;
import java.util.Map;
import org.ensemble.protocol.crdt.ID;
import org.ensemble.protocol.crdt.Provenance;

/**
 * One note map found in the document, present or deleted (a document with garbage collection off
 * keeps deleted notes and their values): its track, the id of the item holding it, and, per field,
 * every value the field has held, newest first, each with the id of its item.
 */
record NoteRecord(String noteId, String trackId, String trackName, ID itemId, boolean deleted,
                  Map<String, List<Provenance.Entry>> fields) {

  /** The field's current value (its newest item, unless that was deleted), or null. */
  Object value(String field) {
    List<Provenance.Entry> history = fields.get(field);
    if (history == null || history.isEmpty()) {
      return null;
    }
    Provenance.Entry newest = history.get(0);
    return newest.deleted() && !deleted ? null : newest.value();
  }
}
