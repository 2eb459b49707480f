package org.ensemble.protocol.crdt;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.ensemble.protocol.lib0.JsNumber;
import org.ensemble.protocol.lib0.Undefined;

/** JavaScript's {@code String(value)}, which the XML types use when they print attribute values. */
final class JsStrings {
  private JsStrings() {}

  static String of(Object v) {
    if (v == null) {
      return "null";
    }
    if (v == Undefined.VALUE) {
      return "undefined";
    }
    if (v instanceof String) {
      return (String) v;
    }
    if (v instanceof BigInteger) {
      return v.toString();
    }
    if (v instanceof Number) {
      return JsNumber.toString(((Number) v).doubleValue());
    }
    if (v instanceof Boolean) {
      return v.toString();
    }
    if (v instanceof List) {
      StringBuilder sb = new StringBuilder();
      List<?> list = (List<?>) v;
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          sb.append(',');
        }
        Object e = list.get(i);
        if (e != null && e != Undefined.VALUE) {
          sb.append(of(e));
        }
      }
      return sb.toString();
    }
    if (v instanceof byte[]) {
      StringBuilder sb = new StringBuilder();
      byte[] bytes = (byte[]) v;
      for (int i = 0; i < bytes.length; i++) {
        if (i > 0) {
          sb.append(',');
        }
        sb.append(bytes[i] & 0xFF);
      }
      return sb.toString();
    }
    if (v instanceof YText || v instanceof YXmlFragment) {
      return v.toString();
    }
    return "[object Object]"; // plain objects, maps, arrays types, hooks, documents
  }
}
