package org.ensemble.protocol.lib0;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code JSON.stringify} and {@code JSON.parse} with JavaScript's exact output: Yjs stores formatting
 * attributes, embeds and JSON content as JSON text inside v1 updates, and awareness states travel as
 * JSON, so the text must match what a browser writes.
 *
 * <p>Values are modelled as elsewhere in {@code protocol/}: {@code null}, {@link Undefined},
 * {@link Boolean}, {@link Number}, {@link String}, {@link List} (or {@code Object[]}), {@link Map} and
 * {@code byte[]} (a {@code Uint8Array}, which JSON writes as an object of indices).
 */
public final class Json {
  /** Deeper nesting than this is refused when parsing, so hostile input cannot exhaust the stack. */
  public static final int MAX_DEPTH = 1000;

  private Json() {}

  /**
   * {@code JSON.stringify(value)}. Throws {@link IllegalArgumentException} where JavaScript throws
   * (a BigInt) or returns undefined (a top-level undefined).
   */
  public static String stringify(Object value) {
    StringBuilder sb = new StringBuilder();
    if (!write(sb, value, 0)) {
      throw new IllegalArgumentException("JSON.stringify of undefined yields no text");
    }
    return sb.toString();
  }

  /** Writes {@code value}; returns false (writing nothing) for values JSON omits (undefined). */
  private static boolean write(StringBuilder sb, Object value, int depth) {
    if (depth > MAX_DEPTH) {
      throw new IllegalArgumentException("value nested deeper than " + MAX_DEPTH);
    }
    if (value == null) {
      sb.append("null");
    } else if (value == Undefined.VALUE) {
      return false;
    } else if (value instanceof String) {
      quote(sb, (String) value);
    } else if (value instanceof Boolean) {
      sb.append(((Boolean) value) ? "true" : "false");
    } else if (value instanceof BigInteger) {
      throw new IllegalArgumentException("Do not know how to serialize a BigInt");
    } else if (value instanceof Number) {
      double d = ((Number) value).doubleValue();
      sb.append(Double.isNaN(d) || Double.isInfinite(d) ? "null" : JsNumber.toString(d));
    } else if (value instanceof byte[]) {
      byte[] bytes = (byte[]) value;
      sb.append('{');
      for (int i = 0; i < bytes.length; i++) {
        if (i > 0) {
          sb.append(',');
        }
        sb.append('"').append(i).append("\":").append(bytes[i] & 0xFF);
      }
      sb.append('}');
    } else if (value instanceof List || value instanceof Object[]) {
      List<?> list = value instanceof List ? (List<?>) value : java.util.Arrays.asList((Object[]) value);
      sb.append('[');
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          sb.append(',');
        }
        if (!write(sb, list.get(i), depth + 1)) {
          sb.append("null");
        }
      }
      sb.append(']');
    } else if (value instanceof Map) {
      Map<?, ?> map = (Map<?, ?>) value;
      sb.append('{');
      boolean first = true;
      for (String key : JsObjects.keys(map)) {
        Object v = map.containsKey(key) ? map.get(key) : Undefined.VALUE;
        int mark = sb.length();
        if (!first) {
          sb.append(',');
        }
        quote(sb, key);
        sb.append(':');
        if (write(sb, v, depth + 1)) {
          first = false;
        } else {
          sb.setLength(mark);
        }
      }
      sb.append('}');
    } else if (value instanceof JsonValue) {
      return write(sb, ((JsonValue) value).toJsonValue(), depth);
    } else {
      throw new IllegalArgumentException("cannot write " + value.getClass().getName() + " as JSON");
    }
    return true;
  }

  /** JSON string quoting as {@code JSON.stringify} does it (well-formed: lone surrogates escaped). */
  public static void quote(StringBuilder sb, String s) {
    sb.append('"');
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"': sb.append("\\\""); break;
        case '\\': sb.append("\\\\"); break;
        case '\b': sb.append("\\b"); break;
        case '\f': sb.append("\\f"); break;
        case '\n': sb.append("\\n"); break;
        case '\r': sb.append("\\r"); break;
        case '\t': sb.append("\\t"); break;
        default:
          if (c < 0x20) {
            appendUnicodeEscape(sb, c);
          } else if (Character.isHighSurrogate(c)) {
            if (i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
              sb.append(c).append(s.charAt(++i));
            } else {
              appendUnicodeEscape(sb, c);
            }
          } else if (Character.isLowSurrogate(c)) {
            appendUnicodeEscape(sb, c);
          } else {
            sb.append(c);
          }
      }
    }
    sb.append('"');
  }

  private static void appendUnicodeEscape(StringBuilder sb, char c) {
    String hex = Integer.toHexString(c);
    sb.append("\\u");
    for (int i = hex.length(); i < 4; i++) {
      sb.append('0');
    }
    sb.append(hex);
  }

  /** {@code JSON.parse(text)}; malformed text raises {@link DecodingException}. */
  public static Object parse(String text) {
    Parser p = new Parser(text);
    p.skipWhitespace();
    Object v = p.value(0);
    p.skipWhitespace();
    if (p.pos != text.length()) {
      throw p.error("unexpected text after the JSON value");
    }
    return v;
  }

  /** A Java object that knows its JSON form (the Y types use it for toJSON). */
  public interface JsonValue {
    Object toJsonValue();
  }

  private static final class Parser {
    private final String s;
    private int pos;

    Parser(String s) {
      this.s = s;
    }

    DecodingException error(String reason) {
      return new DecodingException("malformed JSON: " + reason + " at character " + pos);
    }

    void skipWhitespace() {
      while (pos < s.length()) {
        char c = s.charAt(pos);
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
          pos++;
        } else {
          break;
        }
      }
    }

    Object value(int depth) {
      if (depth > MAX_DEPTH) {
        throw error("nested deeper than " + MAX_DEPTH);
      }
      if (pos >= s.length()) {
        throw error("unexpected end");
      }
      char c = s.charAt(pos);
      switch (c) {
        case '{': return object(depth);
        case '[': return array(depth);
        case '"': return string();
        case 't': return literal("true", Boolean.TRUE);
        case 'f': return literal("false", Boolean.FALSE);
        case 'n': return literal("null", null);
        default:
          if (c == '-' || (c >= '0' && c <= '9')) {
            return number();
          }
          throw error("unexpected character '" + c + "'");
      }
    }

    private Object literal(String word, Object value) {
      if (!s.startsWith(word, pos)) {
        throw error("expected " + word);
      }
      pos += word.length();
      return value;
    }

    private Map<String, Object> object(int depth) {
      pos++; // {
      Map<String, Object> map = new LinkedHashMap<>();
      skipWhitespace();
      if (pos < s.length() && s.charAt(pos) == '}') {
        pos++;
        return map;
      }
      while (true) {
        skipWhitespace();
        if (pos >= s.length() || s.charAt(pos) != '"') {
          throw error("expected a string key");
        }
        String key = string();
        skipWhitespace();
        expect(':');
        skipWhitespace();
        map.put(key, value(depth + 1));
        skipWhitespace();
        if (pos < s.length() && s.charAt(pos) == ',') {
          pos++;
          continue;
        }
        expect('}');
        return map;
      }
    }

    private List<Object> array(int depth) {
      pos++; // [
      List<Object> list = new ArrayList<>();
      skipWhitespace();
      if (pos < s.length() && s.charAt(pos) == ']') {
        pos++;
        return list;
      }
      while (true) {
        skipWhitespace();
        list.add(value(depth + 1));
        skipWhitespace();
        if (pos < s.length() && s.charAt(pos) == ',') {
          pos++;
          continue;
        }
        expect(']');
        return list;
      }
    }

    private void expect(char c) {
      if (pos >= s.length() || s.charAt(pos) != c) {
        throw error("expected '" + c + "'");
      }
      pos++;
    }

    private String string() {
      pos++; // opening quote
      StringBuilder sb = null;
      int start = pos;
      while (true) {
        if (pos >= s.length()) {
          throw error("unterminated string");
        }
        char c = s.charAt(pos);
        if (c == '"') {
          String out = sb == null ? s.substring(start, pos) : sb.append(s, start, pos).toString();
          pos++;
          return out;
        }
        if (c < 0x20) {
          throw error("control character in string");
        }
        if (c == '\\') {
          if (sb == null) {
            sb = new StringBuilder();
          }
          sb.append(s, start, pos);
          pos++;
          if (pos >= s.length()) {
            throw error("unterminated escape");
          }
          char e = s.charAt(pos++);
          switch (e) {
            case '"': sb.append('"'); break;
            case '\\': sb.append('\\'); break;
            case '/': sb.append('/'); break;
            case 'b': sb.append('\b'); break;
            case 'f': sb.append('\f'); break;
            case 'n': sb.append('\n'); break;
            case 'r': sb.append('\r'); break;
            case 't': sb.append('\t'); break;
            case 'u': {
              if (pos + 4 > s.length()) {
                throw error("short unicode escape");
              }
              int cp = 0;
              for (int i = 0; i < 4; i++) {
                char hc = s.charAt(pos + i);
                int h = hc < 128 ? Character.digit(hc, 16) : -1;
                if (h < 0) {
                  throw error("bad unicode escape");
                }
                cp = cp * 16 + h;
              }
              pos += 4;
              sb.append((char) cp);
              break;
            }
            default:
              throw error("bad escape \\" + e);
          }
          start = pos;
        } else {
          pos++;
        }
      }
    }

    private Number number() {
      int start = pos;
      if (s.charAt(pos) == '-') {
        pos++;
      }
      if (pos >= s.length()) {
        throw error("bad number");
      }
      if (s.charAt(pos) == '0') {
        pos++;
      } else if (s.charAt(pos) >= '1' && s.charAt(pos) <= '9') {
        while (pos < s.length() && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') {
          pos++;
        }
      } else {
        throw error("bad number");
      }
      if (pos < s.length() && s.charAt(pos) == '.') {
        pos++;
        int digits = pos;
        while (pos < s.length() && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') {
          pos++;
        }
        if (pos == digits) {
          throw error("bad fraction");
        }
      }
      if (pos < s.length() && (s.charAt(pos) == 'e' || s.charAt(pos) == 'E')) {
        pos++;
        if (pos < s.length() && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) {
          pos++;
        }
        int digits = pos;
        while (pos < s.length() && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') {
          pos++;
        }
        if (pos == digits) {
          throw error("bad exponent");
        }
      }
      return JsNumber.normalize(Double.parseDouble(s.substring(start, pos)));
    }
  }
}
