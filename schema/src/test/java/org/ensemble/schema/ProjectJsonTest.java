package org.ensemble.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.ensemble.protocol.crdt.Doc;
import org.ensemble.protocol.lib0.Json;
import org.junit.jupiter.api.Test;

class ProjectJsonTest {
  @Test
  void aValidDocumentsJsonIsItsOwnJsonWithNoProblems() {
    Doc doc = new Doc();
    Templates.fourPartChorale(doc, new KeySignature("F", KeySignature.Mode.MAJOR), "Chorale in F", null);

    Map<String, Object> json = ProjectJson.of(doc);

    Map<String, Object> own = doc.toJSON();
    assertEquals(own.get("meta"), json.get("meta"));
    assertEquals(own.get("tracks"), json.get("tracks"));
    assertEquals(own.get("sections"), json.get("sections"));
    assertEquals(Map.of(), json.get("suggestions"));
    assertEquals(List.of(), json.get("problems"));
  }

  @Test
  void jsonTextHasTheSchemasKeysInTheSchemasOrder() {
    Doc doc = new Doc();
    Templates.emptyProject(doc, "Sketch", null);

    String text = Json.stringify(ProjectJson.of(doc));

    assertEquals("{\"meta\":{\"title\":\"Sketch\",\"tempoBpm\":120,\"key\":{\"tonic\":\"C\",\"mode\":\"major\"},"
        + "\"timeSignature\":[4,4],\"ticksPerQuarter\":480,\"schemaVersion\":1},\"tracks\":[],\"sections\":[],"
        + "\"suggestions\":{},\"problems\":[]}", text);
  }

  @Test
  void aBrokenDocumentsJsonHasOnlyValidContentAndNamesTheProblems() {
    Doc doc = TestDocs.withTracks(TestDocs.track("a", "alto", 53, TestDocs.note("a0", 62, 0, 480, 80),
        TestDocs.note("a1", 62, 480, 0, 80)));
    doc.getMap("meta").set("tempoBpm", "andante");

    Map<String, Object> json = ProjectJson.of(doc);

    assertEquals(List.of(Map.of("path", "meta.tempoBpm", "message",
        "expected a number, found a string (\"andante\"); using 120"),
        Map.of("path", "tracks[0].notes[1].duration", "message", "must be from 1 to 268435455, found 0; the note is skipped")),
        json.get("problems"));
    @SuppressWarnings("unchecked")
    Map<String, Object> meta = (Map<String, Object>) json.get("meta");
    assertEquals(120, meta.get("tempoBpm"));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> tracks = (List<Map<String, Object>>) json.get("tracks");
    assertEquals(1, ((List<?>) tracks.get(0).get("notes")).size());
  }

  @Test
  void suggestionsPassThroughAndWhatJsonCannotWriteBecomesNull() {
    Doc doc = new Doc();
    Templates.emptyProject(doc, "Suggested", null);
    doc.getMap("suggestions").set("s1", TestDocs.plain("kind", "melody", "big", BigInteger.TEN.pow(30)));

    String text = Json.stringify(ProjectJson.of(doc));

    assertTrue(text.contains("\"suggestions\":{\"s1\":{\"kind\":\"melody\",\"big\":null}}"), text);
  }
}
