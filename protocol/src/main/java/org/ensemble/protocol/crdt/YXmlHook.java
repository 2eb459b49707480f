package org.ensemble.protocol.crdt;

/** A placeholder node for custom XML content: a named map. */
public class YXmlHook extends YMap {
  private final String hookName;

  public YXmlHook(String hookName) {
    this.hookName = hookName;
  }

  public String hookName() {
    return hookName;
  }

  @Override
  AbstractType emptyCopy() {
    return new YXmlHook(hookName);
  }

  @Override
  void writeTypeRef(UpdateEncoder encoder) {
    encoder.writeTypeRef(WireFormat.YXML_HOOK);
    encoder.writeKey(hookName);
  }
}
