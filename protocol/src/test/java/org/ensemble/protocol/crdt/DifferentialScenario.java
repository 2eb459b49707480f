package org.ensemble.protocol.crdt;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import org.ensemble.protocol.support.EditActions;
import org.ensemble.protocol.support.TaggedJson;
import org.ensemble.protocol.support.YjsPeer;

/**
 * One seeded scenario of the differential test: several users edit a map, an array and a text (and
 * types nested in them) concurrently. Every user exists twice, as a Java doc and as a yjs doc in the
 * Node peer, with the same client id. Both perform the same edits and receive the same updates in
 * the same random partial order (out of order and duplicated too). After every edit the two updates
 * must be byte-identical; after every exchange the receiver's two replicas must have the same JSON,
 * state vector and state update. At the end everyone receives everything and all must converge.
 */
final class DifferentialScenario {
  static final Map<String, Object> ROOTS = Map.of("m", "map", "a", "array", "t", "text");
  private static final String[] KEYS = {"k0", "k1", "k2", "k3", "k4"};
  private static final String[] SNIPPETS = {"a", "b", "xyz", "é", "🎵", "\uD834\uDD1E\uD834\uDD22", "hello ", "\n", "ab🎹c"};
  private static final String[] COLORS = {"red", "blue"};

  private final long seed;
  private final Random rnd;
  private final YjsPeer peer;
  private final int users;
  private final List<Doc> docs = new ArrayList<>();
  /** Every update produced, by author. */
  private final List<byte[]> updates = new ArrayList<>();
  /** Pairs (update index, receiver) not delivered yet. */
  private final List<int[]> undelivered = new ArrayList<>();
  private int step;

  DifferentialScenario(long seed, YjsPeer peer) {
    this.seed = seed;
    this.rnd = new Random(seed);
    this.peer = peer;
    this.users = 2 + rnd.nextInt(4);
  }

  private static final boolean TRACE = Boolean.getBoolean("differential.trace");

  private void trace(String what) {
    if (TRACE) {
      System.err.println("seed " + seed + " step " + step + ": " + what);
    }
  }

  private AssertionError fail(String what) {
    return new AssertionError("differential seed " + seed + ", step " + step + ": " + what);
  }

  void run(int steps) {
    boolean gc = rnd.nextInt(4) != 0;
    peer.request(Map.of("op", "reset"));
    List<Long> ids = new ArrayList<>();
    while (ids.size() < users) {
      long id = rnd.nextBoolean() ? rnd.nextInt(100) : (rnd.nextInt() & 0xFFFF_FFFFL);
      if (!ids.contains(id)) {
        ids.add(id);
      }
    }
    for (int u = 0; u < users; u++) {
      Doc doc = new Doc(DocOptions.defaults().gc(gc));
      doc.setClientId(ids.get(u));
      docs.add(doc);
      peer.request(Map.of("op", "create", "doc", "u" + u, "clientId", ids.get(u), "gc", gc));
      trace("create u" + u + " client " + ids.get(u) + " gc " + gc);
    }
    for (step = 0; step < steps; step++) {
      double r = rnd.nextDouble();
      if (r < 0.45) {
        edit(rnd.nextInt(users));
      } else if (r < 0.85 && !undelivered.isEmpty()) {
        int[] pair = undelivered.get(rnd.nextInt(undelivered.size()));
        if (rnd.nextInt(5) != 0) {
          undelivered.remove(pair); // else: delivered again later (a duplicate)
        }
        deliver(updates.get(pair[0]), pair[1]);
      } else {
        int from = rnd.nextInt(users);
        int to = rnd.nextInt(users);
        if (from != to) {
          sync(from, to);
        }
      }
    }
    // Everyone gets everything, in random order, then all must agree.
    while (!undelivered.isEmpty()) {
      int[] pair = undelivered.remove(rnd.nextInt(undelivered.size()));
      deliver(updates.get(pair[0]), pair[1]);
      step++;
    }
    for (int u = 0; u < users; u++) {
      for (int v = 0; v < users; v++) {
        if (u != v) {
          sync(u, v);
        }
      }
    }
    Object first = TaggedJson.canonicalOfJava(jsonOf(docs.get(0)));
    for (int u = 1; u < users; u++) {
      if (!first.equals(TaggedJson.canonicalOfJava(jsonOf(docs.get(u))))) {
        throw fail("users 0 and " + u + " did not converge:\n" + first + "\n" + TaggedJson.canonicalOfJava(jsonOf(docs.get(u))));
      }
    }
  }

