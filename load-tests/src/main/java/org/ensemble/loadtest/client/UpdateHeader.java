package org.ensemble.loadtest.client;

import org.ensemble.protocol.lib0.Lib0Decoder;

/**
 * The first struct's client id and clock of a v1 update, read from its first bytes without decoding
 * the rest (update v1: number of clients, then per client the number of structs, the client id and the
 * first clock). A load edit is one transaction of one client, so these two numbers name it.
 */
public record UpdateHeader(long client, long clock) {
  /** The header, or null for an update without structs (deletions only) or one too short to read. */
  public static UpdateHeader read(byte[] update) {
    Lib0Decoder decoder = new Lib0Decoder(update);
    try {
      if (decoder.readVarUint() == 0) {
        return null;
      }
      decoder.readVarUint(); // structs of the first client
      long client = decoder.readVarUint();
      return new UpdateHeader(client, decoder.readVarUint());
    } catch (RuntimeException e) {
      return null;
    }
  }
}
