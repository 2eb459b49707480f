package org.ensemble.cowriter.sampling;

/**
 * The musician's sliders and locks, already turned into sampling terms. Sliders run from −1 to 1
 * with 0 meaning "as the model would": see {@link #fromSliders}.
 *
 * @param temperature   divides the log-probabilities: below 1 conventional, above 1 surprising
 * @param majorBias     added to the logits of the major mode's own degrees (3, 6, 7 of the tonic)
 *                      and subtracted from the minor mode's (♭3, ♭6, ♭7): sad ↔ happy
 * @param holdBias      added to the logit of the pitch the voice already holds on the step before:
 *                      positive gives fewer note changes per beat (sparse), negative more (busy)
 * @param keepBias      added to the logit of the cell's current pitch in the project (similar ↔ different)
 * @param tonic         pitch class of the project's tonic (0 = C)
 * @param minor         whether the project is in a minor key
 * @param keyLock       only the key's scale (for minor: natural, harmonic and melodic forms)
 * @param ranges        per voice {lowest, highest} MIDI note allowed, or null for no range lock
 * @param gibbsSteps    blocked Gibbs sweeps
 * @param maxMaskRate   the masking rate of the first sweep: 1 writes afresh, less varies the notes
 * @param strict        the strict part-writing lock ({@link StrictPartWriting})
 * @param notePrior     weight of Bach's note-length prior ({@link HoldPrior}) on each cell: 0 off, 1 as fitted
 * @param settle        temperature factor of the last sweeps (those after the masking rate has fallen):
 *                      below 1 the candidate settles on the likelier of its details
 * @param resampling    what a sweep after the first hides and draws anew: cells or whole notes
 */
public record Controls(double temperature, double majorBias, double holdBias, double keepBias, int tonic, boolean minor,
                       boolean keyLock, int[][] ranges, int gibbsSteps, double maxMaskRate, boolean strict,
                       double notePrior, double settle, Resampling resampling) {
  /** Logit shift at a slider's end: e^2.5 ≈ 12× more (or less) likely. */
  public static final double SLIDER_SCALE = 2.5;
  public static final int DEFAULT_GIBBS_STEPS = 12;
  /**
   * The temperature of the surprise slider's middle: 0.65 × 2^surprise, 0.33 … 1.3. Tuned on the
   * validation split with the note prior and the strict lock on: at 1 the harmonizations had 90.8 %
   * of their notes in the key and 4.4 notes per voice per bar, at 0.65 93.5 % and 3.7 (Bach: 93.7 %,
   * 3.6); MODEL_CARD.md.
   */
  public static final double BASE_TEMPERATURE = 0.65;
  /** The note-length prior's weight the studio samples with (tuned on the validation split; MODEL_CARD.md). */
  public static final double DEFAULT_NOTE_PRIOR = 1;
  /** The last sweeps' temperature factor the studio samples with (tuned on the validation split). */
  public static final double DEFAULT_SETTLE = 1;
  /** What the studio's sweeps resample (measured against whole notes on the validation split; MODEL_CARD.md). */
  public static final Resampling DEFAULT_RESAMPLING = Resampling.CELLS;

  /** The network alone: no prior, no lock, no settling (what the likelihood figures describe). */
  public static Controls neutral(int tonic, boolean minor) {
    return new Controls(1, 0, 0, 0, tonic, minor, false, null, DEFAULT_GIBBS_STEPS, 1, false, 0, 1, Resampling.CELLS);
  }

  /**
   * @param surprise  −1 conventional … 1 surprising: temperature {@link #BASE_TEMPERATURE} × (0.5 … 2)
   * @param happy     −1 sad … 1 happy
   * @param busy      −1 sparse … 1 busy
   * @param different −1 similar … 1 different to the region's current notes
   * @param strict    the strict part-writing lock
   */
  public static Controls fromSliders(double surprise, double happy, double busy, double different, int tonic, boolean minor,
                                     boolean keyLock, int[][] ranges, int gibbsSteps, double maxMaskRate,
                                     boolean strict) {
    return new Controls(BASE_TEMPERATURE * Math.pow(2, surprise), happy * SLIDER_SCALE, -busy * SLIDER_SCALE, -different * SLIDER_SCALE,
        tonic, minor, keyLock, ranges, gibbsSteps, maxMaskRate, strict, DEFAULT_NOTE_PRIOR, DEFAULT_SETTLE,
        DEFAULT_RESAMPLING);
  }

  public Controls withTemperature(double t) {
    return new Controls(t, majorBias, holdBias, keepBias, tonic, minor, keyLock, ranges, gibbsSteps, maxMaskRate,
        strict, notePrior, settle, resampling);
  }

  public Controls withMajorBias(double b) {
    return new Controls(temperature, b, holdBias, keepBias, tonic, minor, keyLock, ranges, gibbsSteps, maxMaskRate,
        strict, notePrior, settle, resampling);
  }

  public Controls withGibbsSteps(int n) {
    return new Controls(temperature, majorBias, holdBias, keepBias, tonic, minor, keyLock, ranges, n, maxMaskRate,
        strict, notePrior, settle, resampling);
  }

  public Controls withStrict(boolean on) {
    return new Controls(temperature, majorBias, holdBias, keepBias, tonic, minor, keyLock, ranges, gibbsSteps,
        maxMaskRate, on, notePrior, settle, resampling);
  }

  public Controls withNotePrior(double weight) {
    return new Controls(temperature, majorBias, holdBias, keepBias, tonic, minor, keyLock, ranges, gibbsSteps,
        maxMaskRate, strict, weight, settle, resampling);
  }

  public Controls withSettle(double factor) {
    return new Controls(temperature, majorBias, holdBias, keepBias, tonic, minor, keyLock, ranges, gibbsSteps,
        maxMaskRate, strict, notePrior, factor, resampling);
  }

  public Controls withResampling(Resampling r) {
    return new Controls(temperature, majorBias, holdBias, keepBias, tonic, minor, keyLock, ranges, gibbsSteps,
        maxMaskRate, strict, notePrior, settle, r);
  }
}
