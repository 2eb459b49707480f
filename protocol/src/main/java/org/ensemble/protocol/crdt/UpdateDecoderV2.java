package org.ensemble.protocol.crdt;

import java.util.ArrayList;
import java.util.List;
import org.ensemble.protocol.lib0.AnyEncoding;
import org.ensemble.protocol.lib0.IntDiffOptRle;
import org.ensemble.protocol.lib0.Lib0Decoder;
import org.ensemble.protocol.lib0.RleStrings;
import org.ensemble.protocol.lib0.RleUint8;
import org.ensemble.protocol.lib0.UintOptRle;

/** Update format v2; the mirror image of {@link UpdateEncoderV2}. */
final class UpdateDecoderV2 implements UpdateDecoder {
  private final Lib0Decoder rest;
  private int dsCurrVal;
  private final List<String> keys = new ArrayList<>();
  private final IntDiffOptRle.Decoder keyClockDecoder;
  private final UintOptRle.Decoder clientDecoder;
  private final IntDiffOptRle.Decoder leftClockDecoder;
  private final IntDiffOptRle.Decoder rightClockDecoder;
  private final RleUint8.Decoder infoDecoder;
  private final RleStrings.Decoder stringDecoder;
  private final RleUint8.Decoder parentInfoDecoder;
  private final UintOptRle.Decoder typeRefDecoder;
  private final UintOptRle.Decoder lenDecoder;

  UpdateDecoderV2(Lib0Decoder decoder) {
    decoder.readVarUint(); // feature flag, unused so far
    keyClockDecoder = new IntDiffOptRle.Decoder(decoder.readVarSlice());
    clientDecoder = new UintOptRle.Decoder(decoder.readVarSlice());
    leftClockDecoder = new IntDiffOptRle.Decoder(decoder.readVarSlice());
    rightClockDecoder = new IntDiffOptRle.Decoder(decoder.readVarSlice());
    infoDecoder = new RleUint8.Decoder(decoder.readVarSlice());
    stringDecoder = new RleStrings.Decoder(decoder.readVarSlice());
    parentInfoDecoder = new RleUint8.Decoder(decoder.readVarSlice());
    typeRefDecoder = new UintOptRle.Decoder(decoder.readVarSlice());
    lenDecoder = new UintOptRle.Decoder(decoder.readVarSlice());
    rest = decoder;
  }

  @Override
  public Lib0Decoder rest() {
    return rest;
  }

  @Override
  public void resetDsCurVal() {
    dsCurrVal = 0;
  }

  @Override
  public int readDsClock() {
    long v = dsCurrVal + rest.readVarUint();
    if (v > Integer.MAX_VALUE) {
      throw rest.error("delete set clock out of range: " + v);
    }
    dsCurrVal = (int) v;
    return dsCurrVal;
  }

  @Override
  public int readDsLen() {
    long diff = rest.readVarUint() + 1;
    if (dsCurrVal + diff > Integer.MAX_VALUE) {
      throw rest.error("delete set length out of range: " + diff);
    }
    dsCurrVal += (int) diff;
    return (int) diff;
  }

  @Override
  public ID readLeftId() {
    long client = clientDecoder.read();
    return new ID(client, leftClockDecoder.readInt("origin clock"));
  }

  @Override
  public ID readRightId() {
    long client = clientDecoder.read();
    return new ID(client, rightClockDecoder.readInt("right origin clock"));
  }

  @Override
  public long readClient() {
    return clientDecoder.read();
  }

  @Override
  public int readInfo() {
    return infoDecoder.read();
  }

  @Override
  public String readString() {
    return stringDecoder.read();
  }

  @Override
  public boolean readParentInfo() {
    return parentInfoDecoder.read() == 1;
  }

  @Override
  public int readTypeRef() {
    return typeRefDecoder.readInt("type ref");
  }

  @Override
  public int readLen() {
    return lenDecoder.readInt("length");
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
    return AnyEncoding.readAny(rest);
  }

  @Override
  public String readKey() {
    int keyClock = keyClockDecoder.readInt("key index");
    if (keyClock < keys.size()) {
      return keys.get(keyClock);
    }
    String key = stringDecoder.read();
    keys.add(key);
    return key;
  }
}
