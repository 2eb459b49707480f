package org.ensemble.protocol.crdt;

import java.util.Collections;
import java.util.List;

/** One byte array ({@code Uint8Array}) as a single element. */
final class ContentBinary implements Content {
  private final byte[] content;

  ContentBinary(byte[] content) {
    this.content = content;
  }

  @Override
  public int length() {
    return 1;
  }

  @Override
  public List<Object> getContent() {
    return Collections.singletonList(content);
  }

  @Override
  public boolean isCountable() {
    return true;
  }

  @Override
  public Content copy() {
    return new ContentBinary(content);
  }

  @Override
  public Content splice(int offset) {
    throw new UnsupportedOperationException("binary content has length 1");
  }

  @Override
  public boolean mergeWith(Content right) {
    return false;
  }

  @Override
  public void integrate(Transaction transaction, Item item) {}

  @Override
  public void delete(Transaction transaction) {}

  @Override
  public void gc(StructStore store) {}

  @Override
  public void write(UpdateEncoder encoder, int offset) {
    encoder.writeBuf(content);
  }

  @Override
  public int ref() {
    return WireFormat.CONTENT_BINARY;
  }

  static ContentBinary read(UpdateDecoder decoder) {
    return new ContentBinary(decoder.readBuf());
  }

  @Override
  public String toString() {
    return "Binary(" + content.length + " bytes)";
  }
}
