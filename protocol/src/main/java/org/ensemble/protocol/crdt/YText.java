package org.ensemble.protocol.crdt;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Shared rich text: characters (counted in UTF-16 code units, as in JavaScript), embeds and
 * formatting attributes. Read it as a string or as a Quill-style delta.
 */
public class YText extends AbstractType {
  /** Edits made before the text was added to a document. */
  private List<Consumer<YText>> pending = new ArrayList<>();

  public YText() {
    searchMarkers = new ArrayList<>();
  }

  public YText(String initial) {
    this();
    pending.add(t -> t.insert(0, initial));
  }

  @Override
  void integrate(Doc y, Item item) {
    super.integrate(y, item);
    List<Consumer<YText>> ops = pending;
    pending = null;
    for (Consumer<YText> op : ops) {
      op.accept(this);
    }
  }

  @Override
  AbstractType emptyCopy() {
    return new YText();
  }

  /** A copy with the same content and formatting, not yet part of any document. */
  public YText copy() {
    YText text = new YText();
    text.applyDelta(toDelta());
    return text;
  }

  /** The number of positions (UTF-16 code units and embeds). */
  public int length() {
    return length;
  }

  @Override
  void callObserver(Transaction transaction, Set<String> parentSubs) {
    super.callObserver(transaction, parentSubs);
    if (isObserved()) {
      callTypeObservers(transaction, new YTextEvent(this, transaction, parentSubs));
    }
    if (!transaction.local && hasFormatting) {
      transaction.needFormattingCleanup = true;
    }
  }

  public Subscription observe(YObserver<YTextEvent> observer) {
    return addObserver(observer);
  }

  /** The plain text, without embeds and formatting. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    for (Item n = start; n != null; n = n.right) {
      if (!n.isDeleted() && n.isCountable() && n.content instanceof ContentString) {
        sb.append(((ContentString) n.content).str());
      }
    }
    return sb.toString();
  }

  @Override
  public Object toJSON() {
    return toString();
  }

  private void edit(Consumer<YText> op, Consumer<Transaction> inTransaction) {
    if (doc == null) {
      pending.add(op);
    } else {
      doc.transact(inTransaction);
    }
  }

  /** Inserts {@code text}, taking over the formatting in effect at {@code index}. */
  public void insert(int index, String text) {
    if (text.isEmpty()) {
      return;
    }
    edit(t -> t.insert(index, text), transaction -> {
      TextPosition pos = TextFormatting.findPosition(transaction, this, index, true);
      Map<String, Object> attributes = new LinkedHashMap<>(pos.currentAttributes);
      TextFormatting.insertText(transaction, this, pos, text, attributes);
    });
  }

  /** Inserts {@code text} with exactly {@code attributes} (an empty map: no formatting). */
  public void insert(int index, String text, Map<String, ?> attributes) {
    if (attributes == null) {
      insert(index, text);
      return;
    }
    if (text.isEmpty()) {
      return;
    }
    edit(t -> t.insert(index, text, attributes), transaction -> {
      TextPosition pos = TextFormatting.findPosition(transaction, this, index, false);
      TextFormatting.insertText(transaction, this, pos, text, TextFormatting.copyAttributes(attributes));
    });
  }

  /** Inserts an embed (a JSON value or a shared type) occupying one position. */
  public void insertEmbed(int index, Object embed, Map<String, ?> attributes) {
    edit(t -> t.insertEmbed(index, embed, attributes), transaction -> {
      TextPosition pos = TextFormatting.findPosition(transaction, this, index, attributes == null);
      TextFormatting.insertText(transaction, this, pos, embed, TextFormatting.copyAttributes(attributes));
    });
  }

  public void insertEmbed(int index, Object embed) {
    insertEmbed(index, embed, null);
  }

  public void delete(int index, int length) {
    if (length == 0) {
      return;
    }
    edit(t -> t.delete(index, length), transaction ->
        TextFormatting.deleteText(transaction, TextFormatting.findPosition(transaction, this, index, true), length));
  }

  /** Sets {@code attributes} on a range; a null value removes that attribute. */
  public void format(int index, int length, Map<String, ?> attributes) {
    if (length == 0) {
      return;
    }
    edit(t -> t.format(index, length, attributes), transaction -> {
      TextPosition pos = TextFormatting.findPosition(transaction, this, index, false);
      if (pos.right == null) {
        return;
      }
      TextFormatting.formatText(transaction, this, pos, length, TextFormatting.copyAttributes(attributes));
    });
  }

