package org.ensemble.protocol.crdt;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A change of a {@link YText}, as a Quill delta with formatting changes as retain attributes. */
public final class YTextEvent extends YEvent {
  private final boolean childListChanged;
  private final Set<String> keysChanged;
  private List<Map<String, Object>> textDelta;

  YTextEvent(YText text, Transaction transaction, Set<String> subs) {
    super(text, transaction);
    boolean list = false;
    Set<String> keys = new HashSet<>();
    for (String sub : subs) {
      if (sub == null) {
        list = true;
      } else {
        keys.add(sub);
      }
    }
    this.childListChanged = list;
    this.keysChanged = Collections.unmodifiableSet(keys);
  }

  public boolean childListChanged() {
    return childListChanged;
  }

  /** The text's own attributes (not range formatting) that changed. */
  public Set<String> keysChanged() {
    return keysChanged;
  }

  /** Kinds of op being accumulated. */
  private enum Action { INSERT, RETAIN, DELETE }

  /** Accumulates one op at a time and emits it when the kind changes. */
  private static final class DeltaBuilder {
    final List<Map<String, Object>> delta = new ArrayList<>();
    final Map<String, Object> currentAttributes = new LinkedHashMap<>();
    final Map<String, Object> attributes = new LinkedHashMap<>(); // added or removed attributes for retain
    Action action;
    Object insert = "";
    int retain;
    int deleteLen;

    void addOp() {
      if (action == null) {
        return;
      }
      Map<String, Object> op = null;
      switch (action) {
        case DELETE:
          if (deleteLen > 0) {
            op = new LinkedHashMap<>();
            op.put("delete", deleteLen);
          }
          deleteLen = 0;
          break;
        case INSERT:
          if (!(insert instanceof String) || !((String) insert).isEmpty()) {
            op = new LinkedHashMap<>();
            op.put("insert", insert instanceof StringBuilder ? insert.toString() : insert);
            if (!currentAttributes.isEmpty()) {
              Map<String, Object> attrs = new LinkedHashMap<>();
              currentAttributes.forEach((k, v) -> {
                if (v != null) {
                  attrs.put(k, v);
                }
              });
              op.put("attributes", attrs);
            }
          }
          insert = "";
          break;
        case RETAIN:
          if (retain > 0) {
            op = new LinkedHashMap<>();
            op.put("retain", retain);
            if (!attributes.isEmpty()) {
              op.put("attributes", new LinkedHashMap<>(attributes));
            }
          }
          retain = 0;
          break;
        default:
          break;
      }
      if (op != null) {
        delta.add(op);
      }
      action = null;
    }

    void startIfNot(Action a) {
      if (action != a) {
        addOp();
        action = a;
      }
    }
  }

  /** The change as a delta over the text before the transaction. */
  @Override
  public List<Map<String, Object>> delta() {
    if (textDelta == null) {
      checkAlive();
      DeltaBuilder b = new DeltaBuilder();
      Map<String, Object> oldAttributes = new LinkedHashMap<>();
      transaction.doc.transact(t -> {
        for (Item item = target.start; item != null; item = item.right) {
          Content content = item.content;
          if (content instanceof ContentType || content instanceof ContentEmbed) {
            if (adds(item)) {
              if (!deletes(item)) {
                b.addOp();
                b.action = Action.INSERT;
                b.insert = content.getContent().get(0);
                b.addOp();
              }
            } else if (deletes(item)) {
              b.startIfNot(Action.DELETE);
              b.deleteLen += 1;
            } else if (!item.isDeleted()) {
              b.startIfNot(Action.RETAIN);
              b.retain += 1;
            }
          } else if (content instanceof ContentString) {
            if (adds(item)) {
              if (!deletes(item)) {
                if (b.action != Action.INSERT) {
                  b.addOp();
                  b.action = Action.INSERT;
                  b.insert = new StringBuilder();
                }
                ((StringBuilder) b.insert).append(((ContentString) content).str());
              }
            } else if (deletes(item)) {
              b.startIfNot(Action.DELETE);
              b.deleteLen += item.length;
            } else if (!item.isDeleted()) {
              b.startIfNot(Action.RETAIN);
              b.retain += item.length;
            }
          } else if (content instanceof ContentFormat) {
            formatChange(b, oldAttributes, item, (ContentFormat) content, t);
          }
        }
        b.addOp();
        while (!b.delta.isEmpty()) {
          Map<String, Object> lastOp = b.delta.get(b.delta.size() - 1);
          if (lastOp.containsKey("retain") && !lastOp.containsKey("attributes")) {
            // a retain without attributes at the end says nothing
            b.delta.remove(b.delta.size() - 1);
          } else {
            break;
          }
        }
        return null;
      }, null, true);
      textDelta = b.delta;
    }
    return textDelta;
  }

  private void formatChange(DeltaBuilder b, Map<String, Object> oldAttributes, Item item, ContentFormat format,
                            Transaction t) {
    String key = format.key;
    Object value = format.value;
    if (adds(item)) {
      if (!deletes(item)) {
        Object curVal = Attributes.orNull(b.currentAttributes, key);
        if (!Attributes.equal(curVal, value)) {
          if (b.action == Action.RETAIN) {
            b.addOp();
          }
          if (Attributes.equal(value, Attributes.orNull(oldAttributes, key))) {
            b.attributes.remove(key);
          } else {
            b.attributes.put(key, value);
          }
        } else if (value != null) {
          item.delete(t);
        }
      }
    } else if (deletes(item)) {
      oldAttributes.put(key, value);
      Object curVal = Attributes.orNull(b.currentAttributes, key);
      if (!Attributes.equal(curVal, value)) {
        if (b.action == Action.RETAIN) {
          b.addOp();
        }
        b.attributes.put(key, curVal);
      }
    } else if (!item.isDeleted()) {
      oldAttributes.put(key, value);
      Object attr = Attributes.get(b.attributes, key);
      if (attr != org.ensemble.protocol.lib0.Undefined.VALUE) {
        if (!Attributes.equal(attr, value)) {
          if (b.action == Action.RETAIN) {
            b.addOp();
          }
          if (value == null) {
            b.attributes.remove(key);
          } else {
            b.attributes.put(key, value);
          }
        } else if (attr != null) {
          // cleaned up later by the contextless formatting cleanup
          item.delete(t);
        }
      }
    }
    if (!item.isDeleted()) {
      if (b.action == Action.INSERT) {
        b.addOp();
      }
      TextFormatting.updateCurrentAttributes(b.currentAttributes, format);
    }
  }
}
