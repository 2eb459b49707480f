package org.ensemble.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.Map;
import javax.sound.midi.Sequence;
import org.ensemble.protocol.crdt.Doc;
import org.ensemble.protocol.lib0.Json;
import org.junit.jupiter.api.Test;

/**
 * Reading, exporting and serving a document never fail on its content: seeded near-projects with
 * values of every kind in every place are read, exported to MIDI and written as JSON text.
 */
class BrokenDocumentsNeverThrowTest {
  private static final int DOCUMENTS = 600;
  private static final List<String> ROOTS = List.of("meta", "tracks", "sections", "suggestions");

  @Test
  void seededBrokenDocumentsAreReadExportedAndServed() {
    long seed = 20_240_611L;
    RandomDocuments documents = new RandomDocuments(seed);
    int withProblems = 0;
    int notesExported = 0;
    for (int i = 0; i < DOCUMENTS; i++) {
      Doc doc = documents.next();
      try {
        ValidatedProject project = check(doc);
        withProblems += project.isValid() ? 0 : 1;
        notesExported += project.view().tracks().stream().mapToInt(t -> t.notes().size()).sum();
      } catch (RuntimeException | AssertionError e) {
        fail("document " + i + " of seed " + seed + " (" + doc.toJSON() + ")", e);
      }
    }
    assertTrue(withProblems > DOCUMENTS / 2, "the generator should mostly break the schema: " + withProblems);
    assertTrue(notesExported > DOCUMENTS / 2, "the generator should leave some valid notes: " + notesExported);
  }

  private static ValidatedProject check(Doc doc) {
    ValidatedProject project = ProjectReader.read(doc);
    for (ValidationProblem problem : project.problems()) {
      assertTrue(ROOTS.stream().anyMatch(problem.path()::startsWith), problem.toString());
    }
    Sequence sequence = MidiFiles.parse(MidiExport.toStandardMidiFile(project.view(), Map.of("v1", List.of("c"))));
    assertEquals(project.view().tracks().size() + 1, sequence.getTracks().length);
    for (int i = 0; i < project.view().tracks().size(); i++) {
      assertEquals(project.view().tracks().get(i).notes().size(), MidiFiles.notes(sequence.getTracks()[i + 1]).size());
    }
    Json.stringify(ProjectJson.of(doc));
    return project;
  }
}