  /** Applies a Quill delta: ops with "insert" (and "attributes"), "retain" (and "attributes") or "delete". */
  public void applyDelta(List<Map<String, Object>> delta) {
    applyDelta(delta, true);
  }

  /**
   * Applies a delta. With {@code sanitize} off, a trailing newline of the last insert at the end of
   * the text is dropped (editors like Quill always end with one).
   */
  @SuppressWarnings("unchecked")
  public void applyDelta(List<Map<String, Object>> delta, boolean sanitize) {
    edit(t -> t.applyDelta(delta, sanitize), transaction -> {
      TextPosition currPos = new TextPosition(null, start, 0, new LinkedHashMap<>());
      for (int i = 0; i < delta.size(); i++) {
        Map<String, Object> op = delta.get(i);
        Map<String, ?> attributes = op.get("attributes") instanceof Map ? (Map<String, ?>) op.get("attributes") : null;
        if (op.containsKey("insert")) {
          Object ins = op.get("insert");
          if (!sanitize && ins instanceof String && i == delta.size() - 1 && currPos.right == null
              && ((String) ins).endsWith("\n")) {
            ins = ((String) ins).substring(0, ((String) ins).length() - 1);
          }
          if (!(ins instanceof String) || !((String) ins).isEmpty()) {
            TextFormatting.insertText(transaction, this, currPos, ins, TextFormatting.copyAttributes(attributes));
          }
        } else if (op.containsKey("retain")) {
          TextFormatting.formatText(transaction, this, currPos, ((Number) op.get("retain")).intValue(),
              TextFormatting.copyAttributes(attributes));
        } else if (op.containsKey("delete")) {
          TextFormatting.deleteText(transaction, currPos, ((Number) op.get("delete")).intValue());
        }
      }
    });
  }

  /** The content as a Quill delta: a list of {"insert": text or embed, "attributes": {...}}. */
  public List<Map<String, Object>> toDelta() {
    List<Map<String, Object>> ops = new ArrayList<>();
    Map<String, Object> currentAttributes = new LinkedHashMap<>();
    StringBuilder str = new StringBuilder();
    for (Item n = start; n != null; n = n.right) {
      if (n.isDeleted()) {
        continue;
      }
      if (n.content instanceof ContentString) {
        str.append(((ContentString) n.content).str());
      } else if (n.content instanceof ContentType || n.content instanceof ContentEmbed) {
        packString(ops, str, currentAttributes);
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("insert", n.content.getContent().get(0));
        if (!currentAttributes.isEmpty()) {
          op.put("attributes", new LinkedHashMap<>(currentAttributes));
        }
        ops.add(op);
      } else if (n.content instanceof ContentFormat) {
        packString(ops, str, currentAttributes);
        TextFormatting.updateCurrentAttributes(currentAttributes, (ContentFormat) n.content);
      }
    }
    packString(ops, str, currentAttributes);
    return ops;
  }

  private static void packString(List<Map<String, Object>> ops, StringBuilder str, Map<String, Object> attributes) {
    if (str.length() > 0) {
      Map<String, Object> op = new LinkedHashMap<>();
      op.put("insert", str.toString());
      if (!attributes.isEmpty()) {
        op.put("attributes", new LinkedHashMap<>(attributes));
      }
      ops.add(op);
      str.setLength(0);
    }
  }

  // ---- attributes of the text itself (not of ranges) ---------------------------------------

  public void setAttribute(String name, Object value) {
    if (doc != null) {
      doc.transact(t -> MapOperations.set(t, this, name, value));
    }
  }

  public Object getAttribute(String name) {
    Object v = mapValue(name);
    return v == org.ensemble.protocol.lib0.Undefined.VALUE ? null : v;
  }

  public void removeAttribute(String name) {
    if (doc != null) {
      doc.transact(t -> MapOperations.delete(t, this, name));
    }
  }

  public Map<String, Object> getAttributes() {
    return mapEntries();
  }

  @Override
  void writeTypeRef(UpdateEncoder encoder) {
    encoder.writeTypeRef(WireFormat.YTEXT);
  }
}
