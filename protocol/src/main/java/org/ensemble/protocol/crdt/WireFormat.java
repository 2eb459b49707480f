package org.ensemble.protocol.crdt;

/**
 * Every number of the Yjs update format, named once. A struct starts with an info byte: its low five
 * bits say what it is (a content kind, a GC or a Skip), its high bits which optional fields follow.
 * The numbering is locked by {@code WireFormatTest}.
 */
final class WireFormat {
  private WireFormat() {}

  // Struct and content references (the low five bits of the info byte).
  static final int GC = 0;
  static final int CONTENT_DELETED = 1;
  static final int CONTENT_JSON = 2;
  static final int CONTENT_BINARY = 3;
  static final int CONTENT_STRING = 4;
  static final int CONTENT_EMBED = 5;
  static final int CONTENT_FORMAT = 6;
  static final int CONTENT_TYPE = 7;
  static final int CONTENT_ANY = 8;
  static final int CONTENT_DOC = 9;
  static final int SKIP = 10;

  static final int CONTENT_REF_MASK = 0b0001_1111;
  /** An origin (the left neighbour at insertion time) follows. */
  static final int HAS_ORIGIN = 0b1000_0000;
  /** A right origin (the right neighbour at insertion time) follows. */
  static final int HAS_RIGHT_ORIGIN = 0b0100_0000;
  /** A parent key follows: the item is a map entry. */
  static final int HAS_PARENT_SUB = 0b0010_0000;

  // Shared type references, written inside ContentType.
  static final int YARRAY = 0;
  static final int YMAP = 1;
  static final int YTEXT = 2;
  static final int YXML_ELEMENT = 3;
  static final int YXML_FRAGMENT = 4;
  static final int YXML_HOOK = 5;
  static final int YXML_TEXT = 6;
}
