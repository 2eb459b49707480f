package org.ensemble.protocol.crdt;

import org.ensemble.protocol.lib0.AnyEncoding;
import org.ensemble.protocol.lib0.IntDiffOptRle;
import org.ensemble.protocol.lib0.Lib0Encoder;
import org.ensemble.protocol.lib0.RleStrings;
import org.ensemble.protocol.lib0.RleUint8;
import org.ensemble.protocol.lib0.UintOptRle;

/**
 * Update format v2: struct fields go into separate run-length-encoded columns, written one after the
 * other (each length-prefixed) before the rest. Mirrored by {@link UpdateDecoderV2}.
 */
final class UpdateEncoderV2 implements UpdateEncoder {
  private Lib0Encoder rest = new Lib0Encoder();
  private int dsCurrVal;
  private int keyClock;
  private final IntDiffOptRle.Encoder keyClockEncoder = new IntDiffOptRle.Encoder();
  private final UintOptRle.Encoder clientEncoder = new UintOptRle.Encoder();
  private final IntDiffOptRle.Encoder leftClockEncoder = new IntDiffOptRle.Encoder();
  private final IntDiffOptRle.Encoder rightClockEncoder = new IntDiffOptRle.Encoder();
  private final RleUint8.Encoder infoEncoder = new RleUint8.Encoder();
  private final RleStrings.Encoder stringEncoder = new RleStrings.Encoder();
  private final RleUint8.Encoder parentInfoEncoder = new RleUint8.Encoder();
  private final UintOptRle.Encoder typeRefEncoder = new UintOptRle.Encoder();
  private final UintOptRle.Encoder lenEncoder = new UintOptRle.Encoder();

  @Override
  public Lib0Encoder rest() {
    return rest;
  }

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
    Lib0Encoder out = new Lib0Encoder(rest.length() + 64);
    out.writeVarUint(0); // feature flag, unused so far
    keyClockEncoder.writeLengthPrefixed(out);
    clientEncoder.writeLengthPrefixed(out);
    leftClockEncoder.writeLengthPrefixed(out);
    rightClockEncoder.writeLengthPrefixed(out);
    infoEncoder.writeLengthPrefixed(out);
    stringEncoder.writeLengthPrefixed(out);
    parentInfoEncoder.writeLengthPrefixed(out);
    typeRefEncoder.writeLengthPrefixed(out);
    lenEncoder.writeLengthPrefixed(out);
    out.writeEncoder(rest); // the rest comes last, without a length prefix
    return out.toByteArray();
  }

  @Override
  public void resetDsCurVal() {
    dsCurrVal = 0;
  }

  @Override
  public void writeDsClock(int clock) {
    int diff = clock - dsCurrVal;
    dsCurrVal = clock;
    rest.writeVarUint(diff);
  }

  @Override
  public void writeDsLen(int len) {
    if (len == 0) {
      throw new IllegalStateException("a delete range of length 0 cannot be written in format v2");
    }
    rest.writeVarUint(len - 1);
    dsCurrVal += len;
  }

  @Override
  public void writeLeftId(ID id) {
    clientEncoder.write(id.client);
    leftClockEncoder.write(id.clock);
  }

  @Override
  public void writeRightId(ID id) {
    clientEncoder.write(id.client);
    rightClockEncoder.write(id.clock);
  }

  @Override
  public void writeClient(long client) {
    clientEncoder.write(client);
  }

  @Override
  public void writeInfo(int info) {
    infoEncoder.write(info);
  }

  @Override
  public void writeString(String s) {
    stringEncoder.write(s);
  }

  @Override
  public void writeParentInfo(boolean isYKey) {
    parentInfoEncoder.write(isYKey ? 1 : 0);
  }

  @Override
  public void writeTypeRef(int ref) {
    typeRefEncoder.write(ref);
  }

  @Override
  public void writeLen(int len) {
    lenEncoder.write(len);
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
    AnyEncoding.writeAny(rest, value);
  }

  @Override
  public void writeKey(String key) {
    // Yjs 13.6 never reuses a key index (its key cache is disabled), so every key is written anew.
    keyClockEncoder.write(keyClock++);
    stringEncoder.write(key);
  }
}
