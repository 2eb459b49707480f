package org.ensemble.protocol.crdt;

import org.ensemble.protocol.lib0.AnyEncoding;
import org.ensemble.protocol.lib0.Json;
import org.ensemble.protocol.lib0.Lib0Decoder;

/** Update format v1; the mirror image of {@link UpdateEncoderV1}. */
final class UpdateDecoderV1 implements UpdateDecoder {
  private final Lib0Decoder rest;

  UpdateDecoderV1(Lib0Decoder rest) {
    this.rest = rest;
  }

  @Override
  public Lib0Decoder rest() {
    return rest;
  }

  @Override
  public void resetDsCurVal() {}

  @Override
  public int readDsClock() {
    return rest.readVarUintAsInt("delete set clock");
  }

  @Override
  public int readDsLen() {
    return rest.readVarUintAsInt("delete set length");
  }

  @Override
  public ID readLeftId() {
    long client = rest.readVarUint();
    return new ID(client, rest.readVarUintAsInt("origin clock"));
  }

  @Override
  public ID readRightId() {
    long client = rest.readVarUint();
    return new ID(client, rest.readVarUintAsInt("right origin clock"));
  }

  @Override
  public long readClient() {
    return rest.readVarUint();
  }

  @Override
  public int readInfo() {
    return rest.readUint8();
  }

  @Override
  public String readString() {
    return rest.readVarString();
  }

  @Override
  public boolean readParentInfo() {
    return rest.readVarUint() == 1;
  }

  @Override
  public int readTypeRef() {
    return rest.readVarUintAsInt("type ref");
  }

  @Override
  public int readLen() {
    return rest.readVarUintAsInt("length");
  }

  @Override
  public Object readAny() {
    return AnyEncoding.readAny(rest);
  }

  @Override
  public byte[] readBuf() {
    return rest.readVarUint8Array();
  }

  @Override
  public Object readJson() {
    return Json.parse(rest.readVarString());
  }

  @Override
  public String readKey() {
    return rest.readVarString();
  }
}
