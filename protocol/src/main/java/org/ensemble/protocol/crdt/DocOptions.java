package org.ensemble.protocol.crdt;

/**
 * How a {@link Doc} is created. Garbage collection is on by default: deleted content is dropped and
 * only its clock range kept. Turn it off to keep deleted content for history and attribution.
 */
public record DocOptions(String guid, String collectionId, boolean gc, Object meta, boolean autoLoad,
                         boolean shouldLoad) {

  public static DocOptions defaults() {
    return new DocOptions(null, null, true, null, false, true);
  }

  /** The document's globally unique id; a random UUID when null. */
  public DocOptions guid(String value) {
    return new DocOptions(value, collectionId, gc, meta, autoLoad, shouldLoad);
  }

  public DocOptions collectionId(String value) {
    return new DocOptions(guid, value, gc, meta, autoLoad, shouldLoad);
  }

  public DocOptions gc(boolean value) {
    return new DocOptions(guid, collectionId, value, meta, autoLoad, shouldLoad);
  }

  public DocOptions meta(Object value) {
    return new DocOptions(guid, collectionId, gc, value, autoLoad, shouldLoad);
  }

  public DocOptions autoLoad(boolean value) {
    return new DocOptions(guid, collectionId, gc, meta, value, shouldLoad);
  }

  public DocOptions shouldLoad(boolean value) {
    return new DocOptions(guid, collectionId, gc, meta, autoLoad, value);
  }
}
