package org.ensemble.schema.partwriting;

import java.util.List;

/**
 * Hidden (direct) fifths or octaves in the outer voices: soprano and bass move the same way into a
 * perfect fifth (or octave) from another interval, with the soprano leaping. A soprano that moves by
 * step (a second) is the usual exception and is not reported; the same interval before and after is a
 * parallel, reported by {@link ParallelPerfects}.
 */
final class HiddenPerfects implements Rule {
  static final String FIFTHS = "hidden-fifths";
  static final String OCTAVES = "hidden-octaves";
  private static final int STEP = 2;

  private final String id;
  private final int interval;
  private final String word;

  private HiddenPerfects(String id, int interval, String word) {
    this.id = id;
    this.interval = interval;
    this.word = word;
  }

  static HiddenPerfects fifths() {
    return new HiddenPerfects(FIFTHS, 7, "fifth");
  }

  static HiddenPerfects octaves() {
    return new HiddenPerfects(OCTAVES, 0, "octave");
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String summary() {
    return "Soprano and bass should not reach a perfect " + word + " by similar motion with a leap in the soprano.";
  }

  @Override
  public void check(Texture t, List<Finding> out) {
    for (int e = 1; e < t.events(); e++) {
      if (!t.moves(e, Part.SOPRANO) || !t.moves(e, Part.BASS)) {
        continue;
      }
      int sopranoStep = t.at(e, Part.SOPRANO).pitch() - t.at(e - 1, Part.SOPRANO).pitch();
      int bassStep = t.at(e, Part.BASS).pitch() - t.at(e - 1, Part.BASS).pitch();
      int before = Math.floorMod(t.at(e - 1, Part.SOPRANO).pitch() - t.at(e - 1, Part.BASS).pitch(), 12);
      int after = Math.floorMod(t.at(e, Part.SOPRANO).pitch() - t.at(e, Part.BASS).pitch(), 12);
      if (Integer.signum(sopranoStep) == Integer.signum(bassStep) && after == interval && before != interval
          && Math.abs(sopranoStep) > STEP) {
        out.add(t.finding(id, t.time(e), List.of(Part.SOPRANO, Part.BASS),
            Intervals.noteIds(t, e, Part.SOPRANO, Part.BASS),
            "Hidden " + word + " between soprano and bass (" + Intervals.motion(t, e, Part.SOPRANO, Part.BASS)
                + "): the outer voices move the same way into a perfect " + word + " and the soprano leaps. "
                + "Let the soprano move by step, or move the voices in contrary motion."));
      }
    }
  }
}
