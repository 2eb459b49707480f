package org.ensemble.protocol.crdt;

import java.util.ArrayList;
import java.util.List;
import org.ensemble.protocol.lib0.Lib0Encoder;

/**
 * Writes structs one at a time, grouping consecutive structs of a client into one section; the
 * number of sections is only known at the end, so each section's rest bytes are kept until then.
 */
final class LazyStructWriter {
  private final UpdateEncoder encoder;
  private long currClient;
  private int written;
  private final List<Integer> sectionCounts = new ArrayList<>();
  private final List<Lib0Encoder> sectionBytes = new ArrayList<>();

  LazyStructWriter(UpdateEncoder encoder) {
    this.encoder = encoder;
  }

  private Lib0Encoder swapRest() {
    return encoder instanceof UpdateEncoderV1 ? ((UpdateEncoderV1) encoder).replaceRest()
        : ((UpdateEncoderV2) encoder).replaceRest();
  }

  private void setRest(Lib0Encoder rest) {
    if (encoder instanceof UpdateEncoderV1) {
      ((UpdateEncoderV1) encoder).setRest(rest);
    } else {
      ((UpdateEncoderV2) encoder).setRest(rest);
    }
  }

  private void flush() {
    if (written > 0) {
      sectionCounts.add(written);
      sectionBytes.add(swapRest());
      written = 0;
    }
  }

  void write(AbstractStruct struct, int offset) {
    if (written > 0 && currClient != struct.id.client) {
      flush();
    }
    if (written == 0) {
      currClient = struct.id.client;
      encoder.writeClient(struct.id.client);
      encoder.rest().writeVarUint(struct.id.clock + offset);
    }
    struct.write(encoder, offset);
    written++;
  }

  /** Writes the section count and the sections into the encoder's rest. */
  void finish() {
    flush();
    Lib0Encoder rest = new Lib0Encoder();
    rest.writeVarUint(sectionCounts.size());
    for (int i = 0; i < sectionCounts.size(); i++) {
      rest.writeVarUint(sectionCounts.get(i));
      rest.writeEncoder(sectionBytes.get(i));
    }
    setRest(rest);
  }
}
