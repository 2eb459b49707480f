package org.ensemble.protocol.lib0;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** JSON text exactly as JavaScript writes and reads it. */
class JsonTest {

  @Test
  void numbersPrintAsJavaScriptPrintsThem() {
    assertEquals("0", JsNumber.toString(-0.0));
    assertEquals("100", JsNumber.toString(100));
    assertEquals("0.1", JsNumber.toString(0.1));
    assertEquals("0.30000000000000004", JsNumber.toString(0.1 + 0.2));
    assertEquals("123.456", JsNumber.toString(123.456));
    assertEquals("0.000001", JsNumber.toString(1e-6));
    assertEquals("1e-7", JsNumber.toString(1e-7));
    assertEquals("1.5e-7", JsNumber.toString(1.5e-7));
    assertEquals("100000000000000000000", JsNumber.toString(1e20));
    assertEquals("1e+21", JsNumber.toString(1e21));
    assertEquals("9007199254740992", JsNumber.toString(9007199254740992.0));
    assertEquals("9007199254740994", JsNumber.toString(9007199254740994.0));
    assertEquals("5e-324", JsNumber.toString(Double.MIN_VALUE));
    assertEquals("1.7976931348623157e+308", JsNumber.toString(Double.MAX_VALUE));
    assertEquals("0.002", JsNumber.toString(0.002));
    assertEquals("-1.25", JsNumber.toString(-1.25));
    assertEquals("NaN", JsNumber.toString(Double.NaN));
    assertEquals("-Infinity", JsNumber.toString(Double.NEGATIVE_INFINITY));
  }

  @Test
  void stringifyEscapesLikeJavaScript() {
    assertEquals("\"a\\\"b\\\\c\\n\\u0001\\ud834é🎵\"", Json.stringify("a\"b\\c\n\u0001\uD834é🎵"));
    assertEquals("[1,null,null,\"x\"]", Json.stringify(Arrays.asList(1, Undefined.VALUE, null, "x")));
    assertEquals("[1,null]", Json.stringify(new Object[] {1, null}));
    assertEquals("{\"0\":1,\"1\":255}", Json.stringify(new byte[] {1, (byte) 255}));
    assertEquals("null", Json.stringify(Double.NaN));
  }

  @Test
  void stringifyOrdersIntegerKeysFirstAndSkipsUndefined() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("z", 1);
    m.put("u", Undefined.VALUE);
    m.put("3", true);
    m.put("01", "not an index");
    m.put("1", List.of());
    assertEquals("{\"1\":[],\"3\":true,\"z\":1,\"01\":\"not an index\"}", Json.stringify(m));
  }

  @Test
  void parseReadsStrictJson() {
    assertEquals(Map.of("a", List.of(1, 2.5, "x", true)), Json.parse(" {\"a\" : [1, 2.5, \"x\", true]} "));
    assertEquals(1, Json.parse("1.0"));
    assertEquals(100, Json.parse("1e2"));
    assertEquals("A\uD834", Json.parse("\"\\u0041\\ud834\""));
    for (String bad : new String[] {"", "{", "[1,]", "01", "1.", "\"\\x\"", "tru", "{\"a\" 1}", "\"\\u٠٠٤١\"", "1 2"}) {
      assertThrows(DecodingException.class, () -> Json.parse(bad), bad);
    }
  }

  @Test
  void parseRefusesHostileNesting() {
    String deep = "[".repeat(5000) + "]".repeat(5000);
    assertThrows(DecodingException.class, () -> Json.parse(deep));
  }
}
