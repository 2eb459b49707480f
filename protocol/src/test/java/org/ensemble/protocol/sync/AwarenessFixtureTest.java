package org.ensemble.protocol.sync;

import static org.ensemble.protocol.sync.ProtocolFixtures.list;
import static org.ensemble.protocol.sync.ProtocolFixtures.longs;
import static org.ensemble.protocol.sync.ProtocolFixtures.map;
import static org.ensemble.protocol.sync.ProtocolFixtures.number;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.ensemble.protocol.crdt.Doc;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays the awareness scenarios that y-protocols 1.0.7 ran (awareness/scenarios.json) on this
 * Awareness: after every step the events, the states (as JSON text, in order) and the clocks must be
 * those y-protocols reported, and every encoded or modified update must be byte-identical.
 */
class AwarenessFixtureTest {
  private static final String DIR = "awareness";

  /** The transformations the fixture script names (protocol-fixtures.mjs, "modifiers"). */
  private static final Map<String, UnaryOperator<Object>> MODIFIERS = Map.of(
      "identity", s -> s,
      "nullify", s -> null,
      "addServerFlag", s -> {
        if (!(s instanceof Map)) {
          return s;
        }
        Map<String, Object> copy = new LinkedHashMap<>(map(s));
        copy.put("server", true);
        return copy;
      });

  @TestFactory
  Stream<DynamicTest> everyScenarioStepMatchesYProtocols() {
    return list(ProtocolFixtures.json(DIR, "scenarios.json")).stream()
        .map(ProtocolFixtures::map)
        .map(scenario -> DynamicTest.dynamicTest((String) scenario.get("name"), () -> replay(scenario)));
  }

  private static void replay(Map<String, Object> scenario) {
    Doc doc = new Doc();
    doc.setClientId(number(scenario.get("clientId")));
    Awareness awareness = new Awareness(doc, () -> 0);
    List<String> events = new ArrayList<>();
    awareness.onChange((c, origin) -> events.add(event("change", c, origin)));
    awareness.onUpdate((c, origin) -> events.add(event("update", c, origin)));
    List<Object> steps = list(scenario.get("steps"));
    for (int i = 0; i < steps.size(); i++) {
      Map<String, Object> step = map(steps.get(i));
      String where = scenario.get("name") + " step " + i + " (" + step.get("op") + ")";
      events.clear();
      run(awareness, step, where);
      List<String> expectedEvents = new ArrayList<>();
      for (Object e : list(step.get("events"))) {
        Map<String, Object> ev = map(e);
        expectedEvents.add(event((String) ev.get("event"),
            new AwarenessChange(longs(ev.get("added")), longs(ev.get("updated")), longs(ev.get("removed"))),
            ev.get("origin")));
      }
      assertEquals(expectedEvents, events, where + ": events");
      assertEquals(ProtocolFixtures.stringified(ProtocolFixtures.pairs(step.get("states"))),
          ProtocolFixtures.stringified(awareness.getStates()), where + ": states");
      Map<Long, Object> clocks = new LinkedHashMap<>();
      awareness.getMeta().forEach((id, meta) -> clocks.put(id, meta.clock()));
      Map<Long, Object> expectedClocks = new LinkedHashMap<>();
      ProtocolFixtures.pairs(step.get("clocks")).forEach((id, clock) -> expectedClocks.put(id, number(clock)));
      assertEquals(expectedClocks, clocks, where + ": clocks");
    }
  }

  private static void run(Awareness awareness, Map<String, Object> step, String where) {
    switch ((String) step.get("op")) {
      case "setLocalState" -> awareness.setLocalState(step.get("state"));
      case "setLocalStateField" -> awareness.setLocalStateField((String) step.get("field"), step.get("value"));
      case "apply" -> awareness.applyAwarenessUpdate(ProtocolFixtures.bytes(DIR, (String) step.get("update")), step.get("origin"));
      case "remove" -> awareness.removeAwarenessStates(longs(step.get("clients")), step.get("origin"));
      case "encode" -> {
        List<Long> clients = longs(step.get("clients"));
        byte[] encoded = step.containsKey("withStates")
            ? awareness.encodeAwarenessUpdate(clients, ProtocolFixtures.pairs(step.get("withStates")))
            : awareness.encodeAwarenessUpdate(clients);
        assertArrayEquals(ProtocolFixtures.bytes(DIR, (String) step.get("expected")), encoded, where);
      }
      case "modify" -> {
        byte[] in = ProtocolFixtures.bytes(DIR, (String) step.get("update"));
        byte[] out = Awareness.modifyAwarenessUpdate(in, MODIFIERS.get((String) step.get("modifier")));
        assertArrayEquals(ProtocolFixtures.bytes(DIR, (String) step.get("expected")), out, where);
      }
      case "destroy" -> awareness.destroy();
      default -> throw new IllegalArgumentException(where + ": unknown op");
    }
  }

  private static String event(String kind, AwarenessChange c, Object origin) {
    return kind + " added=" + c.added() + " updated=" + c.updated() + " removed=" + c.removed() + " origin=" + origin;
  }
}
