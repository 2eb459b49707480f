package org.ensemble.protocol.crdt;

import static org.ensemble.protocol.support.Replicas.doc;
import static org.ensemble.protocol.support.Replicas.sync;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shared types' API, and convergence between Java replicas. */
class SharedTypesTest {

  @Test
  void mapHoldsPlainValuesNestedTypesAndBytes() {
    Doc d = doc(1);
    YMap m = d.getMap("m");
    m.set("title", "Chorale");
    m.set("tempo", 72);
    m.set("bytes", new byte[] {1, 2});
    YArray notes = m.set("notes", new YArray());
    notes.push(List.of(Map.of("pitch", 60)));
    assertEquals("Chorale", m.get("title"));
    assertEquals(72, m.get("tempo"));
    assertArrayEquals(new byte[] {1, 2}, (byte[]) m.get("bytes"));
    assertEquals(List.of(Map.of("pitch", 60)), ((YArray) m.get("notes")).toJSON());
    assertTrue(m.has("tempo"));
    m.delete("tempo");
    assertFalse(m.has("tempo"));
    assertNull(m.get("tempo"));
    assertEquals(3, m.size());
  }

  @Test
  void valuesAreStoredAsEveryReplicaReadsThem() {
    Doc d = doc(1);
    YArray a = d.getArray("a");
    a.push(List.of(5L, 2.0f, 1.5));
    assertEquals(List.of(5, 2, 1.5), a.toArray());
    assertThrows(IllegalArgumentException.class, () -> a.push(List.of(new Object())));
    assertThrows(IllegalArgumentException.class, () -> a.push(List.of(Map.of("t", new YMap()))));
  }

  @Test
  void concurrentWritesToOneKeyPickTheSameWinnerEverywhere() {
    Doc a = doc(1);
    Doc b = doc(2);
    a.getMap("m").set("k", "from a");
    b.getMap("m").set("k", "from b");
    sync(a, b);
    assertEquals(a.getMap("m").get("k"), b.getMap("m").get("k"));
    assertEquals("from b", a.getMap("m").get("k")); // the higher client id wins
  }

  @Test
  void concurrentInsertsAtOnePositionInterleaveTheSameWayEverywhere() {
    Doc a = doc(10);
    Doc b = doc(20);
    Doc c = doc(30);
    a.getText("t").insert(0, "hello");
    sync(a, b);
    sync(a, c);
    a.getText("t").insert(5, " A");
    b.getText("t").insert(5, " B");
    c.getText("t").insert(5, " C");
    c.getText("t").delete(0, 1);
    sync(a, b);
    sync(b, c);
    sync(a, c);
    assertEquals(a.getText("t").toString(), b.getText("t").toString());
    assertEquals(a.getText("t").toString(), c.getText("t").toString());
    assertEquals(a.encodeStateAsUpdate().length, c.encodeStateAsUpdate().length);
    assertArrayEquals(a.encodeStateVector(), c.encodeStateVector());
  }

  @Test
  void arrayInsertDeleteAndSlice() {
    YArray a = doc(1).getArray("a");
    a.insert(0, List.of(1, 2, 3));
    a.insert(1, List.of("x"));
    a.unshift(List.of(0));
    a.delete(2, 2);
    assertEquals(List.of(0, 1, 3), a.toArray());
    assertEquals(List.of(1, 3), a.slice(1, 3));
    assertEquals(3, a.length());
    assertEquals(3, a.get(2));
    assertThrows(IndexOutOfBoundsException.class, () -> a.insert(5, List.of(1)));
    assertThrows(IndexOutOfBoundsException.class, () -> a.delete(2, 5));
  }

