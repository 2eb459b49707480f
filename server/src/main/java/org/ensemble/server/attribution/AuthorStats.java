package org.ensemble.server.attribution;

import io.vertx.core.json.JsonObject;

/** One author's part in a project (a person, or the AI). */
final class AuthorStats {
  final String actor;
  final String name;
  final Source source;
  /** Notes in the document now whose creator this author is. */
  int survivingNotes;
  /** Notes this author created, deleted ones included (a restored copy is not a new note). */
  int notesCreated;
  /** Fields of existing notes this author set (pitch, start, duration, velocity changes). */
  int fieldEdits;
  /** Notes this author deleted. */
  int deletions;
  /** Updates of this author the server accepted (ledger entries). */
  int updates;

  AuthorStats(String actor, String name, Source source) {
    this.actor = actor;
    this.name = name;
    this.source = source;
  }

  JsonObject toJson(int totalSurviving) {
    return new JsonObject().put("actor", actor).put("name", name).put("source", source.wireName())
        .put("survivingNotes", survivingNotes).put("share", Shares.fraction(survivingNotes, totalSurviving))
        .put("notesCreated", notesCreated).put("fieldEdits", fieldEdits).put("deletions", deletions)
        .put("updates", updates);
  }
}
