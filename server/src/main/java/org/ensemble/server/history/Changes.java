package org.ensemble.server.history;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ensemble.protocol.crdt.ID;
import org.ensemble.schema.NoteView;
import org.ensemble.schema.ProjectSchema;
import org.ensemble.server.attribution.Attributes;
import org.ensemble.server.attribution.Ledger;
import org.ensemble.server.attribution.LedgerEntry;
import org.ensemble.server.attribution.Source;

/**
 * What changed in the notes between two moments, and by whom, as the authorship ledger says: a note
 * added is credited to whoever inserted its item, a note removed to whoever deleted it, a note changed
 * to whoever wrote the newest of its changed fields (or moved it to another track).
 */
final class Changes {
  private final Map<String, int[]> byAuthor = new LinkedHashMap<>();
  private final Map<String, JsonObject> authorJson = new LinkedHashMap<>();
  private final JsonArray added = new JsonArray();
  private final JsonArray removed = new JsonArray();
  private final JsonArray changed = new JsonArray();

  private Changes() {}

  static Changes between(Map<String, NoteStates.PlacedNote> before, Map<String, NoteStates.PlacedNote> after, Ledger ledger) {
    Changes c = new Changes();
    after.forEach((id, now) -> {
      NoteStates.PlacedNote then = before.get(id);
      if (then == null) {
        c.added.add(noteJson(now).put("by", c.credit(ledger.insertOf(now.itemId()), 0)));
      } else if (!then.trackId().equals(now.trackId()) || !then.note().equals(now.note())) {
        ID by = !then.trackId().equals(now.trackId()) || !then.itemId().equals(now.itemId()) ? now.itemId()
            : newestChangedField(then, now);
        c.changed.add(new JsonObject().put("before", noteJson(then)).put("after", noteJson(now))
            .put("by", c.credit(ledger.insertOf(by), 2)));
      }
    });
    before.forEach((id, then) -> {
      if (!after.containsKey(id)) {
        c.removed.add(noteJson(then).put("by", c.credit(ledger.deleteOf(then.itemId()), 1)));
      }
    });
    return c;
  }

  private static ID newestChangedField(NoteStates.PlacedNote then, NoteStates.PlacedNote now) {
    ID newest = now.itemId();
    for (Map.Entry<String, ID> f : now.fieldIds().entrySet()) {
      ID was = then.fieldIds().get(f.getKey());
      if (!f.getValue().equals(was)) {
        newest = f.getValue();
      }
    }
    return newest;
  }

  /** Counts one change of kind {@code slot} (added, removed, changed) for the entry's author. */
  private JsonObject credit(LedgerEntry entry, int slot) {
    Attributes a = entry == null ? null : entry.attributes();
    String id = a == null ? "unknown" : a.actor();
    JsonObject author = authorJson.computeIfAbsent(id, k -> a == null
        ? new JsonObject().put("id", "unknown").put("name", "unknown").put("source", Source.HUMAN.wireName())
        : new JsonObject().put("id", a.actor()).put("name", a.name()).put("source", a.source().wireName()));
    byAuthor.computeIfAbsent(id, k -> new int[3])[slot]++;
    return author.copy();
  }

  static JsonObject noteJson(NoteStates.PlacedNote p) {
    NoteView n = p.note();
    return new JsonObject().put(ProjectSchema.Note.ID, n.id()).put("trackId", p.trackId())
        .put(ProjectSchema.Note.PITCH, n.pitch()).put(ProjectSchema.Note.START, n.start())
        .put(ProjectSchema.Note.DURATION, n.duration()).put(ProjectSchema.Note.VELOCITY, n.velocity());
  }

  /** Counts per kind and per author; with {@code notes}, the notes themselves. */
  JsonObject toJson(boolean notes) {
    JsonArray authors = new JsonArray();
    byAuthor.forEach((id, n) -> authors.add(authorJson.get(id).copy().put("added", n[0]).put("removed", n[1])
        .put("changed", n[2])));
    JsonObject o = new JsonObject().put("added", added.size()).put("removed", removed.size())
        .put("changed", changed.size()).put("authors", authors);
    if (notes) {
      o.put("notes", new JsonObject().put("added", added).put("removed", removed).put("changed", changed));
    }
    return o;
  }

  boolean isEmpty() {
    return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
  }
}
