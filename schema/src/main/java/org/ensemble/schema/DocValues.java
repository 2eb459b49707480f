package org.ensemble.schema;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ensemble.protocol.crdt.Doc;
import org.ensemble.protocol.crdt.YArray;
import org.ensemble.protocol.crdt.YMap;
import org.ensemble.protocol.crdt.YText;
import org.ensemble.protocol.crdt.YXmlElement;
import org.ensemble.protocol.crdt.YXmlFragment;
import org.ensemble.protocol.crdt.YXmlHook;
import org.ensemble.protocol.crdt.YXmlText;
import org.ensemble.protocol.lib0.JsNumber;
import org.ensemble.protocol.lib0.Undefined;

/**
 * The values a document can hold where the schema expects something else: names them for problem
 * messages, and opens maps and lists whether they are shared types or plain JSON values, so that a
 * reader can still use content a client wrote in the wrong container.
 */
final class DocValues {
  private static final int QUOTED_STRING_LIMIT = 24;

  private DocValues() {}

  /** {@code "a string (\"abc\")"}, {@code "a number (1.5)"}, {@code "a Y.Text"}: for messages. */
  static String describe(Object value) {
    if (value == null) {
      return "null";
    }
    if (value == Undefined.VALUE) {
      return "undefined";
    }
    if (value instanceof String) {
      String s = (String) value;
      String shown = s.length() <= QUOTED_STRING_LIMIT ? s : s.substring(0, QUOTED_STRING_LIMIT) + "…";
      return "a string (\"" + shown + "\")";
    }
    if (value instanceof Boolean) {
      return "a boolean (" + value + ")";
    }
    if (value instanceof BigInteger) {
      return "a bigint";
    }
    if (value instanceof Number) {
      return "a number (" + JsNumber.toString(((Number) value).doubleValue()) + ")";
    }
    if (value instanceof byte[]) {
      return "binary data";
    }
    if (value instanceof List) {
      return "a plain array";
    }
    if (value instanceof Map) {
      return "a plain object";
    }
    return describeShared(value);
  }

  private static String describeShared(Object value) {
    // Subclasses before their parents: an XML hook is a map, XML text is text.
    if (value instanceof YXmlHook) {
      return "a Y.XmlHook";
    }
    if (value instanceof YMap) {
      return "a Y.Map";
    }
    if (value instanceof YArray) {
      return "a Y.Array";
    }
    if (value instanceof YXmlText) {
      return "a Y.XmlText";
    }
    if (value instanceof YText) {
      return "a Y.Text";
    }
    if (value instanceof YXmlElement) {
      return "a Y.XmlElement";
    }
    if (value instanceof YXmlFragment) {
      return "a Y.XmlFragment";
    }
    if (value instanceof Doc) {
      return "a subdocument";
    }
    return "a " + value.getClass().getSimpleName();
  }

  /** Whether {@code value} is a Y.Map proper (not an XML hook, which extends it). */
  static boolean isSharedMap(Object value) {
    return value != null && value.getClass() == YMap.class;
  }

  static boolean isSharedArray(Object value) {
    return value instanceof YArray;
  }

  /** The entries of a Y.Map or a plain object; null for anything else. */
  static Map<String, Object> entries(Object value) {
    if (isSharedMap(value)) {
      return ((YMap) value).entries();
    }
    if (value instanceof Map) {
      Map<String, Object> out = new LinkedHashMap<>();
      ((Map<?, ?>) value).forEach((k, v) -> out.put(String.valueOf(k), v));
      return out;
    }
    return null;
  }

  /** The elements of a Y.Array or a plain array; null for anything else. */
  static List<Object> elements(Object value) {
    if (isSharedArray(value)) {
      return ((YArray) value).toArray();
    }
    if (value instanceof List) {
      return new ArrayList<>((List<?>) value);
    }
    return null;
  }
}
