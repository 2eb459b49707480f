package org.ensemble.server.history;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.ensemble.protocol.crdt.Doc;
import org.ensemble.protocol.crdt.YMap;
import org.ensemble.schema.ProjectSchema;

/**
 * Brings the live document's settings back to a version's, inside the restore's edit: title, tempo,
 * key, time signature and ticks per quarter (the notes' ticks were written in that resolution), each
 * written only where it differs; a setting the version did not have is left as it is, and the schema
 * version is never written back.
 */
final class SettingsTarget {
  static final List<String> RESTORED = List.of(ProjectSchema.Meta.TITLE, ProjectSchema.Meta.TEMPO_BPM,
      ProjectSchema.Meta.KEY, ProjectSchema.Meta.TIME_SIGNATURE, ProjectSchema.Meta.TICKS_PER_QUARTER);

  private SettingsTarget() {}

  /** Sets {@code doc}'s settings to {@code wanted}'s; returns the keys it changed, in {@link #RESTORED}'s order. */
  static List<String> apply(Doc doc, Map<String, Object> wanted) {
    YMap meta = doc.getMap(ProjectSchema.META);
    List<String> changed = new ArrayList<>();
    for (String key : RESTORED) {
      if (wanted.containsKey(key) && !same(meta.get(key), wanted.get(key))) {
        meta.set(key, wanted.get(key));
        changed.add(key);
      }
    }
    return changed;
  }

  /** Numbers compare by value (a tempo read back as a double equals the same tempo written as an int). */
  private static boolean same(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      return x.doubleValue() == y.doubleValue();
    }
    return Objects.equals(a, b);
  }
}
