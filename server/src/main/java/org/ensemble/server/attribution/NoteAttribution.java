package org.ensemble.server.attribution;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ensemble.protocol.crdt.Provenance;

/**
 * Who wrote one note: who created it, who set each field's current value, and who deleted it.
 *
 * <p>In Yjs a map key's overwrite is a new item, so a field's author is the author of its current
 * item, with one exception for undo: undoing a change (or a deletion) writes a copy of the older
 * value as a new item by the person undoing. So when the current value equals an older value of the
 * field and only its current author wrote in between, the older value's author keeps the credit. A
 * note whose deletion was undone is a copy with the same note id: it keeps its first creator and
 * names who restored it.
 */
final class NoteAttribution {
  /** The credited author of one field's current value, and how many times the field was set. */
  record FieldCredit(Object value, Credit author, int writes) {}

  final String noteId;
  final NoteRecord current;
  final boolean present;
  final Credit createdBy;
  final Credit restoredBy;
  final Credit deletedBy;
  final Map<String, FieldCredit> fields = new LinkedHashMap<>();

  NoteAttribution(String noteId, List<NoteRecord> lineage, Ledger ledger) {
    this.noteId = noteId;
    List<NoteRecord> ordered = new ArrayList<>(lineage);
    ordered.sort(Comparator.comparingInt(r -> Credit.of(ledger.insertOf(r.itemId())).seq()));
    NoteRecord chosen = null;
    for (NoteRecord r : ordered) {
      if (!r.deleted()) {
        chosen = r;
      }
    }
    this.present = chosen != null;
    this.current = present ? chosen : ordered.get(ordered.size() - 1);
    this.createdBy = Credit.of(ledger.insertOf(ordered.get(0).itemId()));
    this.restoredBy = current == ordered.get(0) ? null : Credit.of(ledger.insertOf(current.itemId()));
    this.deletedBy = present ? null : Credit.of(ledger.deleteOf(current.itemId()));
    int at = ordered.indexOf(current);
    for (String field : ProjectHistory.FIELDS) {
      List<Provenance.Entry> chain = new ArrayList<>(current.fields().get(field));
      for (int i = at - 1; i >= 0; i--) {
        chain.addAll(ordered.get(i).fields().get(field));
      }
      if (!chain.isEmpty()) {
        fields.put(field, credit(chain, ledger));
      }
    }
  }

  private static FieldCredit credit(List<Provenance.Entry> chain, Ledger ledger) {
    Provenance.Entry newest = chain.get(0);
    Credit author = Credit.of(ledger.insertOf(newest.id()));
    Credit credited = author;
    for (int i = 1; i < chain.size(); i++) {
      Provenance.Entry older = chain.get(i);
      Credit olderAuthor = Credit.of(ledger.insertOf(older.id()));
      if (ProjectHistory.sameValue(older.value(), newest.value())) {
        credited = olderAuthor; // the current value is an older one written again (an undo)
      } else if (!olderAuthor.actor().equals(author.actor())) {
        break; // someone else wrote in between: the rewrite was a decision of its own
      }
    }
    return new FieldCredit(newest.value(), credited, chain.size());
  }

  /** Everything {@link #toJson} shows, as a value: equal for two attributions that render the same. */
  List<Object> content() {
    return java.util.Arrays.asList(noteId, current.trackId(), present, createdBy, restoredBy, deletedBy, fields);
  }

  JsonObject toJson() {
    JsonObject o = new JsonObject().put("noteId", noteId).put("trackId", current.trackId())
        .put("state", present ? "present" : "deleted").put("createdBy", createdBy.toJson());
    if (restoredBy != null) {
      o.put("restoredBy", restoredBy.toJson());
    }
    JsonObject f = new JsonObject();
    fields.forEach((name, c) -> f.put(name, c.author().toJson().put("value", c.value()).put("writes", c.writes())));
    o.put("fields", f);
    o.put("deletedBy", deletedBy == null ? null : deletedBy.toJson());
    return o;
  }
}
