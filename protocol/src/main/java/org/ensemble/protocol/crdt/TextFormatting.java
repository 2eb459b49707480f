package org.ensemble.protocol.crdt;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.ensemble.protocol.lib0.JsObjects;
import org.ensemble.protocol.lib0.Undefined;

/**
 * Rich-text edits on a text's item list. Formatting is stored as marks ({@link ContentFormat} items)
 * that switch an attribute on or off; these functions insert, format and delete text while placing
 * the fewest marks, and clean up marks that concurrent edits made redundant.
 */
final class TextFormatting {
  private TextFormatting() {}

  static void updateCurrentAttributes(Map<String, Object> currentAttributes, ContentFormat format) {
    if (format.value == null) {
      currentAttributes.remove(format.key);
    } else {
      currentAttributes.put(format.key, format.value);
    }
  }

  static TextPosition findNextPosition(Transaction transaction, TextPosition pos, int count) {
    while (pos.right != null && count > 0) {
      if (pos.right.content instanceof ContentFormat) {
        if (!pos.right.isDeleted()) {
          updateCurrentAttributes(pos.currentAttributes, (ContentFormat) pos.right.content);
        }
      } else if (!pos.right.isDeleted()) {
        if (count < pos.right.length) {
          // split the right item
          transaction.doc.store.getItemCleanStart(transaction, new ID(pos.right.id.client, pos.right.id.clock + count));
        }
        pos.index += pos.right.length;
        count -= pos.right.length;
      }
      pos.left = pos.right;
      pos.right = pos.right.right;
      // pos.right may be a new item created by the split above
    }
    return pos;
  }

  static TextPosition findPosition(Transaction transaction, AbstractType parent, int index, boolean useSearchMarker) {
    Map<String, Object> currentAttributes = new LinkedHashMap<>();
    SearchMarker marker = useSearchMarker ? SearchMarker.find(parent, index) : null;
    if (marker != null) {
      TextPosition pos = new TextPosition(marker.p.left, marker.p, marker.index, currentAttributes);
      return findNextPosition(transaction, pos, index - marker.index);
    }
    TextPosition pos = new TextPosition(null, parent.start, 0, currentAttributes);
    return findNextPosition(transaction, pos, index);
  }

  private static Item newFormat(Transaction transaction, AbstractType parent, Item left, Item right, String key, Object value) {
    Doc doc = transaction.doc;
    long client = doc.clientId();
    Item item = new Item(new ID(client, doc.store.getState(client)), left, left == null ? null : left.lastId(),
        right, right == null ? null : right.id, parent, null, null, new ContentFormat(key, value));
    item.integrate(transaction, 0);
    return item;
  }

  /** Closes the attributes opened for an insertion, after it. */
  private static void insertNegatedAttributes(Transaction transaction, AbstractType parent, TextPosition currPos,
                                              Map<String, Object> negatedAttributes) {
    // check if we really need to remove attributes
    while (currPos.right != null && (currPos.right.isDeleted()
        || (currPos.right.content instanceof ContentFormat
            && Attributes.equal(Attributes.get(negatedAttributes, ((ContentFormat) currPos.right.content).key),
                ((ContentFormat) currPos.right.content).value)))) {
      if (!currPos.right.isDeleted()) {
        negatedAttributes.remove(((ContentFormat) currPos.right.content).key);
      }
      currPos.forward();
    }
    for (Map.Entry<String, Object> e : negatedAttributes.entrySet()) {
      currPos.right = newFormat(transaction, parent, currPos.left, currPos.right, e.getKey(), e.getValue());
      currPos.forward();
    }
  }

  /** Skips marks that already set what {@code attributes} wants. */
  private static void minimizeAttributeChanges(TextPosition currPos, Map<String, Object> attributes) {
    while (currPos.right != null) {
      if (currPos.right.isDeleted()
          || (currPos.right.content instanceof ContentFormat
              && Attributes.equal(Attributes.orNull(attributes, ((ContentFormat) currPos.right.content).key),
                  ((ContentFormat) currPos.right.content).value))) {
        currPos.forward();
      } else {
        break;
      }
    }
  }

  /** Opens the attributes that differ from those in effect; returns the values to restore after. */
  private static Map<String, Object> insertAttributes(Transaction transaction, AbstractType parent, TextPosition currPos,
                                                      Map<String, Object> attributes) {
    if (attributes.isEmpty()) {
      return new LinkedHashMap<>(0); // plain typing: nothing to open or close
    }
    Map<String, Object> negatedAttributes = new LinkedHashMap<>();
    for (String key : JsObjects.keys(attributes)) {
      Object val = attributes.get(key);
      Object currentVal = Attributes.orNull(currPos.currentAttributes, key);
      if (!Attributes.equal(currentVal, val)) {
        // save the current value so that it can be restored after the insertion
        negatedAttributes.put(key, currentVal);
        currPos.right = newFormat(transaction, parent, currPos.left, currPos.right, key, val);
        currPos.forward();
      }
    }
    return negatedAttributes;
  }

