package org.ensemble.protocol.crdt;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ensemble.protocol.lib0.JsValues;
import org.ensemble.protocol.lib0.Undefined;

/**
 * A subdocument: only its guid and options live in the parent; its content syncs separately. The
 * options written are derived from the subdocument (gc off, auto-load, meta), as Yjs does.
 */
final class ContentDoc implements Content {
  Doc doc;
  final Map<String, Object> opts = new LinkedHashMap<>();

  ContentDoc(Doc doc) {
    this.doc = doc;
    if (!doc.gc()) {
      opts.put("gc", Boolean.FALSE);
    }
    if (doc.autoLoad()) {
      opts.put("autoLoad", Boolean.TRUE);
    }
    if (doc.meta() != null) {
      opts.put("meta", doc.meta());
    }
  }

  static Doc docFromOpts(String guid, Map<?, ?> opts) {
    DocOptions o = DocOptions.defaults().guid(guid);
    Object gc = opts.get("gc");
    if (opts.containsKey("gc") && gc != Undefined.VALUE) {
      o = o.gc(truthy(gc));
    }
    boolean autoLoad = truthy(opts.get("autoLoad"));
    o = o.autoLoad(autoLoad);
    Object meta = opts.get("meta");
    if (meta != Undefined.VALUE) {
      o = o.meta(meta);
    }
    return new Doc(o.shouldLoad(truthy(opts.get("shouldLoad")) || autoLoad));
  }

  private static boolean truthy(Object v) {
    return !JsValues.isFalsy(v);
  }

  @Override
  public int length() {
    return 1;
  }

  @Override
  public List<Object> getContent() {
    return Collections.singletonList(doc);
  }

  @Override
  public boolean isCountable() {
    return true;
  }

  @Override
  public Content copy() {
    return new ContentDoc(docFromOpts(doc.guid(), opts));
  }

  @Override
  public Content splice(int offset) {
    throw new UnsupportedOperationException("subdocuments have length 1");
  }

  @Override
  public boolean mergeWith(Content right) {
    return false;
  }

  @Override
  public void integrate(Transaction transaction, Item item) {
    doc.item = item;
    transaction.subdocsAdded().add(doc);
    if (doc.shouldLoad()) {
      transaction.subdocsLoaded().add(doc);
    }
  }

  @Override
  public void delete(Transaction transaction) {
    if (!transaction.subdocsAdded().remove(doc)) {
      transaction.subdocsRemoved().add(doc);
    }
  }

  @Override
  public void gc(StructStore store) {}

  @Override
  public void write(UpdateEncoder encoder, int offset) {
    encoder.writeString(doc.guid());
    encoder.writeAny(opts);
  }

  @Override
  public int ref() {
    return WireFormat.CONTENT_DOC;
  }

  static ContentDoc read(UpdateDecoder decoder) {
    String guid = decoder.readString();
    Object opts = decoder.readAny();
    Map<?, ?> map = opts instanceof Map ? (Map<?, ?>) opts : Map.of();
    return new ContentDoc(docFromOpts(guid, map));
  }

  @Override
  public String toString() {
    return "Doc(" + doc.guid() + ")";
  }
}
