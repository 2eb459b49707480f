package org.ensemble.schema;

import static org.ensemble.schema.SchemaLimits.MAX_TICK;

import java.util.Objects;

/** A named span of the piece (verse, phrase, chorus) from {@code start} for {@code length} ticks. */
public record SectionView(String name, long start, long length) {
  public SectionView {
    Objects.requireNonNull(name, "name");
    if (start < 0 || length < 1 || start + length > MAX_TICK) {
      throw new IllegalArgumentException("not a valid section: " + name + " " + start + "+" + length);
    }
  }

  public long end() {
    return start + length;
  }
}
