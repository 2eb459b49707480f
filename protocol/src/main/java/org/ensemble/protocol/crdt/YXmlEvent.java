package org.ensemble.protocol.crdt;

import java.util.Collections;
import java.util.HashSet;
import java.util.Set;

/** A change of an XML node: its children and/or attributes. */
public final class YXmlEvent extends YEvent {
  private final boolean childListChanged;
  private final Set<String> attributesChanged;

  YXmlEvent(AbstractType target, Set<String> subs, Transaction transaction) {
    super(target, transaction);
    boolean list = false;
    Set<String> attrs = new HashSet<>();
    for (String sub : subs) {
      if (sub == null) {
        list = true;
      } else {
        attrs.add(sub);
      }
    }
    childListChanged = list;
    attributesChanged = Collections.unmodifiableSet(attrs);
  }

  public boolean childListChanged() {
    return childListChanged;
  }

  public Set<String> attributesChanged() {
    return attributesChanged;
  }
}
