package org.ensemble.server.attribution;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ensemble.protocol.crdt.Provenance;
import org.ensemble.schema.ProjectSchema;

/**
 * A project's authorship, computed from its ledger and a garbage-collection-off copy of its document:
 * per note, per author, the human/AI share and the AI suggestions' fate. Built for one query (or one
 * export) off the event loop; immutable once built.
 */
public final class ProjectAttribution {
  private final ProjectHistory history;
  private final Ledger ledger;
  private final Map<String, NoteAttribution> notes = new LinkedHashMap<>();
  private final Map<String, AuthorStats> authors = new LinkedHashMap<>();
  private final SuggestionStats suggestions;
  /** Each person's display name by user id, the latest the ledger recorded (credits name people, not ids). */
  private final Map<String, String> names = new java.util.HashMap<>();
  private int surviving;
  private int survivingAi;

  ProjectAttribution(ProjectHistory history, Ledger ledger) {
    this.history = history;
    this.ledger = ledger;
    Set<String> editedAfterAcceptance = new HashSet<>();
    for (LedgerEntry e : ledger.entries()) {
      author(Credit.of(e)).updates++;
      if (e.attributes().source() == Source.HUMAN) {
        names.put(e.attributes().actor(), e.attributes().name());
      }
    }
    history.byNoteId().forEach((id, lineage) -> {
      NoteAttribution n = new NoteAttribution(id, lineage, ledger);
      notes.put(id, n);
      count(n, lineage, editedAfterAcceptance);
    });
    this.suggestions = new SuggestionStats(ledger, editedAfterAcceptance);
  }

  /** The attribution of a project from a garbage-collection-off copy of its document and its ledger. */
  static ProjectAttribution of(org.ensemble.protocol.crdt.Doc historyDoc, Ledger ledger) {
    return new ProjectAttribution(new ProjectHistory(historyDoc), ledger);
  }

  private void count(NoteAttribution n, List<NoteRecord> lineage, Set<String> editedAfterAcceptance) {
    author(n.createdBy).notesCreated++;
    if (n.present) {
      surviving++;
      author(n.createdBy).survivingNotes++;
      if (n.createdBy.isAi()) {
        survivingAi++;
      }
    }
    for (NoteRecord r : lineage) {
      int noteSeq = Credit.of(ledger.insertOf(r.itemId())).seq();
      for (List<Provenance.Entry> h : r.fields().values()) {
        for (Provenance.Entry e : h) {
          Credit c = Credit.of(ledger.insertOf(e.id()));
          if (c.seq() != noteSeq) {
            author(c).fieldEdits++;
          }
        }
      }
      if (r.deleted()) {
        LedgerEntry d = ledger.deleteOf(r.itemId());
        if (d != null) {
          author(Credit.of(d)).deletions++;
        }
      }
    }
    Attributes created = n.createdBy.attributes();
    if (created.acceptedBy() != null) {
      boolean touchedByPerson = n.deletedBy != null && !n.deletedBy.isAi();
      for (NoteAttribution.FieldCredit f : n.fields.values()) {
        touchedByPerson |= !f.author().isAi();
      }
      if (touchedByPerson) {
        editedAfterAcceptance.add(created.ai().suggestionId());
      }
    }
  }

  private AuthorStats author(Credit c) {
    Attributes a = c.attributes();
    return authors.computeIfAbsent(a.actor(), k -> new AuthorStats(a.actor(), a.name(), a.source()));
  }

  public Optional<JsonObject> note(String noteId) {
    return Optional.ofNullable(notes.get(noteId)).map(NoteAttribution::toJson);
  }

  /**
   * The authors of the notes named, in the order asked, each as in the report; the ids the document
   * never held are listed under {@code missing}.
   */
  public JsonObject notes(List<String> noteIds) {
    JsonArray found = new JsonArray();
    JsonArray missing = new JsonArray();
    for (String id : noteIds) {
      NoteAttribution n = notes.get(id);
      if (n == null) {
        missing.add(id);
      } else {
        found.add(n.toJson());
      }
    }
    return new JsonObject().put("notes", found).put("missing", missing);
  }

