package org.ensemble.protocol.crdt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ensemble.protocol.support.Fixtures;
import org.ensemble.protocol.support.TaggedJson;
import org.ensemble.protocol.support.YjsPeer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Updates written by this implementation, applied by the real yjs, give the same document. */
class JavaUpdatesInYjsTest {
  private static YjsPeer peer;

  @BeforeAll
  static void startPeer() {
    peer = YjsPeer.start();
  }

  @AfterAll
  static void stopPeer() {
    peer.close();
  }

  private static Map<String, Object> yjsJsonOf(byte[] update, Map<String, Object> roots, boolean v2) {
    Map<String, Object> r = peer.request(Map.of("op", "applyAndDump", "updates",
        List.of(Base64.getEncoder().encodeToString(update)), "v2", v2, "roots", roots, "gc", true));
    @SuppressWarnings("unchecked")
    Map<String, Object> json = (Map<String, Object>) r.get("json");
    return json;
  }

  @Test
  void aProjectWrittenInJavaReadsTheSameInYjs() {
    Doc doc = new Doc();
    doc.transact(t -> {
      YMap meta = doc.getMap("meta");
      meta.set("title", "Chorale in G");
      meta.set("tempoBpm", 72);
      meta.set("timeSignature", List.of(4, 4));
      YArray tracks = doc.getArray("tracks");
      YMap soprano = new YMap();
      soprano.set("name", "Soprano");
      YArray notes = new YArray();
      notes.push(List.of(Map.of("pitch", 67, "start", 0, "duration", 480), Map.of("pitch", 71, "start", 480, "duration", 480)));
      soprano.set("notes", notes);
      tracks.push(List.of(soprano));
      doc.getText("lyrics").insert(0, "Ach Gott, wie manches Herzeleid", Map.of("italic", true));
    }, "alice");
    ((YArray) ((YMap) doc.getArray("tracks").get(0)).get("notes")).delete(0);
    Map<String, Object> roots = Map.of("meta", "map", "tracks", "array", "lyrics", "text");
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("meta", doc.getMap("meta").toJSON());
    expected.put("tracks", doc.getArray("tracks").toJSON());
    expected.put("lyrics", doc.getText("lyrics").toJSON());
    assertEquals(TaggedJson.canonicalOfJava(expected), TaggedJson.canonical(yjsJsonOf(doc.encodeStateAsUpdate(), roots, false)));
    assertEquals(TaggedJson.canonicalOfJava(expected), TaggedJson.canonical(yjsJsonOf(doc.encodeStateAsUpdateV2(), roots, true)));
  }

  @Test
  void everyFixtureReEncodedByJavaReadsTheSameInYjs() {
    for (Fixtures.Scenario s : Fixtures.all()) {
      Doc doc = YjsFixtureCompatibilityTest.applyAll(s);
      Object expected = TaggedJson.canonical(s.json("expected.json"));
      assertEquals(expected, TaggedJson.canonical(yjsJsonOf(doc.encodeStateAsUpdate(), s.roots(), false)), s.name);
      assertEquals(expected, TaggedJson.canonical(yjsJsonOf(Updates.mergeUpdates(s.updates()), s.roots(), false)), s.name);
    }
  }
}
