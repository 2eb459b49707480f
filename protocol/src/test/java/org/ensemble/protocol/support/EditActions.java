package org.ensemble.protocol.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ensemble.protocol.crdt.AbstractType;
import org.ensemble.protocol.crdt.Doc;
import org.ensemble.protocol.crdt.YArray;
import org.ensemble.protocol.crdt.YMap;
import org.ensemble.protocol.crdt.YText;

/**
 * Applies the edit actions of the yjs peer's protocol (protocol/src/test/js/README.md) to a Java doc,
 * so that one action list drives both implementations.
 */
public final class EditActions {
  private EditActions() {}

  @SuppressWarnings("unchecked")
  public static void apply(Doc doc, Map<String, Object> action) {
    AbstractType target = resolve(doc, (Map<String, Object>) action.get("target"));
    String type = (String) action.get("type");
    switch (type) {
      case "mapSet" -> ((YMap) target).set((String) action.get("key"), value(action.get("value")));
      case "mapDelete" -> ((YMap) target).delete((String) action.get("key"));
      case "arrayInsert" -> ((YArray) target).insert(integer(action, "index"), values(action.get("values")));
      case "arrayPush" -> ((YArray) target).push(values(action.get("values")));
      case "arrayDelete" -> ((YArray) target).delete(integer(action, "index"), integer(action, "length"));
      case "textInsert" -> {
        Map<String, Object> attrs = attributes(action.get("attributes"));
        if (attrs == null) {
          ((YText) target).insert(integer(action, "index"), (String) action.get("text"));
        } else {
          ((YText) target).insert(integer(action, "index"), (String) action.get("text"), attrs);
        }
      }
      case "textInsertEmbed" -> ((YText) target).insertEmbed(integer(action, "index"), value(action.get("embed")),
          attributes(action.get("attributes")));
      case "textDelete" -> ((YText) target).delete(integer(action, "index"), integer(action, "length"));
      case "textFormat" -> ((YText) target).format(integer(action, "index"), integer(action, "length"),
          attributes(action.get("attributes")));
      default -> throw new IllegalArgumentException("unknown action " + type);
    }
  }

  /** The shared type a target addresses: a root, then map keys and array indices. */
  public static AbstractType resolve(Doc doc, Map<String, Object> target) {
    AbstractType type = Fixtures.root(doc, (String) target.get("root"), (String) target.get("kind"));
    Object path = target.get("path");
    if (path != null) {
      for (Object el : (List<?>) path) {
        Object next = el instanceof String ? ((YMap) type).get((String) el) : ((YArray) type).get(((Number) el).intValue());
        type = (AbstractType) next;
      }
    }
    return type;
  }

  private static int integer(Map<String, Object> action, String key) {
    return ((Number) action.get(key)).intValue();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> attributes(Object v) {
    return v == null ? null : (Map<String, Object>) TaggedJson.untag(v);
  }

  private static List<Object> values(Object v) {
    List<Object> out = new ArrayList<>();
    for (Object o : (List<?>) v) {
      out.add(value(o));
    }
    return out;
  }

  /** A tagged value, or a new empty nested type for {"$type": kind}. */
  public static Object value(Object v) {
    if (v instanceof Map && ((Map<?, ?>) v).containsKey("$type")) {
      return switch ((String) ((Map<?, ?>) v).get("$type")) {
        case "map" -> new YMap();
        case "array" -> new YArray();
        case "text" -> new YText();
        default -> throw new IllegalArgumentException("unknown $type");
      };
    }
    return TaggedJson.untag(v);
  }
}
