package org.ensemble.protocol.crdt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.ensemble.protocol.lib0.DecodingException;
import org.ensemble.protocol.lib0.Lib0Encoder;
import org.ensemble.protocol.support.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * Bad input: truncated, mutated and random byte strings, and length prefixes that claim gigabytes.
 * Each must either be a valid update or raise {@link DecodingException} with a reason, leaving the
 * document exactly as it was; no other exception, no OutOfMemoryError, no hang.
 */
class MalformedUpdateFuzzTest {
  private static final int INPUTS = Integer.getInteger("fuzz.inputs", 100_000);

  /** Small real updates (from yjs) to mutate, and the state of a document that received them. */
  private static List<byte[]> corpus() {
    List<byte[]> out = new ArrayList<>();
    for (Fixtures.Scenario s : Fixtures.all()) {
      if (!s.name.equals("large-document")) {
        for (byte[] u : s.updates()) {
          if (u.length < 4096) {
            out.add(u);
          }
        }
      }
    }
    return out;
  }

  private static byte[] mutate(Random rnd, List<byte[]> corpus) {
    byte[] base = corpus.get(rnd.nextInt(corpus.size()));
    switch (rnd.nextInt(6)) {
      case 0: { // truncated
        return java.util.Arrays.copyOf(base, rnd.nextInt(base.length));
      }
      case 1: { // a few bytes changed
        byte[] m = base.clone();
        int flips = 1 + rnd.nextInt(4);
        for (int i = 0; i < flips; i++) {
          m[rnd.nextInt(m.length)] = (byte) rnd.nextInt(256);
        }
        return m;
      }
      case 2: { // a huge varint spliced in: a length prefix that claims gigabytes
        int at = rnd.nextInt(base.length);
        byte[] huge = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) (rnd.nextBoolean() ? 0x0F : 0x7F)};
        byte[] m = new byte[base.length + huge.length];
        System.arraycopy(base, 0, m, 0, at);
        System.arraycopy(huge, 0, m, at, huge.length);
        System.arraycopy(base, at, m, at + huge.length, base.length - at);
        return m;
      }
      case 3: { // bytes inserted or removed
        int at = rnd.nextInt(base.length);
        int len = 1 + rnd.nextInt(8);
        byte[] m;
        if (rnd.nextBoolean()) {
          m = new byte[base.length + len];
          System.arraycopy(base, 0, m, 0, at);
          for (int i = 0; i < len; i++) {
            m[at + i] = (byte) rnd.nextInt(256);
          }
          System.arraycopy(base, at, m, at + len, base.length - at);
        } else {
          len = Math.min(len, base.length - at);
          m = new byte[base.length - len];
          System.arraycopy(base, 0, m, 0, at);
          System.arraycopy(base, at + len, m, at, base.length - at - len);
        }
        return m;
      }
      case 4: { // random bytes
        byte[] m = new byte[rnd.nextInt(64)];
        rnd.nextBytes(m);
        return m;
      }
      default: { // two updates spliced together at random points
        byte[] other = corpus.get(rnd.nextInt(corpus.size()));
        int a = rnd.nextInt(base.length);
        int b = rnd.nextInt(other.length);
        byte[] m = new byte[a + other.length - b];
        System.arraycopy(base, 0, m, 0, a);
        System.arraycopy(other, b, m, a, other.length - b);
        return m;
      }
    }
  }

  @Test
  void malformedUpdatesRaiseDecodingExceptionAndChangeNothing() {
    List<byte[]> corpus = corpus();
    Random rnd = new Random(Long.getLong("fuzz.seed", 20261126L));
    int[] outcome = new int[2]; // [rejected, accepted]
    assertTimeoutPreemptively(Duration.ofMinutes(4), () -> {
      for (int i = 0; i < INPUTS; i++) {
        byte[] input = mutate(rnd, corpus);
        boolean v2 = i % 10 == 9;
        byte[] state = corpus.get(rnd.nextInt(corpus.size()));
        Doc doc = new Doc(DocOptions.defaults().gc(rnd.nextBoolean()));
        doc.setClientId(1);
        doc.applyUpdate(state);
        Object jsonBefore = DifferentialScenario.jsonOf(doc);
        byte[] before = doc.encodeStateAsUpdate();
        try {
          if (v2) {
            doc.applyUpdateV2(input);
          } else {
            doc.applyUpdate(input);
          }
          outcome[1]++;
          doc.encodeStateAsUpdate(); // a document that took an update must still encode and read
          DifferentialScenario.jsonOf(doc);
          doc.getText("t").toDelta();
        } catch (DecodingException e) {
          outcome[0]++;
          if (e.getMessage() == null || e.getMessage().isBlank()) {
            fail("DecodingException without a reason for " + Base64.getEncoder().encodeToString(input));
          }
          assertArrayEquals(before, doc.encodeStateAsUpdate(), () -> "document changed by rejected input "
              + Base64.getEncoder().encodeToString(input) + " (" + e.getMessage() + ")");
          assertEquals(jsonBefore, DifferentialScenario.jsonOf(doc));
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
          throw new AssertionError("input " + i + (v2 ? " (v2) " : " ") + Base64.getEncoder().encodeToString(input)
              + " on state " + Base64.getEncoder().encodeToString(state) + " raised " + e, e);
        }
      }
    });
    // Most mutations break the input; some still form valid updates.
    System.out.println("fuzz: rejected " + outcome[0] + ", accepted " + outcome[1] + " of " + INPUTS);
    assertTrue(outcome[0] > INPUTS / 2, "rejected " + outcome[0] + ", accepted " + outcome[1]);
  }

  @Test
  void documentFreeFunctionsRejectMalformedInputTheSameWay() {
    List<byte[]> corpus = corpus();
    Random rnd = new Random(7);
    byte[] sv = new Doc().encodeStateVector();
    List<Consumer<byte[]>> functions = List.of(
        Updates::encodeStateVectorFromUpdate,
        Updates::parseUpdateMeta,
        Updates::readContents,
        u -> Updates.diffUpdate(u, sv),
        u -> Updates.mergeUpdates(List.of(u, corpus.get(0))),
        Updates::convertUpdateFormatV1ToV2,
        Updates::convertUpdateFormatV2ToV1,
        StateVector::decode);
    assertTimeoutPreemptively(Duration.ofMinutes(2), () -> {
      for (int i = 0; i < 20_000; i++) {
        byte[] input = mutate(rnd, corpus);
        Consumer<byte[]> f = functions.get(i % functions.size());
        try {
          f.accept(input);
        } catch (DecodingException e) {
          assertFalse(e.getMessage().isBlank());
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
          throw new AssertionError("function " + (i % functions.size()) + " on "
              + Base64.getEncoder().encodeToString(input) + " raised " + e, e);
        }
      }
    });
  }

  @Test
  void lengthPrefixClaimingGigabytesIsRefusedWithoutAllocating() {
    Lib0Encoder e = new Lib0Encoder();
    e.writeVarUint(1);          // one client
    e.writeVarUint(3L << 30);   // claims three billion structs
    e.writeVarUint(7);          // client
    e.writeVarUint(0);          // clock
    DecodingException ex = assertThrows(DecodingException.class, () -> new Doc().applyUpdate(e.toByteArray()));
    assertTrue(ex.getMessage().contains("structs"), ex.getMessage());

    Lib0Encoder s = new Lib0Encoder();
    s.writeVarUint(1);
    s.writeVarUint(1);
    s.writeVarUint(9);
    s.writeVarUint(0);
    s.writeUint8(WireFormat.CONTENT_STRING | WireFormat.HAS_ORIGIN);
    s.writeVarUint(9);
    s.writeVarUint(0);
    s.writeVarUint(1L << 40);   // a string of a terabyte
    DecodingException ex2 = assertThrows(DecodingException.class, () -> new Doc().applyUpdate(s.toByteArray()));
    assertTrue(ex2.getMessage().contains("string"), ex2.getMessage());
  }
}
