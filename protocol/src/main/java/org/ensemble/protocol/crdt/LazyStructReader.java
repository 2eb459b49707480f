package org.ensemble.protocol.crdt;

/**
 * Reads the structs of an update one at a time, without a document (Yjs's lazy struct reader).
 * Items keep their parent as decoded: a root name or the id of the parent's item.
 */
final class LazyStructReader {
  private final UpdateDecoder decoder;
  private final boolean v2;
  private final boolean filterSkips;
  private long clientsLeft;
  private int structsLeft;
  private long client;
  private int clock;
  AbstractStruct curr;

  LazyStructReader(UpdateDecoder decoder, boolean v2, boolean filterSkips) {
    this.decoder = decoder;
    this.v2 = v2;
    this.filterSkips = filterSkips;
    this.clientsLeft = decoder.rest().readVarUint();
    if (clientsLeft > decoder.rest().remaining()) {
      throw decoder.rest().error("update claims " + clientsLeft + " clients, only " + decoder.rest().remaining() + " bytes left");
    }
    next();
  }

  AbstractStruct next() {
    do {
      curr = readOne();
    } while (filterSkips && curr instanceof Skip);
    return curr;
  }

  private AbstractStruct readOne() {
    while (structsLeft == 0) {
      if (clientsLeft == 0) {
        return null;
      }
      clientsLeft--;
      structsLeft = StructDecoding.readStructCount(decoder, v2);
      client = decoder.readClient();
      clock = decoder.rest().readVarUintAsInt("clock");
    }
    structsLeft--;
    AbstractStruct struct = StructDecoding.read(decoder, client, clock);
    clock += struct.length;
    return struct;
  }
}
