package org.ensemble.server.attribution;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The copyright line every export carries: the people who wrote the project's present notes (created
 * or edited them), and, for notes the AI wrote, the model and who accepted them. Accepted suggestions
 * are the accepting people's work (the terms, docs/terms.md); the line says where they came from.
 * Example: "Copyright 2026 Alice, Bob. Parts written by the AI model chorale (646a41ec0ec8), accepted by Bob."
 */
final class CopyrightNotice {
  private CopyrightNotice() {}

  static String of(ProjectAttribution attribution, Map<String, AuthorStats> authors, int year) {
    Set<String> people = new LinkedHashSet<>();
    // model and version -> the names of the people who accepted its notes
    Map<String, Set<String>> aiParts = new LinkedHashMap<>();
    for (NoteAttribution n : attribution.allNotes()) {
      if (!n.present) {
        continue;
      }
      Credit created = n.createdBy;
      if (created.isAi()) {
        AiProvenance ai = created.attributes().ai();
        Set<String> by = aiParts.computeIfAbsent(ai.model() + " (" + ai.modelVersion() + ")", k -> new LinkedHashSet<>());
        String accepted = created.attributes().acceptedBy();
        if (accepted != null) {
          by.add(nameOf(accepted, authors));
          people.add(nameOf(accepted, authors));
        }
      } else if (created.isKnown()) {
        people.add(created.attributes().name());
      }
      for (NoteAttribution.FieldCredit f : n.fields.values()) {
        if (!f.author().isAi() && f.author().isKnown()) {
          people.add(f.author().attributes().name());
        }
      }
    }
    StringBuilder line = new StringBuilder("Copyright ").append(year).append(' ')
        .append(people.isEmpty() ? "the project's authors" : String.join(", ", people)).append('.');
    aiParts.forEach((model, by) -> {
      line.append(" Parts written by the AI model ").append(model);
      line.append(by.isEmpty() ? ", not yet accepted." : ", accepted by " + String.join(", ", by) + ".");
    });
    return line.toString();
  }

  private static String nameOf(String actor, Map<String, AuthorStats> authors) {
    AuthorStats a = authors.get(actor);
    return a == null ? actor : a.name;
  }
}