  /** Inserts a string, an embed or a type at the position, with exactly {@code attributes}. */
  static void insertText(Transaction transaction, AbstractType parent, TextPosition currPos, Object text,
                         Map<String, Object> attributes) {
    for (String key : currPos.currentAttributes.keySet()) {
      if (Attributes.get(attributes, key) == Undefined.VALUE) {
        attributes.put(key, null);
      }
    }
    Doc doc = transaction.doc;
    long client = doc.clientId();
    minimizeAttributeChanges(currPos, attributes);
    Map<String, Object> negatedAttributes = insertAttributes(transaction, parent, currPos, attributes);
    Content content = text instanceof String ? new ContentString((String) text)
        : text instanceof AbstractType ? new ContentType((AbstractType) text) : new ContentEmbed(Values.plain(text));
    Item left = currPos.left;
    Item right = currPos.right;
    int index = currPos.index;
    if (parent.searchMarkers != null) {
      SearchMarker.updateChanges(parent.searchMarkers, currPos.index, content.length());
    }
    right = new Item(new ID(client, doc.store.getState(client)), left, left == null ? null : left.lastId(),
        right, right == null ? null : right.id, parent, null, null, content);
    right.integrate(transaction, 0);
    currPos.right = right;
    currPos.index = index;
    currPos.forward();
    insertNegatedAttributes(transaction, parent, currPos, negatedAttributes);
  }

  /** Applies {@code attributes} to the next {@code length} positions. */
  static void formatText(Transaction transaction, AbstractType parent, TextPosition currPos, int length,
                         Map<String, Object> attributes) {
    minimizeAttributeChanges(currPos, attributes);
    Map<String, Object> negatedAttributes = insertAttributes(transaction, parent, currPos, attributes);
    // iterate until the first non-format or null is found; delete all formats with attributes[format.key] != null
    // also check the attributes after the first non-format as we do not want to insert redundant negated attributes there
    iteration:
    while (currPos.right != null && (length > 0 || (!negatedAttributes.isEmpty()
        && (currPos.right.isDeleted() || currPos.right.content instanceof ContentFormat)))) {
      if (!currPos.right.isDeleted()) {
        if (currPos.right.content instanceof ContentFormat) {
          ContentFormat format = (ContentFormat) currPos.right.content;
          Object attr = Attributes.get(attributes, format.key);
          if (attr != Undefined.VALUE) {
            if (Attributes.equal(attr, format.value)) {
              negatedAttributes.remove(format.key);
            } else {
              if (length == 0) {
                // no need to further extend negatedAttributes
                break iteration;
              }
              negatedAttributes.put(format.key, format.value);
            }
            currPos.right.delete(transaction);
          } else {
            currPos.currentAttributes.put(format.key, format.value);
          }
        } else {
          if (length < currPos.right.length) {
            transaction.doc.store.getItemCleanStart(transaction, new ID(currPos.right.id.client, currPos.right.id.clock + length));
          }
          length -= currPos.right.length;
        }
      }
      currPos.forward();
    }
    // Formatting past the end inserts newlines, as Quill does; the formatting is applied to them.
    if (length > 0) {
      currPos.right = newTextItem(transaction, parent, currPos.left, currPos.right, "\n".repeat(length));
      currPos.forward();
    }
    insertNegatedAttributes(transaction, parent, currPos, negatedAttributes);
  }

  private static Item newTextItem(Transaction transaction, AbstractType parent, Item left, Item right, String s) {
    Doc doc = transaction.doc;
    long client = doc.clientId();
    Item item = new Item(new ID(client, doc.store.getState(client)), left, left == null ? null : left.lastId(),
        right, right == null ? null : right.id, parent, null, null, new ContentString(s));
    item.integrate(transaction, 0);
    return item;
  }

  /**
   * Deletes marks between {@code start} and the next visible content that no longer change anything.
   * Returns how many were deleted.
   */
  private static int cleanupFormattingGap(Transaction transaction, Item start, Item curr,
                                          Map<String, Object> startAttributes, Map<String, Object> currAttributes) {
    Item end = start;
    Map<String, ContentFormat> endFormats = new LinkedHashMap<>();
    while (end != null && (!end.isCountable() || end.isDeleted())) {
      if (!end.isDeleted() && end.content instanceof ContentFormat) {
        ContentFormat cf = (ContentFormat) end.content;
        endFormats.put(cf.key, cf);
      }
      end = end.right;
    }
    int cleanups = 0;
    boolean reachedCurr = false;
    while (start != end) {
      if (curr == start) {
        reachedCurr = true;
      }
      if (!start.isDeleted() && start.content instanceof ContentFormat) {
        ContentFormat content = (ContentFormat) start.content;
        String key = content.key;
        Object value = content.value;
        Object startAttrValue = Attributes.orNull(startAttributes, key);
        if (endFormats.get(key) != content || Attributes.strictEquals(startAttrValue, value)) {
          // either this format is overwritten or it is not necessary because the attribute already existed
          start.delete(transaction);
          cleanups++;
          if (!reachedCurr && Attributes.strictEquals(Attributes.orNull(currAttributes, key), value)
              && !Attributes.strictEquals(startAttrValue, value)) {
            if (startAttrValue == null) {
              currAttributes.remove(key);
            } else {
              currAttributes.put(key, startAttrValue);
            }
          }
        }
        if (!reachedCurr && !start.isDeleted()) {
          updateCurrentAttributes(currAttributes, content);
        }
      }
      start = start.right;
    }
    return cleanups;
  }