  @Test
  void longArraysFindIndicesThroughSearchMarkers() {
    YArray a = doc(1).getArray("a");
    for (int i = 0; i < 5_000; i++) {
      a.insert(i / 2, List.of(i));
    }
    List<Object> expected = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      expected.add(i / 2, i);
    }
    assertEquals(expected, a.toArray());
    assertEquals(expected.get(4321), a.get(4321));
  }

  @Test
  void textFormattingAndDeltas() {
    YText t = doc(1).getText("t");
    t.insert(0, "hello world");
    t.format(0, 5, Map.of("bold", true));
    t.insert(11, "!", Map.of("italic", true));
    t.insertEmbed(5, Map.of("image", "a.png"));
    assertEquals("hello world!", t.toString());
    assertEquals(List.of(
        Map.of("insert", "hello", "attributes", Map.of("bold", true)),
        Map.of("insert", Map.of("image", "a.png")),
        Map.of("insert", " world"),
        Map.of("insert", "!", "attributes", Map.of("italic", true))), t.toDelta());
    t.format(0, 5, java.util.Collections.singletonMap("bold", null));
    assertEquals(Map.of("insert", "hello"), t.toDelta().get(0));
    t.delete(0, 6);
    assertEquals(" world!", t.toString());
    assertEquals(7, t.length());
  }

  @Test
  void applyDeltaBuildsTheSameText() {
    YText a = doc(1).getText("t");
    a.insert(0, "abc", Map.of("bold", true));
    a.insert(3, "def");
    YText b = doc(2).getText("t");
    b.applyDelta(a.toDelta());
    assertEquals(a.toDelta(), b.toDelta());
  }

  @Test
  void typesCreatedBeforeIntegrationKeepTheirContent() {
    Doc d = doc(1);
    YMap m = new YMap(Map.of("a", 1));
    YText t = new YText("prelim");
    m.set("text", t);
    YArray arr = YArray.of(List.of(1, 2));
    d.getArray("root").push(List.of(m, arr));
    assertEquals(List.of(Map.of("a", 1, "text", "prelim"), List.of(1, 2)), d.getArray("root").toJSON());
  }

  @Test
  void aRootNamedByAnUpdateTakesTheKindAskedForLater() {
    Doc a = doc(1);
    a.getMap("meta").set("title", "x");
    Doc b = doc(2);
    b.applyUpdate(a.encodeStateAsUpdate());
    assertEquals(Map.of(), b.toJSON()); // kind unknown yet
    assertEquals(Map.of("title", "x"), b.getMap("meta").toJSON());
    assertThrows(IllegalStateException.class, () -> b.getText("meta"));
  }

  @Test
  void garbageCollectionDropsDeletedContentUnlessTurnedOff() {
    Doc gc = doc(1);
    Doc keep = new Doc(DocOptions.defaults().gc(false));
    keep.setClientId(1);
    for (Doc d : List.of(gc, keep)) {
      d.getText("t").insert(0, "a secret melody");
      d.getText("t").delete(2, 7);
    }
    String gcState = new String(gc.encodeStateAsUpdate(), java.nio.charset.StandardCharsets.ISO_8859_1);
    String keptState = new String(keep.encodeStateAsUpdate(), java.nio.charset.StandardCharsets.ISO_8859_1);
    assertFalse(gcState.contains("secret"));
    assertTrue(keptState.contains("secret"));
    assertEquals("a melody", gc.getText("t").toString());
    assertEquals("a melody", keep.getText("t").toString());
  }

  @Test
  void updatesWithMissingDependenciesWaitAndApplyWhenTheyArrive() {
    Doc a = doc(1);
    List<byte[]> updates = new ArrayList<>();
    a.onUpdate((u, origin, t) -> updates.add(u));
    a.getText("t").insert(0, "ab");
    a.getText("t").insert(2, "cd");
    a.getText("t").delete(0, 1);
    Doc b = doc(2);
    b.applyUpdate(updates.get(2));
    b.applyUpdate(updates.get(1));
    assertTrue(b.hasPendingUpdates());
    assertEquals("", b.getText("t").toString());
    b.applyUpdate(updates.get(0));
    assertFalse(b.hasPendingUpdates());
    assertEquals("bcd", b.getText("t").toString());
    assertArrayEquals(a.encodeStateAsUpdate(), b.encodeStateAsUpdate());
  }

  @Test
  void applyingAnUpdateTwiceChangesNothing() {
    Doc a = doc(1);
    a.getArray("a").push(List.of(1, 2, 3));
    byte[] update = a.encodeStateAsUpdate();
    Doc b = doc(2);
    b.applyUpdate(update);
    byte[] once = b.encodeStateAsUpdate();
    b.applyUpdate(update);
    assertArrayEquals(once, b.encodeStateAsUpdate());
  }

  @Test
  void subdocumentsAreReferencedByGuid() {
    Doc a = doc(1);
    Doc sub = new Doc(DocOptions.defaults().guid("sub-1"));
    a.getMap("m").set("sub", sub);
    assertTrue(a.getSubdocs().contains(sub));
    Doc b = doc(2);
    b.applyUpdate(a.encodeStateAsUpdate());
    assertEquals("sub-1", ((Doc) b.getMap("m").get("sub")).guid());
    assertEquals(1, b.getSubdocs().size());
  }
}
