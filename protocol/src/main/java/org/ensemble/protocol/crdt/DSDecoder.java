package org.ensemble.protocol.crdt;

import org.ensemble.protocol.lib0.Lib0Decoder;

/** Reads delete sets; the mirror image of {@link DSEncoder}. */
interface DSDecoder {
  Lib0Decoder rest();

  void resetDsCurVal();

  int readDsClock();

  int readDsLen();
}
