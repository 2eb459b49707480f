package org.ensemble.protocol.crdt;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** An XML element: a node name, attributes (in the type's map) and children (in its list). */
public class YXmlElement extends YXmlFragment {
  private final String nodeName;
  private Map<String, Object> prelimAttrs = new LinkedHashMap<>();

  public YXmlElement(String nodeName) {
    this.nodeName = nodeName;
  }

  public String nodeName() {
    return nodeName;
  }

  @Override
  void integrate(Doc y, Item item) {
    super.integrate(y, item);
    Map<String, Object> attrs = prelimAttrs;
    prelimAttrs = null;
    attrs.forEach(this::setAttribute);
  }

  @Override
  AbstractType emptyCopy() {
    return new YXmlElement(nodeName);
  }

  public void setAttribute(String name, Object value) {
    if (doc == null) {
      prelimAttrs.put(name, value);
    } else {
      doc.transact(t -> MapOperations.set(t, this, name, value));
    }
  }

  public Object getAttribute(String name) {
    if (doc == null) {
      return prelimAttrs.get(name);
    }
    Object v = mapValue(name);
    return v == org.ensemble.protocol.lib0.Undefined.VALUE ? null : v;
  }

  public boolean hasAttribute(String name) {
    return doc == null ? prelimAttrs.containsKey(name) : mapHas(name);
  }

  public void removeAttribute(String name) {
    if (doc == null) {
      prelimAttrs.remove(name);
    } else {
      doc.transact(t -> MapOperations.delete(t, this, name));
    }
  }

  public Map<String, Object> getAttributes() {
    return doc == null ? new LinkedHashMap<>(prelimAttrs) : mapEntries();
  }

  /** {@code <nodename key="value" ...>children</nodename>}, attributes sorted, name lower-cased. */
  @Override
  public String toString() {
    Map<String, Object> attrs = getAttributes();
    List<String> keys = new ArrayList<>(attrs.keySet());
    Collections.sort(keys);
    StringBuilder sb = new StringBuilder();
    String name = nodeName.toLowerCase(Locale.ROOT);
    sb.append('<').append(name);
    for (String key : keys) {
      sb.append(' ').append(key).append("=\"").append(JsStrings.of(attrs.get(key))).append('"');
    }
    sb.append('>').append(super.toString()).append("</").append(name).append('>');
    return sb.toString();
  }

  @Override
  void writeTypeRef(UpdateEncoder encoder) {
    encoder.writeTypeRef(WireFormat.YXML_ELEMENT);
    encoder.writeKey(nodeName);
  }
}
