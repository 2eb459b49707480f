package org.ensemble.schema;

import static org.ensemble.schema.ProblemAssertions.assertProblem;
import static org.ensemble.schema.ProblemAssertions.paths;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.ensemble.protocol.crdt.Doc;
import org.junit.jupiter.api.Test;

class RootValidationTest {
  @Test
  void anEmptyDocumentReadsAsTheDefaultsWithMetaReportedMissing() {
    Doc doc = new Doc();

    ValidatedProject project = ProjectReader.read(doc);

    assertEquals(List.of("meta"), paths(project));
    assertEquals(new ProjectView(MetaView.DEFAULTS, List.of(), List.of()), project.view());
  }

  @Test
  void readingCreatesNoRoots() {
    Doc doc = new Doc();

    ProjectReader.read(doc);

    assertEquals(Set.of(), doc.rootNames());
  }

  @Test
  void tracksThatThisDocAlreadyKnowsAsTextAreReportedNotThrown() {
    Doc doc = new Doc();
    Templates.emptyProject(doc, "Text tracks", null);
    doc.getText("tracks").insert(0, "soprano, alto");

    ValidatedProject project = ProjectReader.read(doc);

    assertEquals(List.of("tracks"), paths(project));
    assertProblem(project, "tracks", "expected a Y.Array, found a Y.Text; ignored");
    assertEquals(List.of(), project.view().tracks());
  }

  @Test
  void tracksWrittenAsTextByAnotherClientReadAsCharactersThatAreNotMaps() {
    Doc writer = new Doc();
    Templates.emptyProject(writer, "Text tracks", null);
    writer.getText("tracks").insert(0, "SA");

    ValidatedProject project = ProjectReader.read(TestDocs.roundTrip(writer));

    assertEquals(List.of("tracks[0]", "tracks[1]"), paths(project));
    assertProblem(project, "tracks[0]", "expected a Y.Map, found a string (\"S\")");
  }

  @Test
  void metaOfAnotherKindIsReportedAndDefaulted() {
    Doc doc = new Doc();
    doc.getArray("meta").push(List.of("title"));

    ValidatedProject project = ProjectReader.read(doc);

    assertProblem(project, "meta", "expected a Y.Map, found a Y.Array; ignored");
    assertProblem(project, "meta", "missing; using the defaults");
    assertEquals(MetaView.DEFAULTS, project.view().meta());
  }

  @Test
  void suggestionsMustBeAMapButTheirContentIsNotChecked() {
    Doc doc = new Doc();
    Templates.emptyProject(doc, "Suggested", null);
    doc.getMap("suggestions").set("s1", TestDocs.plain("anything", List.of(1, "two")));
    assertTrue(ProjectReader.read(doc).isValid());

    Doc other = new Doc();
    Templates.emptyProject(other, "Suggested", null);
    other.getText("suggestions").insert(0, "use a IV chord");

    assertProblem(ProjectReader.read(other), "suggestions", "expected a Y.Map, found a Y.Text");
  }

  @Test
  void sectionsWithoutAValidSpanAreSkipped() {
    Doc doc = new Doc();
    Templates.emptyProject(doc, "Sections", null);
    doc.getArray("sections").push(List.of(TestDocs.map("name", "Intro", "start", 0, "length", 1920),
        TestDocs.map("name", "Empty", "start", 1920, "length", 0), TestDocs.map("start", 1920, "length", 960),
        TestDocs.map("name", "Nowhere", "length", 960), 3));

    ValidatedProject project = ProjectReader.read(TestDocs.roundTrip(doc));

    assertEquals(List.of("sections[1].length", "sections[2].name", "sections[3].start", "sections[4]"),
        paths(project));
    assertProblem(project, "sections[2].name", "missing; using \"\"");
    assertEquals(List.of(new SectionView("Intro", 0, 1920), new SectionView("", 1920, 960)),
        project.view().sections());
  }
}
