package org.ensemble.protocol.crdt;

import org.ensemble.protocol.lib0.AnyEncoding;
import org.ensemble.protocol.lib0.Json;
import org.ensemble.protocol.lib0.Lib0Encoder;

/** Update format v1: every field written in place with lib0 primitives. */
final class UpdateEncoderV1 implements UpdateEncoder {
  private Lib0Encoder rest = new Lib0Encoder();

  @Override
  public Lib0Encoder rest() {
    return rest;
  }

  /** Swaps in a fresh rest encoder, returning the old one (used when writing clients lazily). */
  Lib0Encoder replaceRest() {
    Lib0Encoder old = rest;
    rest = new Lib0Encoder();
    return old;
  }

  void setRest(Lib0Encoder encoder) {
    rest = encoder;
  }

  @Override
  public byte[] toByteArray() {
    return rest.toByteArray();
  }

  @Override
  public void resetDsCurVal() {}

  @Override
  public void writeDsClock(int clock) {
    rest.writeVarUint(clock);
  }

  @Override
  public void writeDsLen(int len) {
    rest.writeVarUint(len);
  }

  @Override
  public void writeLeftId(ID id) {
    rest.writeVarUint(id.client);
    rest.writeVarUint(id.clock);
  }

  @Override
  public void writeRightId(ID id) {
    rest.writeVarUint(id.client);
    rest.writeVarUint(id.clock);
  }

  @Override
  public void writeClient(long client) {
    rest.writeVarUint(client);
  }

  @Override
  public void writeInfo(int info) {
    rest.writeUint8(info);
  }

  @Override
  public void writeString(String s) {
    rest.writeVarString(s);
  }

  @Override
  public void writeParentInfo(boolean isYKey) {
    rest.writeVarUint(isYKey ? 1 : 0);
  }

  @Override
  public void writeTypeRef(int ref) {
    rest.writeVarUint(ref);
  }

  @Override
  public void writeLen(int len) {
    rest.writeVarUint(len);
  }

  @Override
  public void writeAny(Object any) {
    AnyEncoding.writeAny(rest, any);
  }

  @Override
  public void writeBuf(byte[] buf) {
    rest.writeVarUint8Array(buf);
  }

  @Override
  public void writeJson(Object value) {
    rest.writeVarString(Json.stringify(value));
  }

  @Override
  public void writeKey(String key) {
    rest.writeVarString(key);
  }
}
