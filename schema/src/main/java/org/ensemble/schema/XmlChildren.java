package org.ensemble.schema;

import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** A DOM element's child elements, as MusicXML is read: by tag, and the text of the first of a tag. */
final class XmlChildren {
  private XmlChildren() {}

  /** The child elements of {@code parent} named {@code tag} (every child element when {@code tag} is null). */
  static List<Element> children(Node parent, String tag) {
    List<Element> out = new ArrayList<>();
    NodeList list = parent.getChildNodes();
    for (int i = 0; i < list.getLength(); i++) {
      if (list.item(i) instanceof Element e && (tag == null || e.getTagName().equals(tag))) {
        out.add(e);
      }
    }
    return out;
  }

  /** The text of the first child named {@code tag}, trimmed; null when there is none. */
  static String text(Element e, String tag) {
    List<Element> c = children(e, tag);
    return c.isEmpty() ? null : c.get(0).getTextContent().strip();
  }
}
