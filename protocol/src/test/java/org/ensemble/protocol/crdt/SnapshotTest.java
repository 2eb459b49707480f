package org.ensemble.protocol.crdt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import org.ensemble.protocol.lib0.DecodingException;
import org.junit.jupiter.api.Test;

class SnapshotTest {
  /*
   * Made by yjs 13.6.33:
   *   const a = new Y.Doc(); a.clientID = 7; const b = new Y.Doc(); b.clientID = 300
   *   a.getArray('notes').insert(0, [1, 2, 3, 4, 5]); Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
   *   b.getArray('notes').delete(1, 2); b.getArray('notes').insert(0, ['x']); Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
   *   a.getMap('meta').set('title', 'T'); a.getArray('notes').delete(0, 1)
   *   hex(Y.encodeStateAsUpdate(a)); hex(Y.encodeSnapshot(Y.snapshot(a)))
   */
  private static final String UPDATE = "0201ac0200410700010407000801056e6f746573017d0181070002880702027d047d052801046d6574610574"
      + "69746c650177015402ac0201000107010102";
  private static final String SNAPSHOT = "02ac020100010701010202ac02010706";

  @Test
  void encodesAsYjsEncodeSnapshotDoes() {
    Doc doc = new Doc();
    doc.applyUpdate(HexFormat.of().parseHex(UPDATE));
    assertEquals(SNAPSHOT, HexFormat.of().formatHex(Snapshot.of(doc).encode()));
  }

  @Test
  void decodesYjsSnapshotAndReencodesItByteForByte() {
    byte[] yjs = HexFormat.of().parseHex(SNAPSHOT);
    Snapshot s = Snapshot.decode(yjs);
    assertArrayEquals(yjs, s.encode());
    assertEquals(6, s.stateVector().get(7), "five numbers and the title");
    assertTrue(s.visible(new ID(7, 0)));
    assertFalse(s.visible(new ID(7, 1)), "deleted by client 300");
    assertFalse(s.visible(new ID(300, 0)), "the 'x' deleted by client 7");
    assertTrue(s.inserted(new ID(7, 5)));
    assertFalse(s.inserted(new ID(7, 6)));
  }

  @Test
  void aSnapshotTakenEarlierStillSeesWhatWasDeletedLater() {
    Doc doc = new Doc(DocOptions.defaults().gc(false));
    doc.getArray("a").insert(0, java.util.List.of("one", "two"));
    Snapshot before = Snapshot.of(doc);
    doc.getArray("a").delete(0, 1);
    doc.getArray("a").insert(1, java.util.List.of("three"));
    Snapshot after = Snapshot.of(doc);
    ID one = Provenance.listElements(doc.getArray("a")).get(0).id();
    assertTrue(before.visible(one));
    assertFalse(after.visible(one));
    assertTrue(after.covers(before));
    assertFalse(before.covers(after));
    assertEquals(after, Snapshot.decode(after.encode()));
  }

  @Test
  void refusesTrailingBytesAndTruncation() {
    byte[] yjs = HexFormat.of().parseHex(SNAPSHOT + "00");
    assertThrows(DecodingException.class, () -> Snapshot.decode(yjs));
    assertThrows(DecodingException.class, () -> Snapshot.decode(HexFormat.of().parseHex("02ac02")));
  }
}
