package org.ensemble.protocol.crdt;

import org.ensemble.protocol.lib0.Lib0Encoder;

/** Writes delete sets: v1 writes clocks and lengths as they are, v2 as differences. */
interface DSEncoder {
  /** The encoder for everything not held in a separate column (all of v1). */
  Lib0Encoder rest();

  void resetDsCurVal();

  void writeDsClock(int clock);

  void writeDsLen(int len);

  byte[] toByteArray();
}
