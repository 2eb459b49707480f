package org.ensemble.server.attribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.ensemble.protocol.crdt.Doc;
import org.ensemble.protocol.crdt.IdRange;
import org.ensemble.protocol.lib0.DecodingException;
import org.ensemble.server.sync.ServerClientIds;
import org.junit.jupiter.api.Test;

class EntryCodecTest {
  private static final Map<Long, List<IdRange>> INSERTED = Map.of(3_000_000_000L, List.of(new IdRange(12, 6)));
  private static final Map<Long, List<IdRange>> DELETED = Map.of(17L, List.of(new IdRange(0, 1), new IdRange(5, 2)));

  @Test
  void aPersonsEntryRoundTripsInAFewBytes() {
    LedgerEntry e = new LedgerEntry(4, Attributes.human("alice", "alice", 1_764_150_000_000L), INSERTED, DELETED);
    byte[] bytes = EntryCodec.encode(e, 1_764_149_999_000L);
    assertEquals(e, EntryCodec.decode(4, bytes, 1_764_149_999_000L));
    assertTrue(bytes.length <= 28, bytes.length + " bytes");
  }

  @Test
  void theAisEntryKeepsItsProvenanceAndDecision() {
    AiProvenance p = new AiProvenance("chorale-1", "3", "{\"temperature\":1.1}", "bob", "s9");
    LedgerEntry e = new LedgerEntry(0, Attributes.ai(p, AiAction.ACCEPT_IN_PART, "carol", 5L), INSERTED, Map.of());
    LedgerEntry back = EntryCodec.decode(0, EntryCodec.encode(e, 9L), 9L);
    assertEquals(e, back);
    assertEquals("carol", back.attributes().acceptedBy());
  }

  @Test
  void aDamagedEntryIsADecodingError() {
    byte[] bytes = EntryCodec.encode(new LedgerEntry(0, Attributes.human("a", "a", 1), INSERTED, DELETED), 0);
    assertThrows(DecodingException.class, () -> EntryCodec.decode(0, java.util.Arrays.copyOf(bytes, bytes.length - 3), 0));
    bytes[0] = 9;
    assertThrows(DecodingException.class, () -> EntryCodec.decode(0, bytes, 0));
  }

  @Test
  void theLedgerLogIsAYjsArrayOfEntries() {
    Doc doc = new Doc();
    for (int i = 0; i < 3; i++) {
      doc.applyUpdate(LedgerLog.entryUpdate(i, new byte[] {(byte) i, 42}));
    }
    assertEquals(3, doc.getArray(LedgerLog.ROOT).length());
    assertEquals(3, doc.stateVector().get(ServerClientIds.LEDGER));
    assertEquals(42, ((byte[]) doc.getArray(LedgerLog.ROOT).get(2))[1]);
  }
}