  /** Each author's part, the human and AI share of the notes in the document, the suggestions' fate. */
  public JsonObject stats() {
    JsonArray list = new JsonArray();
    authors.values().forEach(a -> list.add(a.toJson(surviving)));
    JsonObject share = new JsonObject().put("notes", surviving)
        .put("human", Shares.fraction(surviving - survivingAi, surviving)).put("ai", Shares.fraction(survivingAi, surviving));
    return new JsonObject().put("authors", list).put("share", share).put("suggestions", suggestions.toJson())
        .put("ledger", new JsonObject().put("entries", ledger.size()).put("runs", ledger.runCount()));
  }

  /** Ledger entries newest first, {@code limit} of them from just before {@code before}. */
  public JsonObject timeline(int before, int limit) {
    ItemIndex index = history.index();
    JsonArray out = new JsonArray();
    List<LedgerEntry> entries = ledger.entries();
    int from = Math.min(before, entries.size()) - 1;
    int to = Math.max(-1, from - limit);
    for (int i = from; i > to; i--) {
      LedgerEntry e = entries.get(i);
      Set<String> created = new java.util.LinkedHashSet<>();
      List<JsonObject> fieldsSet = new ArrayList<>();
      for (ItemIndex.Ref r : index.within(e.inserted())) {
        if (r.field() == null) {
          created.add(r.noteId());
        }
      }
      for (ItemIndex.Ref r : index.within(e.inserted())) {
        if (r.field() != null && !created.contains(r.noteId())) {
          fieldsSet.add(new JsonObject().put("noteId", r.noteId()).put("field", r.field()));
        }
      }
      Set<String> deleted = new java.util.LinkedHashSet<>();
      for (ItemIndex.Ref r : index.within(e.deleted())) {
        if (r.field() == null) {
          deleted.add(r.noteId());
        }
      }
      out.add(Credit.of(e).toJson().put("inserted", e.insertedCount()).put("deleted", e.deletedCount())
          .put("notesCreated", new JsonArray(new ArrayList<>(created))).put("fieldsChanged", new JsonArray(fieldsSet))
          .put("notesDeleted", new JsonArray(new ArrayList<>(deleted))));
    }
    return new JsonObject().put("total", entries.size()).put("entries", out)
        .put("next", to >= 0 ? (Object) (to + 1) : null);
  }

  /** The present notes of one track sounding in [from, to) ticks, with their authors, and who wrote what share. */
  public JsonObject blame(String trackId, long from, long to) {
    JsonArray list = new JsonArray();
    Map<String, Integer> byAuthor = new LinkedHashMap<>();
    for (NoteAttribution n : notes.values()) {
      if (!n.present || !n.current.trackId().equals(trackId)) {
        continue;
      }
      Object start = n.current.value(ProjectSchema.Note.START);
      Object duration = n.current.value(ProjectSchema.Note.DURATION);
      if (!(start instanceof Number) || !(duration instanceof Number)) {
        continue;
      }
      long s = ((Number) start).longValue();
      long end = s + ((Number) duration).longValue();
      if (s < to && end > from) {
        list.add(n.toJson());
        byAuthor.merge(n.createdBy.creditName(names), 1, Integer::sum);
      }
    }
    JsonArray summary = new JsonArray();
    int total = list.size();
    byAuthor.forEach((name, count) -> summary.add(new JsonObject().put("author", name).put("notes", count)
        .put("share", Shares.fraction(count, total))));
    return new JsonObject().put("trackId", trackId).put("from", from).put("to", to).put("notes", list)
        .put("authors", summary);
  }

