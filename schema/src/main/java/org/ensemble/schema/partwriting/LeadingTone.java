package org.ensemble.schema.partwriting;

import java.util.List;

/**
 * The leading tone's resolution in the soprano: at a cadence from V to I (the bass moving from the
 * dominant to the tonic), a leading tone in the soprano should rise a semitone to the tonic. In an
 * inner voice it may fall to the fifth, so only the soprano is checked. The key is the project's key.
 */
final class LeadingTone implements Rule {
  static final String ID = "leading-tone";
  private static final int DOMINANT = 7;
  private static final int LEADING_TONE = 11;

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String summary() {
    return "At a V–I, a leading tone in the soprano rises to the tonic.";
  }

  @Override
  public void check(Texture t, List<Finding> out) {
    for (int e = 1; e < t.events(); e++) {
      if (t.at(e - 1, Part.SOPRANO) == null || t.at(e, Part.SOPRANO) == null || !t.moves(e, Part.BASS)) {
        continue;
      }
      int bassBefore = t.degree(t.at(e - 1, Part.BASS).pitch());
      int bassAfter = t.degree(t.at(e, Part.BASS).pitch());
      int soprano = t.at(e - 1, Part.SOPRANO).pitch();
      int sopranoAfter = t.at(e, Part.SOPRANO).pitch();
      if (bassBefore == DOMINANT && bassAfter == 0 && t.degree(soprano) == LEADING_TONE && sopranoAfter != soprano + 1) {
        out.add(t.finding(ID, t.time(e), List.of(Part.SOPRANO, Part.BASS),
            Intervals.noteIds(t, e, Part.SOPRANO, Part.BASS),
            "At this V–I cadence the soprano's leading tone " + t.name(soprano) + " goes to " + t.name(sopranoAfter)
                + " instead of rising a semitone to the tonic " + t.name(soprano + 1) + ". The leading tone pulls "
                + "up to the tonic; in the top voice the ear expects that resolution."));
      }
    }
  }
}
