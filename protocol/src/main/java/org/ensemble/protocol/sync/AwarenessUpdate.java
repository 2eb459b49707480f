package org.ensemble.protocol.sync;

import java.util.ArrayList;
import java.util.List;
import org.ensemble.protocol.lib0.DecodingException;
import org.ensemble.protocol.lib0.Json;
import org.ensemble.protocol.lib0.Lib0Decoder;
import org.ensemble.protocol.lib0.Lib0Encoder;

/**
 * An awareness update, decoded: for each client its id, its awareness clock and its state as a JSON
 * value ({@code null} meaning "gone"). On the wire it is
 * {@code varUint count, count × (varUint clientId, varUint clock, varString JSON.stringify(state))}.
 *
 * <p>{@link #decode} reads the whole update before anyone acts on it, so that {@link Awareness} applies
 * all of it or nothing. It is stricter than y-protocols: trailing bytes, malformed UTF-8 and malformed
 * JSON all raise {@link DecodingException}. {@link #encode} writes the JSON text with
 * {@link Json#stringify}, so the bytes equal those of y-protocols for the same states.
 */
public record AwarenessUpdate(List<Entry> entries) {
  /** The smallest encoded entry: a one-byte client id, a one-byte clock and a one-byte length. */
  private static final int MIN_ENTRY_BYTES = 3;

  public AwarenessUpdate {
    entries = List.copyOf(entries);
  }

  /**
   * One client's entry.
   *
   * @param state a JSON value in the lib0 model (Map, List, String, Number, Boolean) or {@code null}
   */
  public record Entry(long clientId, long clock, Object state) {
    public Entry {
      if (clientId < 0 || clientId > Lib0Decoder.MAX_SAFE_INTEGER) {
        throw new IllegalArgumentException("client id out of range: " + clientId);
      }
      if (clock < 0 || clock > Lib0Decoder.MAX_SAFE_INTEGER) {
        throw new IllegalArgumentException("awareness clock out of range: " + clock);
      }
    }
  }

  /** Writes the update as y-protocols' {@code encodeAwarenessUpdate} does. */
  public byte[] encode() {
    Lib0Encoder encoder = new Lib0Encoder();
    encoder.writeVarUint(entries.size());
    for (Entry entry : entries) {
      encoder.writeVarUint(entry.clientId());
      encoder.writeVarUint(entry.clock());
      encoder.writeVarString(Json.stringify(entry.state()));
    }
    return encoder.toByteArray();
  }

  /** Reads a whole awareness update; any defect raises {@link DecodingException} with the reason. */
  public static AwarenessUpdate decode(byte[] update) {
    Lib0Decoder decoder = new Lib0Decoder(update);
    long count = decoder.readVarUint();
    if (count > decoder.remaining() / MIN_ENTRY_BYTES) {
      throw decoder.error("awareness update claims " + count + " clients, only " + decoder.remaining() + " bytes left");
    }
    List<Entry> entries = new ArrayList<>((int) count);
    for (long i = 0; i < count; i++) {
      long clientId = decoder.readVarUint();
      long clock = decoder.readVarUint();
      int at = decoder.position();
      String json = decoder.readVarString();
      Object state;
      try {
        state = Json.parse(json);
      } catch (DecodingException e) {
        throw new DecodingException("awareness state of client " + clientId + " (string at byte " + at + "): "
            + e.getMessage(), e);
      }
      entries.add(new Entry(clientId, clock, state));
    }
    if (decoder.hasContent()) {
      throw decoder.error(decoder.remaining() + " unexpected bytes after the awareness update");
    }
    return new AwarenessUpdate(entries);
  }
}