  /** Per present track, credits such as "Alto — alice 82%; AI (model chorale-1, accepted by bob) 18%". */
  public Map<String, List<String>> trackCredits() {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (String trackId : history.trackOrder()) {
      Map<String, Integer> byName = new LinkedHashMap<>();
      int total = 0;
      for (NoteAttribution n : notes.values()) {
        if (n.present && n.current.trackId().equals(trackId)) {
          byName.merge(n.createdBy.creditName(names), 1, Integer::sum);
          total++;
        }
      }
      if (total == 0) {
        continue;
      }
      int whole = total;
      List<Map.Entry<String, Integer>> sorted = new ArrayList<>(byName.entrySet());
      sorted.sort((x, y) -> Integer.compare(y.getValue(), x.getValue()));
      StringBuilder line = new StringBuilder(history.trackName(trackId)).append(" — ");
      for (int i = 0; i < sorted.size(); i++) {
        line.append(i == 0 ? "" : "; ").append(sorted.get(i).getKey()).append(' ')
            .append(Shares.percent(sorted.get(i).getValue(), whole)).append('%');
      }
      out.put(trackId, List.of(line.toString()));
    }
    return out;
  }

  /** The attribution report: statistics, track credits and every note's authors. */
  public JsonObject report(String projectId, String title) {
    JsonArray noteList = new JsonArray();
    notes.values().forEach(n -> noteList.add(n.toJson()));
    return reportHead(projectId, title).put("notes", noteList);
  }

  /** The copyright line exports carry (see {@link CopyrightNotice}), dated this year (UTC). */
  public String copyright() {
    return CopyrightNotice.of(this, authors, java.time.Year.now(java.time.ZoneOffset.UTC).getValue());
  }

  /** The report without its last member, {@code notes}. */
  JsonObject reportHead(String projectId, String title) {
    JsonObject credits = new JsonObject();
    trackCredits().forEach((id, lines) -> credits.put(id, lines.get(0)));
    return new JsonObject().put("projectId", projectId).put("title", title)
        .put("generatedAt", java.time.Instant.now().toString()).mergeIn(stats()).put("credits", credits).put("copyright", copyright());
  }

  /** Every note's attribution, in the report's order. */
  java.util.Collection<NoteAttribution> allNotes() {
    return notes.values();
  }

  /** The report as text for people. */
  public String summary(String title) {
    JsonObject s = stats();
    StringBuilder out = new StringBuilder();
    out.append("Authorship of \"").append(title).append("\"\n").append(copyright()).append("\n\n");
    JsonObject share = s.getJsonObject("share");
    out.append(String.format(java.util.Locale.ROOT, "%d notes: %d%% written by people, %d%% by the AI%n%n",
        share.getInteger("notes"), Math.round(share.getDouble("human") * 100), Math.round(share.getDouble("ai") * 100)));
    out.append("Authors\n");
    for (Object o : s.getJsonArray("authors")) {
      JsonObject a = (JsonObject) o;
      out.append(String.format(java.util.Locale.ROOT, "  %-24s %-5s %4d notes (%d%%), %d created, %d field edits, %d deletions%n",
          a.getString("name"), a.getString("source"), a.getInteger("survivingNotes"), Math.round(a.getDouble("share") * 100),
          a.getInteger("notesCreated"), a.getInteger("fieldEdits"), a.getInteger("deletions")));
    }
    JsonObject sg = s.getJsonObject("suggestions");
    out.append(String.format(java.util.Locale.ROOT,
        "%nAI suggestions: %d accepted, %d accepted and edited, %d rejected, %d pending (acceptance rate %d%%)%n",
        sg.getInteger("accepted"), sg.getInteger("edited"), sg.getInteger("rejected"), sg.getInteger("pending"),
        Math.round(sg.getDouble("acceptanceRate") * 100)));
    out.append("\nCredits\n");
    trackCredits().values().forEach(lines -> out.append("  ").append(lines.get(0)).append('\n'));
    return out.toString();
  }
}
