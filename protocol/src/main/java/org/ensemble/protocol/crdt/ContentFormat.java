package org.ensemble.protocol.crdt;

import java.util.List;

/**
 * A formatting mark in text: from here on, attribute {@code key} has {@code value} (null ends it).
 * It occupies a clock but no position.
 */
final class ContentFormat implements Content {
  final String key;
  final Object value;

  ContentFormat(String key, Object value) {
    this.key = key;
    this.value = value;
  }

  @Override
  public int length() {
    return 1;
  }

  @Override
  public List<Object> getContent() {
    return List.of();
  }

  @Override
  public boolean isCountable() {
    return false;
  }

  @Override
  public Content copy() {
    return new ContentFormat(key, value);
  }

  @Override
  public Content splice(int offset) {
    throw new UnsupportedOperationException("formats have length 1");
  }

  @Override
  public boolean mergeWith(Content right) {
    return false;
  }

  @Override
  public void integrate(Transaction transaction, Item item) {
    // Search markers do not account for formatting, so they are switched off for rich text.
    item.parent.searchMarkers = null;
    item.parent.hasFormatting = true;
  }

  @Override
  public void delete(Transaction transaction) {}

  @Override
  public void gc(StructStore store) {}

  @Override
  public void write(UpdateEncoder encoder, int offset) {
    encoder.writeKey(key);
    encoder.writeJson(value);
  }

  @Override
  public int ref() {
    return WireFormat.CONTENT_FORMAT;
  }

  static ContentFormat read(UpdateDecoder decoder) {
    String key = decoder.readKey();
    return new ContentFormat(key, decoder.readJson());
  }

  @Override
  public String toString() {
    return "Format(" + key + "=" + value + ")";
  }
}
