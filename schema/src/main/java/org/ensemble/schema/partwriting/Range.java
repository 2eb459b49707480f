package org.ensemble.schema.partwriting;

import java.util.List;
import org.ensemble.schema.NoteView;

/** Ranges: each note within its voice's range ({@link Part#lowest()} to {@link Part#highest()}). */
final class Range implements Rule {
  static final String ID = "range";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String summary() {
    return "Each voice stays in its singable range.";
  }

  @Override
  public void check(Texture t, List<Finding> out) {
    for (Part part : Part.values()) {
      for (NoteView note : t.notes(part)) {
        if (note.pitch() < part.lowest() || note.pitch() > part.highest()) {
          out.add(t.finding(ID, note.start(), List.of(part), List.of(note.id()),
              part.title() + " sings " + t.name(note.pitch()) + ", " + (note.pitch() < part.lowest() ? "below" : "above")
                  + " its range (" + t.name(part.lowest()) + " to " + t.name(part.highest()) + "). Most singers "
                  + "cannot sing it comfortably; move the note an octave or give it to another voice."));
        }
      }
    }
  }
}
