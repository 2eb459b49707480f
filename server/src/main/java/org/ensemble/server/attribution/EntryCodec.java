package org.ensemble.server.attribution;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ensemble.protocol.crdt.IdRange;
import org.ensemble.protocol.lib0.DecodingException;
import org.ensemble.protocol.lib0.Lib0Decoder;
import org.ensemble.protocol.lib0.Lib0Encoder;

/**
 * The binary form of a {@link LedgerEntry} (lib0 varints and strings): a format byte, the time as the
 * milliseconds since the previous entry's (signed; entries are always read in order), the source, the
 * actor and the display name (empty when it equals the actor), the AI's provenance and action when it
 * is the AI's, then the inserted and the deleted ranges, each as clients → (clock, length) runs. A
 * person's edit that overwrites one field takes about 35 bytes, most of them the two 5-byte client ids.
 */
final class EntryCodec {
  static final int FORMAT = 1;
  private static final AiAction[] ACTIONS = AiAction.values();

  private EntryCodec() {}

  /** @param previousTime the time of the entry before this one (0 for the first) */
  static byte[] encode(LedgerEntry entry, long previousTime) {
    Attributes a = entry.attributes();
    Lib0Encoder out = new Lib0Encoder(32);
    out.writeUint8(FORMAT);
    out.writeVarInt(a.time() - previousTime);
    out.writeUint8(a.source().ordinal());
    out.writeVarString(a.actor());
    out.writeVarString(a.name().equals(a.actor()) ? "" : a.name());
    if (a.source() == Source.AI) {
      AiProvenance p = a.ai();
      out.writeVarString(p.model());
      out.writeVarString(p.modelVersion());
      out.writeVarString(p.params());
      out.writeVarString(p.requestedBy());
      out.writeVarString(p.suggestionId());
      out.writeUint8(a.action().ordinal());
      out.writeVarString(a.decidedBy() == null ? "" : a.decidedBy());
    }
    writeRanges(out, entry.inserted());
    writeRanges(out, entry.deleted());
    return out.toByteArray();
  }

  static LedgerEntry decode(int seq, byte[] bytes, long previousTime) {
    Lib0Decoder in = new Lib0Decoder(bytes);
    int format = in.readUint8();
    if (format != FORMAT) {
      throw in.error("unknown ledger entry format " + format);
    }
    long time = previousTime + in.readVarInt();
    int source = in.readUint8();
    String actor = in.readVarString();
    String name = in.readVarString();
    name = name.isEmpty() ? actor : name;
    Attributes attributes;
    if (source == Source.AI.ordinal()) {
      AiProvenance p = new AiProvenance(in.readVarString(), in.readVarString(), in.readVarString(),
          in.readVarString(), in.readVarString());
      int action = in.readUint8();
      if (action >= ACTIONS.length) {
        throw in.error("unknown AI action " + action);
      }
      String decidedBy = in.readVarString();
      attributes = new Attributes(actor, name, time, Source.AI, p, ACTIONS[action], decidedBy.isEmpty() ? null : decidedBy);
    } else if (source == Source.HUMAN.ordinal()) {
      attributes = new Attributes(actor, name, time, Source.HUMAN, null, null, null);
    } else {
      throw in.error("unknown source " + source);
    }
    return new LedgerEntry(seq, attributes, readRanges(in), readRanges(in));
  }

  private static void writeRanges(Lib0Encoder out, Map<Long, List<IdRange>> ranges) {
    out.writeVarUint(ranges.size());
    for (Map.Entry<Long, List<IdRange>> e : ranges.entrySet()) {
      out.writeVarUint(e.getKey());
      out.writeVarUint(e.getValue().size());
      for (IdRange r : e.getValue()) {
        out.writeVarUint(r.clock());
        out.writeVarUint(r.length());
      }
    }
  }

  private static Map<Long, List<IdRange>> readRanges(Lib0Decoder in) throws DecodingException {
    int clients = in.readVarUintAsInt("clients");
    Map<Long, List<IdRange>> out = new LinkedHashMap<>();
    for (int i = 0; i < clients; i++) {
      long client = in.readVarUint();
      int n = in.readVarUintAsInt("ranges");
      List<IdRange> ranges = new ArrayList<>(Math.min(n, 1024));
      for (int j = 0; j < n; j++) {
        ranges.add(new IdRange(in.readVarUintAsInt("clock"), in.readVarUintAsInt("length")));
      }
      out.put(client, ranges);
    }
    return out;
  }
}
