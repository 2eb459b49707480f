package org.ensemble.protocol.crdt;

import java.util.Collections;
import java.util.List;

/** An embedded value in text (an image, a formula): one position, any JSON value. */
final class ContentEmbed implements Content {
  final Object embed;

  ContentEmbed(Object embed) {
    this.embed = embed;
  }

  @Override
  public int length() {
    return 1;
  }

  @Override
  public List<Object> getContent() {
    return Collections.singletonList(embed);
  }

  @Override
  public boolean isCountable() {
    return true;
  }

  @Override
  public Content copy() {
    return new ContentEmbed(embed);
  }

  @Override
  public Content splice(int offset) {
    throw new UnsupportedOperationException("embeds have length 1");
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
    encoder.writeJson(embed);
  }

  @Override
  public int ref() {
    return WireFormat.CONTENT_EMBED;
  }

  static ContentEmbed read(UpdateDecoder decoder) {
    return new ContentEmbed(decoder.readJson());
  }

  @Override
  public String toString() {
    return "Embed(" + embed + ")";
  }
}
