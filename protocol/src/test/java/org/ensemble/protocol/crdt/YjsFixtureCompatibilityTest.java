package org.ensemble.protocol.crdt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.ensemble.protocol.support.Fixtures;
import org.ensemble.protocol.support.Fixtures.Scenario;
import org.ensemble.protocol.support.TaggedJson;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.TestFactory;

/**
 * Reads the updates that the real yjs package produced and checks that this implementation builds
 * the same document: the same JSON, and byte-identical state vectors, state updates (v1 and v2),
 * merged updates, diffs and update metadata.
 */
class YjsFixtureCompatibilityTest {

  static Doc applyAll(Scenario s) {
    Doc doc = new Doc(DocOptions.defaults().gc(s.gc()));
    doc.setClientId(1);
    for (byte[] update : s.updates()) {
      doc.applyUpdate(update);
    }
    return doc;
  }

  static Map<String, Object> json(Doc doc, Scenario s) {
    Map<String, Object> out = new LinkedHashMap<>();
    s.roots().forEach((name, kind) -> out.put(name, Fixtures.root(doc, name, (String) kind).toJSON()));
    return out;
  }

  @TestFactory
  Stream<DynamicNode> everyScenario() {
    return Fixtures.all().stream().map(s -> DynamicContainer.dynamicContainer(s.name, checks(s)));
  }

  private Stream<DynamicNode> checks(Scenario s) {
    List<DynamicNode> tests = new ArrayList<>();
    tests.add(dynamicTest("json equals Yjs's", () -> {
      Doc doc = applyAll(s);
      assertEquals(TaggedJson.canonical(s.json("expected.json")), TaggedJson.canonicalOfJava(json(doc, s)));
    }));
    if (s.exists("expected-delta.json")) {
      tests.add(dynamicTest("text deltas equal Yjs's", () -> {
        Doc doc = applyAll(s);
        @SuppressWarnings("unchecked")
        Map<String, Object> expected = (Map<String, Object>) s.json("expected-delta.json");
        for (String name : expected.keySet()) {
          YText text = (YText) Fixtures.root(doc, name, (String) s.roots().get(name));
          List<Object> delta = new ArrayList<>();
          for (Map<String, Object> op : text.toDelta()) {
            Map<String, Object> copy = new LinkedHashMap<>(op);
            copy.computeIfPresent("insert", (k, v) -> v instanceof AbstractType ? ((AbstractType) v).toJSON() : v);
            delta.add(copy);
          }
          assertEquals(TaggedJson.canonical(expected.get(name)), TaggedJson.canonicalOfJava(delta), name);
        }
      }));
    }
    tests.add(dynamicTest("state vector is byte-identical", () ->
        assertArrayEquals(s.bytes("state-vector.bin"), applyAll(s).encodeStateVector())));
    tests.add(dynamicTest("encodeStateAsUpdate is byte-identical", () ->
        assertArrayEquals(s.bytes("state-as-update.bin"), applyAll(s).encodeStateAsUpdate())));
    tests.add(dynamicTest("encodeStateAsUpdateV2 is byte-identical", () ->
        assertArrayEquals(s.bytes("state-as-update-v2.bin"), applyAll(s).encodeStateAsUpdateV2())));
    tests.add(dynamicTest("pending state equals Yjs's", () -> {
      Doc doc = applyAll(s);
      @SuppressWarnings("unchecked")
      Map<String, Object> pending = (Map<String, Object>) s.json("pending.json");
      assertEquals(pending.get("hasPendingStructs"), doc.store.pendingStructs != null);
      assertEquals(pending.get("hasPendingDeleteSet"), doc.store.pendingDs != null);
    }));
    tests.add(dynamicTest("the state update re-encodes byte for byte", () -> {
      Doc doc = new Doc(DocOptions.defaults().gc(s.gc()));
      doc.applyUpdate(s.bytes("state-as-update.bin"));
      assertArrayEquals(s.bytes("state-as-update.bin"), doc.encodeStateAsUpdate());
      assertEquals(TaggedJson.canonical(s.json("expected.json")), TaggedJson.canonicalOfJava(json(doc, s)));
      Doc docV2 = new Doc(DocOptions.defaults().gc(s.gc()));
      docV2.applyUpdateV2(s.bytes("state-as-update-v2.bin"));
      assertArrayEquals(s.bytes("state-as-update-v2.bin"), docV2.encodeStateAsUpdateV2());
    }));
    tests.add(dynamicTest("mergeUpdates is byte-identical", () ->
        assertArrayEquals(s.bytes("merged.bin"), Updates.mergeUpdates(s.updates()))));
    tests.add(dynamicTest("mergeUpdatesV2 is byte-identical", () -> {
      List<byte[]> v2 = new ArrayList<>();
      for (byte[] u : s.updates()) {
        v2.add(Updates.convertUpdateFormatV1ToV2(u));
      }
      assertArrayEquals(s.bytes("merged-v2.bin"), Updates.mergeUpdatesV2(v2));
    }));
    tests.add(dynamicTest("encodeStateVectorFromUpdate is byte-identical", () ->
        assertArrayEquals(s.bytes("state-vector-from-update.bin"),
            Updates.encodeStateVectorFromUpdate(s.bytes("merged.bin")))));
    tests.add(dynamicTest("diffUpdate is byte-identical", () ->
        assertArrayEquals(s.bytes("diff.bin"), Updates.diffUpdate(s.bytes("merged.bin"), s.bytes("diff-sv.bin")))));
    tests.add(dynamicTest("update meta and delete set equal Yjs's", () -> {
      @SuppressWarnings("unchecked")
      Map<String, Object> expected = (Map<String, Object>) s.json("update-meta.json");
      UpdateMeta meta = Updates.parseUpdateMeta(s.bytes("merged.bin"));
      assertEquals(TaggedJson.canonical(expected.get("from")), TaggedJson.canonical(svToMap(meta.from())));
      assertEquals(TaggedJson.canonical(expected.get("to")), TaggedJson.canonical(svToMap(meta.to())));
      DeleteSet ds = Updates.readDeleteSet(s.bytes("merged.bin"));
      Map<String, Object> dsMap = new LinkedHashMap<>();
      for (long client : ds.clients()) {
        List<Object> ranges = new ArrayList<>();
        for (IdRange r : ds.ranges(client)) {
          ranges.add(List.of(r.clock(), r.length()));
        }
        dsMap.put(Long.toString(client), ranges);
      }
      assertEquals(TaggedJson.canonical(expected.get("deleteSet")), TaggedJson.canonical(dsMap));
    }));
    return tests.stream();
  }

  static Map<String, Object> svToMap(StateVector sv) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (long client : sv.clients()) {
      out.put(Long.toString(client), sv.get(client));
    }
    return out;
  }
}
