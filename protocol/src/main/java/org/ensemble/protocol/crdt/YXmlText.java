package org.ensemble.protocol.crdt;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ensemble.protocol.lib0.JsObjects;

/** Text inside XML; its formatting attributes print as nested tags. */
public class YXmlText extends YText {
  @Override
  AbstractType emptyCopy() {
    return new YXmlText();
  }

  /** Each delta op as {@code <attr key="value">text</attr>}, tags and their attributes sorted. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    for (Map<String, Object> op : toDelta()) {
      List<String> nodeNames = new ArrayList<>();
      Object attributes = op.get("attributes");
      Map<?, ?> attrMap = attributes instanceof Map ? (Map<?, ?>) attributes : Map.of();
      nodeNames.addAll(JsObjects.keys(attrMap));
      nodeNames.sort(null);
      StringBuilder open = new StringBuilder();
      for (String nodeName : nodeNames) {
        open.append('<').append(nodeName);
        Object nodeAttrs = attrMap.get(nodeName);
        if (nodeAttrs instanceof Map) {
          List<String> keys = new ArrayList<>(JsObjects.keys((Map<?, ?>) nodeAttrs));
          keys.sort(null);
          for (String key : keys) {
            open.append(' ').append(key).append("=\"").append(JsStrings.of(((Map<?, ?>) nodeAttrs).get(key))).append('"');
          }
        }
        open.append('>');
      }
      out.append(open).append(JsStrings.of(op.get("insert")));
      for (int i = nodeNames.size() - 1; i >= 0; i--) {
        out.append("</").append(nodeNames.get(i)).append('>');
      }
    }
    return out.toString();
  }

  @Override
  public Object toJSON() {
    return toString();
  }

  @Override
  void writeTypeRef(UpdateEncoder encoder) {
    encoder.writeTypeRef(WireFormat.YXML_TEXT);
  }
}
