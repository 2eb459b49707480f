package org.ensemble.protocol.crdt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The numbers of the update format never change: old updates must stay readable. */
class WireFormatTest {

  @Test
  void structAndContentReferencesKeepTheirNumbers() {
    int[] refs = {WireFormat.GC, WireFormat.CONTENT_DELETED, WireFormat.CONTENT_JSON, WireFormat.CONTENT_BINARY,
        WireFormat.CONTENT_STRING, WireFormat.CONTENT_EMBED, WireFormat.CONTENT_FORMAT, WireFormat.CONTENT_TYPE,
        WireFormat.CONTENT_ANY, WireFormat.CONTENT_DOC, WireFormat.SKIP};
    for (int i = 0; i < refs.length; i++) {
      assertEquals(i, refs[i]);
    }
    assertEquals(WireFormat.CONTENT_DELETED, ContentDeleted.of(1).ref());
    assertEquals(WireFormat.CONTENT_STRING, new ContentString("a").ref());
    assertEquals(WireFormat.CONTENT_FORMAT, new ContentFormat("b", true).ref());
    assertEquals(WireFormat.CONTENT_TYPE, new ContentType(new YMap()).ref());
    assertEquals(WireFormat.CONTENT_ANY, new ContentAny(new java.util.ArrayList<>(java.util.List.of(1))).ref());
  }

  @Test
  void infoBitsAndTypeReferencesKeepTheirNumbers() {
    assertEquals(0x80, WireFormat.HAS_ORIGIN);
    assertEquals(0x40, WireFormat.HAS_RIGHT_ORIGIN);
    assertEquals(0x20, WireFormat.HAS_PARENT_SUB);
    assertEquals(0x1F, WireFormat.CONTENT_REF_MASK);
    int[] types = {WireFormat.YARRAY, WireFormat.YMAP, WireFormat.YTEXT, WireFormat.YXML_ELEMENT,
        WireFormat.YXML_FRAGMENT, WireFormat.YXML_HOOK, WireFormat.YXML_TEXT};
    for (int i = 0; i < types.length; i++) {
      assertEquals(i, types[i]);
    }
  }
}
