package org.ensemble.protocol.crdt;

import java.util.List;

/**
 * What an {@link Item} holds. One small class per kind, each with the same operations; the reader of
 * each kind sits beside its writer, and {@link #read} dispatches on the content reference of the
 * info byte.
 */
sealed interface Content permits ContentAny, ContentBinary, ContentDeleted, ContentDoc, ContentEmbed,
    ContentFormat, ContentJson, ContentString, ContentType {

  /** How many clocks this content spans. */
  int length();

  /** The values it contributes to its parent, one per clock (empty when not countable). */
  List<Object> getContent();

  /** Whether it counts towards list positions and length (formatting and deletions do not). */
  boolean isCountable();

  Content copy();

  /** Cuts this content after {@code offset} clocks, keeping the left part; returns the right part. */
  Content splice(int offset);

  /** Appends {@code right}, which has the same class; returns false when the kind cannot merge. */
  boolean mergeWith(Content right);

  void integrate(Transaction transaction, Item item);

  void delete(Transaction transaction);

  void gc(StructStore store);

  void write(UpdateEncoder encoder, int offset);

  /** The content reference written in the info byte ({@link WireFormat}). */
  int ref();

  static Content read(UpdateDecoder decoder, int info) {
    int ref = info & WireFormat.CONTENT_REF_MASK;
    switch (ref) {
      case WireFormat.CONTENT_DELETED: return ContentDeleted.read(decoder);
      case WireFormat.CONTENT_JSON: return ContentJson.read(decoder);
      case WireFormat.CONTENT_BINARY: return ContentBinary.read(decoder);
      case WireFormat.CONTENT_STRING: return ContentString.read(decoder);
      case WireFormat.CONTENT_EMBED: return ContentEmbed.read(decoder);
      case WireFormat.CONTENT_FORMAT: return ContentFormat.read(decoder);
      case WireFormat.CONTENT_TYPE: return ContentType.read(decoder);
      case WireFormat.CONTENT_ANY: return ContentAny.read(decoder);
      case WireFormat.CONTENT_DOC: return ContentDoc.read(decoder);
      default:
        throw decoder.rest().error("unknown content ref " + ref);
    }
  }
}
