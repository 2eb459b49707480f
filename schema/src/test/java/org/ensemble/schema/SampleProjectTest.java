package org.ensemble.schema;

import static org.ensemble.schema.ProblemAssertions.assertValid;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.ensemble.protocol.crdt.Doc;
import org.junit.jupiter.api.Test;

/** The repository's sample, written by the stock yjs package, follows the schema. */
class SampleProjectTest {
  @Test
  void sampleChoraleValidatesWithoutProblems() {
    ValidatedProject project = ProjectReader.read(TestDocs.sample());

    assertValid(project);
    ProjectView view = project.view();
    assertEquals("Chorale in G (draft 2)", view.meta().title());
    assertEquals(new KeySignature("G", KeySignature.Mode.MAJOR), view.meta().key());
    assertEquals(List.of("soprano", "alto", "tenor", "bass"), view.tracks().stream().map(TrackView::id).toList());
    assertEquals(List.of(new SectionView("Phrase 1", 0, 1920)), view.sections());
  }

  @Test
  void sampleKeepsTheSecondCollaboratorsEdit() {
    NoteView last = ProjectReader.read(TestDocs.sample()).view().track("soprano").orElseThrow().notes().get(4);

    assertEquals(new NoteView("soprano-4", 71, 1920, 960, 80), last);
  }

  @Test
  void sampleJsonViewEqualsTheDocumentsOwnJson() {
    Doc doc = TestDocs.sample();

    var json = ProjectJson.of(doc);

    assertEquals(List.of(), json.get(ProjectJson.PROBLEMS));
    assertEquals(doc.getMap("meta").toJSON(), json.get("meta"));
    assertEquals(doc.getArray("tracks").toJSON(), json.get("tracks"));
    assertEquals(doc.getArray("sections").toJSON(), json.get("sections"));
  }
}