  private void edit(int u) {
    Doc doc = docs.get(u);
    List<Map<String, Object>> actions = new ArrayList<>();
    List<byte[]> javaUpdates = new ArrayList<>();
    Subscription sub = doc.onUpdate((update, origin, txn) -> javaUpdates.add(update));
    int n = 1 + rnd.nextInt(3);
    try {
      doc.transact(t -> {
        for (int i = 0; i < n; i++) {
          Map<String, Object> action = randomAction(doc);
          if (action != null) {
            EditActions.apply(doc, action);
            actions.add(action);
          }
        }
      });
    } finally {
      sub.close();
    }
    if (actions.isEmpty()) {
      return;
    }
    trace("user " + u + " edits " + org.ensemble.protocol.lib0.Json.stringify(actions));
    Map<String, Object> response = peer.request(Map.of("op", "edit", "doc", "u" + u, "actions", actions));
    List<?> yjsUpdates = (List<?>) response.get("updates");
    if (yjsUpdates.size() != javaUpdates.size()) {
      throw fail("yjs emitted " + yjsUpdates.size() + " updates, Java " + javaUpdates.size() + " for " + actions);
    }
    for (int i = 0; i < javaUpdates.size(); i++) {
      byte[] expected = Base64.getDecoder().decode((String) yjsUpdates.get(i));
      if (!java.util.Arrays.equals(expected, javaUpdates.get(i))) {
        throw fail("update of user " + u + " differs from yjs's for " + actions + "\n yjs:  "
            + yjsUpdates.get(i) + "\n java: " + Base64.getEncoder().encodeToString(javaUpdates.get(i)));
      }
      updates.add(javaUpdates.get(i));
      for (int v = 0; v < users; v++) {
        if (v != u) {
          undelivered.add(new int[] {updates.size() - 1, v});
        }
      }
    }
    compare(u);
  }

  private void deliver(byte[] update, int to) {
    trace("deliver to " + to + ": " + Base64.getEncoder().encodeToString(update) + " state before: "
        + (TRACE ? Base64.getEncoder().encodeToString(docs.get(to).encodeStateAsUpdate()) : ""));
    docs.get(to).applyUpdate(update);
    peer.request(Map.of("op", "apply", "doc", "u" + to, "update", Base64.getEncoder().encodeToString(update)));
    compare(to);
  }

  private void sync(int from, int to) {
    byte[] update = docs.get(from).encodeStateAsUpdate(docs.get(to).encodeStateVector());
    Map<String, Object> yjs = peer.request(Map.of("op", "encodeStateAsUpdate", "doc", "u" + from,
        "sv", Base64.getEncoder().encodeToString(docs.get(to).encodeStateVector())));
    if (!Base64.getEncoder().encodeToString(update).equals(yjs.get("update"))) {
      throw fail("encodeStateAsUpdate(sv) of user " + from + " differs from yjs's");
    }
    deliver(update, to);
  }

  /** The Java replica of user {@code u} must equal its yjs replica exactly. */
  private void compare(int u) {
    Doc doc = docs.get(u);
    Map<String, Object> yjs = peer.request(Map.of("op", "state", "doc", "u" + u, "roots", ROOTS));
    Object expectedJson = TaggedJson.canonical(yjs.get("json"));
    Object actualJson = TaggedJson.canonicalOfJava(jsonOf(doc));
    if (!expectedJson.equals(actualJson)) {
      throw fail("JSON of user " + u + " differs:\n yjs:  " + expectedJson + "\n java: " + actualJson);
    }
    Object expectedDelta = TaggedJson.canonical(((Map<?, ?>) yjs.get("delta")).get("t"));
    Object actualDelta = TaggedJson.canonicalOfJava(deltaJson(doc.getText("t")));
    if (!expectedDelta.equals(actualDelta)) {
      throw fail("text delta of user " + u + " differs:\n yjs:  " + expectedDelta + "\n java: " + actualDelta);
    }
    check("state vector", yjs.get("sv"), doc.encodeStateVector(), u);
    check("state update", yjs.get("update"), doc.encodeStateAsUpdate(), u);
    check("v2 state update", yjs.get("updateV2"), doc.encodeStateAsUpdateV2(), u);
  }

