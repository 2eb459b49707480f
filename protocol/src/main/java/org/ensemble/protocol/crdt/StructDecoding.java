package org.ensemble.protocol.crdt;

import org.ensemble.protocol.lib0.Lib0Decoder;

/**
 * Reads one struct of an update, checking what Yjs takes on trust: lengths are positive, clocks fit,
 * and references to the same client point backwards. Shared by the document reader and the
 * document-free functions, so both refuse the same malformed input.
 */
final class StructDecoding {
  /** More structs than this in one client section of a v2 update is taken as hostile. */
  static final long MAX_STRUCTS_V2 = 10_000_000;

  private StructDecoding() {}

  /** Reads the struct count of a client section, bounded by what the input can hold. */
  static int readStructCount(UpdateDecoder decoder, boolean v2) {
    Lib0Decoder rest = decoder.rest();
    long n = rest.readVarUint();
    // In v1 every struct takes at least one byte; v2 can repeat column values for ever.
    long bound = v2 ? MAX_STRUCTS_V2 : rest.remaining();
    if (n > bound) {
      throw rest.error("update claims " + n + " structs, more than the input can hold");
    }
    return (int) n;
  }

  static AbstractStruct read(UpdateDecoder decoder, long client, int clock) {
    Lib0Decoder rest = decoder.rest();
    int info = decoder.readInfo();
    AbstractStruct struct;
    switch (info & WireFormat.CONTENT_REF_MASK) {
      case WireFormat.GC:
        struct = new GC(new ID(client, clock), decoder.readLen());
        break;
      case WireFormat.SKIP:
        struct = new Skip(new ID(client, clock), rest.readVarUintAsInt("skip length"));
        break;
      default: {
        boolean cantCopyParentInfo = (info & (WireFormat.HAS_ORIGIN | WireFormat.HAS_RIGHT_ORIGIN)) == 0;
        ID origin = (info & WireFormat.HAS_ORIGIN) != 0 ? decoder.readLeftId() : null;
        ID rightOrigin = (info & WireFormat.HAS_RIGHT_ORIGIN) != 0 ? decoder.readRightId() : null;
        Object parentRef = null;
        if (cantCopyParentInfo) {
          parentRef = decoder.readParentInfo() ? decoder.readString() : decoder.readLeftId();
        }
        String parentSub = cantCopyParentInfo && (info & WireFormat.HAS_PARENT_SUB) != 0 ? decoder.readString() : null;
        Content content = Content.read(decoder, info);
        checkBackwards(rest, client, clock, origin, "origin");
        checkBackwards(rest, client, clock, rightOrigin, "right origin");
        if (parentRef instanceof ID) {
          checkBackwards(rest, client, clock, (ID) parentRef, "parent");
        }
        struct = new Item(new ID(client, clock), null, origin, null, rightOrigin, null, parentRef, parentSub, content);
      }
    }
    if (struct.length <= 0) {
      throw rest.error("struct " + client + ":" + clock + " has length " + struct.length);
    }
    if ((long) clock + struct.length > Integer.MAX_VALUE) {
      throw rest.error("clock out of range: " + client + ":" + clock + "+" + struct.length);
    }
    return struct;
  }

  /** A struct can only refer to earlier clocks of its own client. */
  private static void checkBackwards(Lib0Decoder rest, long client, int clock, ID ref, String what) {
    if (ref != null && ref.client == client && ref.clock >= clock) {
      throw rest.error("struct " + client + ":" + clock + " refers forward to its own " + what + " " + ref);
    }
  }
}