  /** Deletes duplicate marks around {@code item} when nothing visible is left between them. */
  private static void cleanupContextlessFormattingGap(Transaction transaction, Item item) {
    // iterate until item.right is null or content
    while (item != null && item.right != null && (item.right.isDeleted() || !item.right.isCountable())) {
      item = item.right;
    }
    Set<String> attrs = new HashSet<>();
    // iterate back until a content item is found
    while (item != null && (item.isDeleted() || !item.isCountable())) {
      if (!item.isDeleted() && item.content instanceof ContentFormat) {
        String key = ((ContentFormat) item.content).key;
        if (attrs.contains(key)) {
          item.delete(transaction);
        } else {
          attrs.add(key);
        }
      }
      item = item.left;
    }
  }

  /** Removes every redundant mark of a text; returns how many were removed. */
  static int cleanupYTextFormatting(AbstractType type) {
    int[] res = {0};
    type.doc.transact(transaction -> {
      Item start = type.start;
      Item end = type.start;
      Map<String, Object> startAttributes = new LinkedHashMap<>();
      Map<String, Object> currentAttributes = new LinkedHashMap<>(startAttributes);
      while (end != null) {
        if (!end.isDeleted()) {
          if (end.content instanceof ContentFormat) {
            updateCurrentAttributes(currentAttributes, (ContentFormat) end.content);
          } else {
            res[0] += cleanupFormattingGap(transaction, start, end, startAttributes, currentAttributes);
            startAttributes = new LinkedHashMap<>(currentAttributes);
            start = end;
          }
        }
        end = end.right;
      }
      return null;
    }, null, true);
    return res[0];
  }

  /**
   * After remote changes to formatted text: remove marks that concurrent edits made redundant. Only
   * texts with new marks get a full cleanup; elsewhere only the gaps around deletions are checked.
   */
  static void cleanupAfterTransaction(Transaction transaction) {
    Set<AbstractType> needFullCleanup = new LinkedHashSet<>();
    Doc doc = transaction.doc;
    for (long client : transaction.afterState.clients()) {
      int afterClock = transaction.afterState.get(client);
      int clock = transaction.beforeState.get(client);
      if (afterClock == clock) {
        continue;
      }
      StructStore.iterateStructs(transaction, doc.store.clients.get(client), clock, afterClock, struct -> {
        if (struct instanceof Item && !struct.isDeleted() && ((Item) struct).content instanceof ContentFormat) {
          needFullCleanup.add(((Item) struct).parent);
        }
      });
    }
    doc.transact(t -> {
      transaction.deleteSet.forEachStruct(transaction, struct -> {
        if (!(struct instanceof Item)) {
          return;
        }
        Item item = (Item) struct;
        AbstractType parent = item.parent;
        if (parent == null || !parent.hasFormatting || needFullCleanup.contains(parent)) {
          return;
        }
        if (item.content instanceof ContentFormat) {
          needFullCleanup.add(parent);
        } else {
          cleanupContextlessFormattingGap(t, item);
        }
      });
      for (AbstractType text : needFullCleanup) {
        cleanupYTextFormatting(text);
      }
      return null;
    }, null, true);
  }

  /** Deletes {@code length} positions of content, then cleans up the marks around the gap. */
  static TextPosition deleteText(Transaction transaction, TextPosition currPos, int length) {
    int startLength = length;
    Map<String, Object> startAttrs = new LinkedHashMap<>(currPos.currentAttributes);
    Item start = currPos.right;
    while (length > 0 && currPos.right != null) {
      if (!currPos.right.isDeleted()) {
        Content c = currPos.right.content;
        if (c instanceof ContentType || c instanceof ContentEmbed || c instanceof ContentString) {
          if (length < currPos.right.length) {
            transaction.doc.store.getItemCleanStart(transaction, new ID(currPos.right.id.client, currPos.right.id.clock + length));
          }
          length -= currPos.right.length;
          currPos.right.delete(transaction);
        }
      }
      currPos.forward();
    }
    if (start != null) {
      cleanupFormattingGap(transaction, start, currPos.right, startAttrs, currPos.currentAttributes);
    }
    Item any = currPos.left != null ? currPos.left : currPos.right;
    if (any == null) {
      return currPos; // the text is empty
    }
    AbstractType parent = any.parent;
    if (parent.searchMarkers != null) {
      SearchMarker.updateChanges(parent.searchMarkers, currPos.index, -startLength + length);
    }
    return currPos;
  }

  /** Copies attributes given by a caller, dropping undefined values (they cannot be stored). */
  static Map<String, Object> copyAttributes(Map<String, ?> attributes) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (attributes != null) {
      for (Map.Entry<String, ?> e : attributes.entrySet()) {
        if (e.getValue() != Undefined.VALUE) {
          out.put(e.getKey(), Values.plain(e.getValue()));
        }
      }
    }
    return out;
  }
}
