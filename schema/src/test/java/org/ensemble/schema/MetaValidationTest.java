package org.ensemble.schema;

import static org.ensemble.schema.ProblemAssertions.assertProblem;
import static org.ensemble.schema.ProblemAssertions.paths;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.function.Consumer;
import org.ensemble.protocol.crdt.Doc;
import org.ensemble.protocol.crdt.YArray;
import org.ensemble.protocol.crdt.YMap;
import org.junit.jupiter.api.Test;

class MetaValidationTest {
  /** A document whose meta is valid, then changed by {@code edit}. */
  private static ValidatedProject readWithMeta(Consumer<YMap> edit) {
    Doc doc = new Doc();
    doc.transact(t -> {
      YMap meta = doc.getMap("meta");
      ProjectMaps.writeMeta(meta, MetaView.DEFAULTS);
      edit.accept(meta);
    });
    return ProjectReader.read(TestDocs.roundTrip(doc));
  }

  @Test
  void settingsOfTheWrongTypeAreReportedAndDefaulted() {
    ValidatedProject project = readWithMeta(meta -> {
      meta.set("title", 42);
      meta.set("tempoBpm", "fast");
      meta.set("ticksPerQuarter", 96.5);
      meta.set("schemaVersion", true);
    });

    assertEquals(List.of("meta.title", "meta.tempoBpm", "meta.ticksPerQuarter", "meta.schemaVersion"),
        paths(project));
    assertProblem(project, "meta.title", "expected a string, found a number (42)");
    assertProblem(project, "meta.tempoBpm", "expected a number, found a string (\"fast\"); using 120");
    assertProblem(project, "meta.ticksPerQuarter", "expected an integer, found a number (96.5)");
    assertEquals(MetaView.DEFAULTS, project.view().meta());
  }

  @Test
  void settingsOutOfRangeAreReported() {
    ValidatedProject project = readWithMeta(meta -> {
      meta.set("tempoBpm", 401);
      meta.set("ticksPerQuarter", 0);
    });

    assertProblem(project, "meta.tempoBpm", "must be from 20 to 400, found 401; using 120");
    assertProblem(project, "meta.ticksPerQuarter", "must be from 1 to 32767, found 0; using 480");
  }

  @Test
  void numbersThatAreNotFiniteAreReported() {
    assertProblem(readWithMeta(meta -> meta.set("tempoBpm", Double.NaN)), "meta.tempoBpm",
        "expected a number, found NaN");
    assertProblem(readWithMeta(meta -> meta.set("tempoBpm", Double.POSITIVE_INFINITY)), "meta.tempoBpm",
        "expected a number, found Infinity");
  }

  @Test
  void missingSettingsAreReportedOneByOne() {
    ValidatedProject project = readWithMeta(meta -> {
      meta.delete("key");
      meta.delete("timeSignature");
    });

    assertEquals(List.of("meta.key", "meta.timeSignature"), paths(project));
    assertProblem(project, "meta.key", "missing; using C major");
  }

  @Test
  void keyAsAStringIsReportedAsTheWrongRepresentation() {
    ValidatedProject project = readWithMeta(meta -> meta.set("key", "G major"));

    assertProblem(project, "meta.key", "expected a plain object, found a string (\"G major\"); using C major");
    assertEquals(KeySignature.C_MAJOR, project.view().meta().key());
  }

  @Test
  void badTonicModeAndImpossibleKeysArePointedAt() {
    assertProblem(readWithMeta(meta -> meta.set("key", TestDocs.plain("tonic", "H", "mode", "major"))),
        "meta.key.tonic", "expected a letter from A to G");
    assertProblem(readWithMeta(meta -> meta.set("key", TestDocs.plain("tonic", "D", "mode", "dorian"))),
        "meta.key.mode", "expected \"major\" or \"minor\", found a string (\"dorian\")");
    assertProblem(readWithMeta(meta -> meta.set("key", TestDocs.plain("tonic", "G#", "mode", "major"))),
        "meta.key", "G# major needs more than 7 sharps or flats");
    assertProblem(readWithMeta(meta -> meta.set("key", TestDocs.plain("mode", "minor"))),
        "meta.key.tonic", "missing");
    assertEquals(List.of("meta.key.tonic", "meta.key.mode"),
        paths(readWithMeta(meta -> meta.set("key", TestDocs.plain("tonic", "h", "mode", 1)))));
  }

  @Test
  void keyAsASharedMapIsReadButReported() {
    ValidatedProject project = readWithMeta(meta -> meta.set("key", TestDocs.map("tonic", "Bb", "mode", "minor")));

    assertProblem(project, "meta.key", "a Y.Map, not a plain object");
    assertEquals(new KeySignature("Bb", KeySignature.Mode.MINOR), project.view().meta().key());
  }

  @Test
  void timeSignaturesMustBeTwoIntegersOverAPowerOfTwo() {
    assertProblem(readWithMeta(meta -> meta.set("timeSignature", List.of(3, 5))), "meta.timeSignature[1]",
        "must be a power of two, found 5");
    assertProblem(readWithMeta(meta -> meta.set("timeSignature", List.of(0, 4))), "meta.timeSignature[0]",
        "must be from 1 to 32, found 0");
    assertProblem(readWithMeta(meta -> meta.set("timeSignature", List.of(6, 8, 2))), "meta.timeSignature",
        "expected [numerator, denominator], found 3 elements");
    assertProblem(readWithMeta(meta -> meta.set("timeSignature", "6/8")), "meta.timeSignature",
        "expected a plain array, found a string (\"6/8\")");
    ValidatedProject sharedArray = readWithMeta(meta -> meta.set("timeSignature", YArray.of(List.of(6, 8))));
    assertProblem(sharedArray, "meta.timeSignature", "a Y.Array, not a plain array");
    assertEquals(new TimeSignature(6, 8), sharedArray.view().meta().timeSignature());
  }

  @Test
  void aNewerSchemaVersionIsReadAsFarAsThisReaderKnows() {
    ValidatedProject project = readWithMeta(meta -> meta.set("schemaVersion", 2));

    assertProblem(project, "meta.schemaVersion", "version 2 is newer than this reader's (1)");
    assertEquals(2, project.view().meta().schemaVersion());
  }

  @Test
  void unknownKeysAreAllowedForLaterVersions() {
    ValidatedProject project = readWithMeta(meta -> meta.set("composer", "Anna Magdalena"));

    assertEquals(List.of(), project.problems());
  }
}