  private void check(String what, Object yjsBase64, byte[] actual, int u) {
    String java = Base64.getEncoder().encodeToString(actual);
    if (!Objects.equals(yjsBase64, java)) {
      throw fail(what + " of user " + u + " differs:\n yjs:  " + yjsBase64 + "\n java: " + java);
    }
  }

  static Map<String, Object> jsonOf(Doc doc) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("m", doc.getMap("m").toJSON());
    out.put("a", doc.getArray("a").toJSON());
    out.put("t", doc.getText("t").toJSON());
    return out;
  }

  private static List<Object> deltaJson(YText text) {
    List<Object> out = new ArrayList<>();
    for (Map<String, Object> op : text.toDelta()) {
      Map<String, Object> copy = new LinkedHashMap<>(op);
      copy.computeIfPresent("insert", (k, v) -> v instanceof AbstractType ? ((AbstractType) v).toJSON() : v);
      out.add(copy);
    }
    return out;
  }

  // ---- random edits ---------------------------------------------------------------------------

  private record Target(Map<String, Object> address, AbstractType type) {}

  private List<Target> targets(Doc doc) {
    List<Target> out = new ArrayList<>();
    collect(out, "m", "map", new ArrayList<>(), doc.getMap("m"), 0);
    collect(out, "a", "array", new ArrayList<>(), doc.getArray("a"), 0);
    collect(out, "t", "text", new ArrayList<>(), doc.getText("t"), 0);
    return out;
  }

  private void collect(List<Target> out, String root, String kind, List<Object> path, AbstractType type, int depth) {
    Map<String, Object> address = new LinkedHashMap<>();
    address.put("root", root);
    address.put("kind", kind);
    address.put("path", new ArrayList<>(path));
    out.add(new Target(address, type));
    if (depth >= 3) {
      return;
    }
    if (type instanceof YMap) {
      ((YMap) type).forEach((key, v) -> {
        if (v instanceof YMap || v instanceof YArray || v instanceof YText) {
          List<Object> p = new ArrayList<>(path);
          p.add(key);
          collect(out, root, kind, p, (AbstractType) v, depth + 1);
        }
      });
    } else if (type instanceof YArray) {
      List<Object> values = ((YArray) type).toArray();
      for (int i = 0; i < values.size(); i++) {
        Object v = values.get(i);
        if (v instanceof YMap || v instanceof YArray || v instanceof YText) {
          List<Object> p = new ArrayList<>(path);
          p.add(i);
          collect(out, root, kind, p, (AbstractType) v, depth + 1);
        }
      }
    }
  }

  private Map<String, Object> randomAction(Doc doc) {
    List<Target> targets = targets(doc);
    Target target = targets.get(rnd.nextInt(targets.size()));
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("target", target.address);
    if (target.type instanceof YMap) {
      YMap map = (YMap) target.type;
      if (map.size() > 0 && rnd.nextInt(4) == 0) {
        a.put("type", "mapDelete");
        List<String> keys = new ArrayList<>(map.keys());
        a.put("key", rnd.nextInt(5) == 0 ? KEYS[rnd.nextInt(KEYS.length)] : keys.get(rnd.nextInt(keys.size())));
      } else {
        a.put("type", "mapSet");
        a.put("key", KEYS[rnd.nextInt(KEYS.length)]);
        a.put("value", rnd.nextInt(5) == 0 ? nestedType() : randomValue(true, 0));
      }
    } else if (target.type instanceof YArray) {
      YArray array = (YArray) target.type;
      int len = array.length();
      if (len > 0 && rnd.nextInt(3) == 0) {
        int index = rnd.nextInt(len);
        a.put("type", "arrayDelete");
        a.put("index", index);
        a.put("length", 1 + rnd.nextInt(Math.min(3, len - index)));
      } else {
        boolean push = rnd.nextInt(5) == 0;
        a.put("type", push ? "arrayPush" : "arrayInsert");
        if (!push) {
          a.put("index", rnd.nextInt(len + 1));
        }
        List<Object> values = new ArrayList<>();
        int n = 1 + rnd.nextInt(3);
        for (int i = 0; i < n; i++) {
          values.add(rnd.nextInt(6) == 0 ? nestedType() : randomValue(false, 0));
        }
        a.put("values", values);
      }
    } else {
      // Yjs replaces a surrogate pair cut by an edit with two U+FFFD on the replica that cuts it
      // only, so replicas would diverge (in yjs too); edits here keep pairs whole.
      String chars = textChars((YText) target.type);
      int len = chars.length();
      int kind = rnd.nextInt(10);
      if (len > 0 && kind < 5) {
        int index = whole(chars, rnd.nextInt(len));
        int end = whole(chars, Math.min(len, index + 1 + rnd.nextInt(4)));
        if (end <= index) {
          end = Math.min(len, index + 2);
        }
        a.put("type", kind < 3 ? "textDelete" : "textFormat");
        a.put("index", index);
        a.put("length", end - index);
        if (kind >= 3) {
          a.put("attributes", randomAttributes(true));
        }
      } else if (kind == 5) {
        a.put("type", "textInsertEmbed");
        a.put("index", whole(chars, rnd.nextInt(len + 1)));
        a.put("embed", Map.of("image", "img" + rnd.nextInt(3)));
        a.put("attributes", rnd.nextBoolean() ? null : randomAttributes(false));
      } else {
        a.put("type", "textInsert");
        a.put("index", whole(chars, rnd.nextInt(len + 1)));
        a.put("text", SNIPPETS[rnd.nextInt(SNIPPETS.length)]);
        a.put("attributes", rnd.nextInt(3) == 0 ? randomAttributes(false) : null);
      }
    }
    return a;
  }

  /** The text's positions as characters, an embed as U+FFFC. */
  private static String textChars(YText text) {
    StringBuilder sb = new StringBuilder();
    for (Map<String, Object> op : text.toDelta()) {
      Object ins = op.get("insert");
      sb.append(ins instanceof String ? (String) ins : "\uFFFC");
    }
    return sb.toString();
  }

  /** {@code index}, moved back by one if it would cut a surrogate pair. */
  private static int whole(String chars, int index) {
    if (index > 0 && index < chars.length() && Character.isHighSurrogate(chars.charAt(index - 1))
        && Character.isLowSurrogate(chars.charAt(index))) {
      return index - 1;
    }
    return index;
  }

  private Map<String, Object> nestedType() {
    String[] kinds = {"map", "array", "text"};
    return Map.of("$type", kinds[rnd.nextInt(kinds.length)]);
  }

  private Map<String, Object> randomAttributes(boolean allowNull) {
    Map<String, Object> attrs = new LinkedHashMap<>();
    if (rnd.nextBoolean()) {
      attrs.put("bold", allowNull && rnd.nextInt(3) == 0 ? null : Boolean.TRUE);
    }
    if (rnd.nextBoolean()) {
      attrs.put("color", allowNull && rnd.nextInt(3) == 0 ? null : COLORS[rnd.nextInt(COLORS.length)]);
    }
    if (rnd.nextInt(4) == 0) {
      attrs.put("link", Map.of("href", "https://example.org/" + rnd.nextInt(2)));
    }
    return attrs;
  }

  /** A tagged JSON value; bigint and undefined only where yjs accepts them (map values). */
  private Object randomValue(boolean mapValue, int depth) {
    int kind = rnd.nextInt(depth > 1 ? 9 : 12);
    return switch (kind) {
      case 0 -> rnd.nextInt(100);
      case 1 -> rnd.nextInt();
      case 2 -> rnd.nextDouble() * 1000 - 500;
      case 3 -> (double) (rnd.nextInt(1 << 20)) / 4.0;
      case 4 -> SNIPPETS[rnd.nextInt(SNIPPETS.length)];
      case 5 -> rnd.nextBoolean();
      case 6 -> null;
      case 7 -> Map.of("$bytes", Base64.getEncoder().encodeToString(new byte[] {(byte) rnd.nextInt(), 2, 3}));
      case 8 -> mapValue ? (rnd.nextBoolean() ? Map.of("$bigint", Long.toString(rnd.nextLong()))
          : Map.of("$undefined", true)) : 1L << 40;
      case 9, 10 -> {
        Map<String, Object> m = new LinkedHashMap<>();
        int n = rnd.nextInt(3);
        for (int i = 0; i < n; i++) {
          m.put(rnd.nextBoolean() ? "p" + i : Integer.toString(rnd.nextInt(12)), randomValue(true, depth + 1));
        }
        yield m;
      }
      default -> {
        List<Object> l = new ArrayList<>();
        int n = rnd.nextInt(3);
        for (int i = 0; i < n; i++) {
          l.add(randomValue(false, depth + 1));
        }
        yield l;
      }
    };
  }
}
