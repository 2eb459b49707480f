package org.ensemble.protocol.crdt;

/**
 * A root type that updates mention but whose kind the application has not asked for yet. It keeps
 * the items until {@code getMap}/{@code getArray}/... turns it into the requested type.
 */
final class UnresolvedRoot extends AbstractType {
  @Override
  AbstractType emptyCopy() {
    return new UnresolvedRoot();
  }

  @Override
  void writeTypeRef(UpdateEncoder encoder) {
    throw new IllegalStateException("a root type is never written as content");
  }

  @Override
  public Object toJSON() {
    return org.ensemble.protocol.lib0.Undefined.VALUE;
  }
}
