package org.ensemble.protocol.crdt;

import java.util.Map;

/**
 * A cursor in a text's item list: between {@code left} and {@code right}, at visible position
 * {@code index}, with the formatting attributes in effect there.
 */
final class TextPosition {
  Item left;
  Item right;
  int index;
  final Map<String, Object> currentAttributes;

  TextPosition(Item left, Item right, int index, Map<String, Object> currentAttributes) {
    this.left = left;
    this.right = right;
    this.index = index;
    this.currentAttributes = currentAttributes;
  }

  /** Steps over {@code right}. */
  void forward() {
    if (right == null) {
      throw new IllegalStateException("cannot move past the end of the text");
    }
    if (right.content instanceof ContentFormat) {
      if (!right.isDeleted()) {
        TextFormatting.updateCurrentAttributes(currentAttributes, (ContentFormat) right.content);
      }
    } else if (!right.isDeleted()) {
      index += right.length;
    }
    left = right;
    right = right.right;
  }
}
