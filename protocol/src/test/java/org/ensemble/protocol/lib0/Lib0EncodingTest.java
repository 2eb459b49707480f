package org.ensemble.protocol.lib0;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** lib0's primitives, checked against byte layouts that lib0 itself produces. */
class Lib0EncodingTest {

  private static byte[] bytes(int... values) {
    byte[] out = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (byte) values[i];
    }
    return out;
  }

  private static byte[] varUint(long v) {
    Lib0Encoder e = new Lib0Encoder();
    e.writeVarUint(v);
    return e.toByteArray();
  }

  private static byte[] varInt(long v) {
    Lib0Encoder e = new Lib0Encoder();
    e.writeVarInt(v);
    return e.toByteArray();
  }

  private static byte[] any(Object v) {
    Lib0Encoder e = new Lib0Encoder();
    AnyEncoding.writeAny(e, v);
    return e.toByteArray();
  }

  @Test
  void varUintUsesSevenBitsPerByteLowestFirst() {
    assertArrayEquals(bytes(0), varUint(0));
    assertArrayEquals(bytes(127), varUint(127));
    assertArrayEquals(bytes(0x80, 0x01), varUint(128));
    assertArrayEquals(bytes(0xAC, 0x02), varUint(300));
    assertArrayEquals(bytes(0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F), varUint((1L << 53) - 1));
  }

  @Test
  void varIntCarriesSignInTheFirstByteAndKeepsNegativeZero() {
    assertArrayEquals(bytes(0x00), varInt(0));
    assertArrayEquals(bytes(0x41), varInt(-1));
    assertArrayEquals(bytes(0x3F), varInt(63));
    assertArrayEquals(bytes(0x80, 0x01), varInt(64));
    assertArrayEquals(bytes(0xC0, 0x01), varInt(-64));
    Lib0Encoder e = new Lib0Encoder();
    e.writeVarInt(0, true);
    assertArrayEquals(bytes(0x40), e.toByteArray());
    Lib0Decoder d = new Lib0Decoder(bytes(0x40));
    assertEquals(0, d.readVarInt());
    assertTrue(d.lastVarIntWasNegative());
  }

  @Test
  void varintsRoundTripOverTheWholeSafeRange() {
    Random rnd = new Random(1);
    for (int i = 0; i < 10_000; i++) {
      long v = rnd.nextLong() >>> (11 + rnd.nextInt(53));
      assertEquals(v, new Lib0Decoder(varUint(v)).readVarUint());
      long s = rnd.nextBoolean() ? -v : v;
      assertEquals(s, new Lib0Decoder(varInt(s)).readVarInt());
    }
  }

  @Test
  void varintsBeyondTwoToTheFiftyThreeAreRefused() {
    DecodingException e = assertThrows(DecodingException.class,
        () -> new Lib0Decoder(bytes(0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01)).readVarUint());
    assertTrue(e.getMessage().contains("2^53"), e.getMessage());
    assertThrows(DecodingException.class, () -> new Lib0Decoder(bytes(0x80, 0x80)).readVarUint());
  }

  @Test
  void stringsAreUtf8WithLoneSurrogatesAsReplacementCharacter() {
    Lib0Encoder e = new Lib0Encoder();
    e.writeVarString("a\uD834");
    assertArrayEquals(bytes(4, 'a', 0xEF, 0xBF, 0xBD), e.toByteArray());
    Lib0Encoder pair = new Lib0Encoder();
    pair.writeVarString("\uD834\uDD1E");
    assertArrayEquals(bytes(4, 0xF0, 0x9D, 0x84, 0x9E), pair.toByteArray());
    assertEquals("\uD834\uDD1E", new Lib0Decoder(pair.toByteArray()).readVarString());
  }

  @Test
  void malformedUtf8IsRefusedNotReplaced() {
    DecodingException e = assertThrows(DecodingException.class, () -> new Lib0Decoder(bytes(2, 0xC3, 0x28)).readVarString());
    assertTrue(e.getMessage().contains("UTF-8"));
    // an encoded surrogate (CESU-8) is malformed too
    assertThrows(DecodingException.class, () -> new Lib0Decoder(bytes(3, 0xED, 0xA0, 0x80)).readVarString());
  }

  @Test
  void aStringLongerThanTheInputIsRefusedBeforeAllocating() {
    DecodingException e = assertThrows(DecodingException.class,
        () -> new Lib0Decoder(bytes(0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 'a')).readVarString());
    assertTrue(e.getMessage().contains("unexpected end of buffer"), e.getMessage());
  }

  @Test
  void anyWritesNumbersByValueAsJavaScriptDoes() {
    assertArrayEquals(bytes(125, 5), any(5));
    assertArrayEquals(bytes(125, 5), any(5.0));
    assertArrayEquals(bytes(125, 0x40), any(-0.0));
    assertArrayEquals(bytes(124, 0x3F, 0xC0, 0x00, 0x00), any(1.5)); // exact in float32
    assertArrayEquals(bytes(124, 0x53, 0x80, 0x00, 0x00), any(1L << 40)); // integer, but not 31-bit
    assertArrayEquals(bytes(124, 0x7F, 0x80, 0x00, 0x00), any(Double.POSITIVE_INFINITY));
    assertEquals(123, any(0.1)[0] & 0xFF);
    assertEquals(123, any(Double.NaN)[0] & 0xFF);
    assertArrayEquals(bytes(122, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF), any(BigInteger.valueOf(-1)));
  }

  @Test
  void anyWritesObjectKeysInJavaScriptOrder() {
    Map<String, Object> obj = new LinkedHashMap<>();
    obj.put("b", 1);
    obj.put("10", 2);
    obj.put("2", 3);
    obj.put("a", 4);
    byte[] encoded = any(obj);
    assertArrayEquals(bytes(118, 4, 1, '2', 125, 3, 2, '1', '0', 125, 2, 1, 'b', 125, 1, 1, 'a', 125, 4), encoded);
  }

  @Test
  void anyRoundTripsEveryType() {
    Map<String, Object> obj = new LinkedHashMap<>();
    obj.put("s", "text");
    obj.put("n", null);
    obj.put("u", Undefined.VALUE);
    obj.put("t", true);
    obj.put("f", false);
    obj.put("i", -42);
    obj.put("l", 1L << 45);
    obj.put("d", 0.1);
    obj.put("big", BigInteger.valueOf(Long.MIN_VALUE));
    obj.put("arr", new ArrayList<>(List.of(1, "x")));
    Object back = AnyEncoding.readAny(new Lib0Decoder(any(obj)));
    @SuppressWarnings("unchecked")
    Map<String, Object> m = (Map<String, Object>) back;
    assertEquals("text", m.get("s"));
    assertEquals(Undefined.VALUE, m.get("u"));
    assertEquals(-42, m.get("i"));
    assertEquals(1L << 45, ((Number) m.get("l")).longValue());
    assertEquals(0.1, m.get("d"));
    assertEquals(BigInteger.valueOf(Long.MIN_VALUE), m.get("big"));
    assertEquals(List.of(1, "x"), m.get("arr"));
    byte[] bin = {1, 2, 3};
    assertArrayEquals(bin, (byte[]) AnyEncoding.readAny(new Lib0Decoder(any(bin))));
  }

  @Test
  void deeplyNestedAnyIsRefusedInsteadOfOverflowingTheStack() {
    byte[] nested = new byte[100_000];
    for (int i = 0; i < nested.length; i += 2) {
      nested[i] = (byte) AnyEncoding.ARRAY;
      nested[i + 1] = 1;
    }
    DecodingException e = assertThrows(DecodingException.class, () -> AnyEncoding.readAny(new Lib0Decoder(nested)));
    assertTrue(e.getMessage().contains("nested"), e.getMessage());
  }

  @Test
  void unknownAnyTypeIsNamed() {
    DecodingException e = assertThrows(DecodingException.class, () -> AnyEncoding.readAny(new Lib0Decoder(bytes(3))));
    assertTrue(e.getMessage().contains("unknown type 3"), e.getMessage());
  }

  @Test
  void runLengthCodecsRoundTripAndWriteRunsOfZeroAsNegativeZero() {
    UintOptRle.Encoder u = new UintOptRle.Encoder();
    long[] values = {0, 0, 0, 5, 7, 7, 1_000_000, 0};
    for (long v : values) {
      u.write(v);
    }
    byte[] encoded = u.toByteArray();
    assertEquals(0x40, encoded[0] & 0xFF); // three zeros: -0, then count - 2
    UintOptRle.Decoder ud = new UintOptRle.Decoder(new Lib0Decoder(encoded));
    for (long v : values) {
      assertEquals(v, ud.read());
    }
    IntDiffOptRle.Encoder d = new IntDiffOptRle.Encoder();
    long[] diffs = {3, 4, 5, 6, 2, -7, -7, 100};
    for (long v : diffs) {
      d.write(v);
    }
    IntDiffOptRle.Decoder dd = new IntDiffOptRle.Decoder(new Lib0Decoder(d.toByteArray()));
    for (long v : diffs) {
      assertEquals(v, dd.read());
    }
    RleStrings.Encoder s = new RleStrings.Encoder();
    List<String> strings = Arrays.asList("ab", "", "🎵", "x", "x");
    strings.forEach(s::write);
    RleStrings.Decoder sd = new RleStrings.Decoder(new Lib0Decoder(s.toByteArray()));
    for (String expected : strings) {
      assertEquals(expected, sd.read());
    }
  }
}
