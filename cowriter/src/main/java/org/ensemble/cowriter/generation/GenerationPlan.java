package org.ensemble.cowriter.generation;

import java.util.EnumMap;
import java.util.Map;
import org.ensemble.cowriter.model.ModelSpec;
import org.ensemble.cowriter.model.Roll;
import org.ensemble.cowriter.sampling.Controls;
import org.ensemble.schema.MetaView;
import org.ensemble.schema.NoteView;
import org.ensemble.schema.ProjectView;
import org.ensemble.schema.TrackView;

/**
 * A request made concrete against the project as it was when the request came: the region in
 * sixteenth-note steps, the window of the piece the network sees (the region and up to
 * {@link #CONTEXT_STEPS} on each side), the piano roll of that window with the region masked, the
 * track that holds each voice, and the sampling controls. Refuses what the project cannot satisfy.
 */
public record GenerationPlan(GenerationRequest request, long stepTicks, int stepsPerBar, int regionStart,
                             int regionEnd, int windowStart, Roll template, Map<Voice, String> trackIds,
                             Controls controls, int ticksPerQuarter) {
  /** Steps of context on each side of the region: two 4/4 bars. */
  public static final int CONTEXT_STEPS = 32;
  /**
   * The longest region one request may write: a whole chorale (the longest has 40 bars) in one
   * request. The network is convolutional along time, so a long region is sampled in one window.
   */
  public static final int MAX_REGION_BARS = 64;
  static final int STEPS_PER_QUARTER = ModelSpec.STEPS_PER_QUARTER;

  public static GenerationPlan of(GenerationRequest request, ProjectView project, ModelSpec spec) {
    MetaView meta = project.meta();
    if (meta.ticksPerQuarter() % STEPS_PER_QUARTER != 0) {
      throw GenerationException.badRequest("the generator works on sixteenth notes: ticksPerQuarter "
          + meta.ticksPerQuarter() + " is not divisible by 4");
    }
    long stepTicks = meta.ticksPerQuarter() / STEPS_PER_QUARTER;
    long barTicks = meta.timeSignature().ticksPerBar(meta.ticksPerQuarter());
    long beatTicks = barTicks / meta.timeSignature().numerator();
    if (barTicks % stepTicks != 0 || beatTicks % stepTicks != 0) {
      throw GenerationException.badRequest("the generator works on sixteenth notes: a " + meta.timeSignature()
          + " bar or beat is not a whole number of sixteenths");
    }
    int stepsPerBar = (int) (barTicks / stepTicks);
    int stepsPerBeat = (int) (beatTicks / stepTicks);
    Map<Voice, TrackView> tracks = tracksByVoice(project);
    for (Voice v : request.voices()) {
      if (!tracks.containsKey(v)) {
        throw GenerationException.badRequest("the project has no track with role \"" + v.role().schemaName()
            + "\" for the voice " + v.wireName());
      }
    }
    if (request.mode() == Mode.HARMONIZE && !tracks.containsKey(Voice.SOPRANO)) {
      throw GenerationException.badRequest("harmonize needs a melody: a track with role \"soprano\"");
    }
    long pieceEnd = 0;
    for (TrackView t : project.tracks()) {
      for (NoteView n : t.notes()) {
        pieceEnd = Math.max(pieceEnd, n.end());
      }
    }
    int pieceBars = (int) ((pieceEnd + barTicks - 1) / barTicks);
    int start;
    int end;
    if (request.mode() == Mode.CONTINUE) {
      start = pieceBars * stepsPerBar;
      end = start + request.bars() * stepsPerBar;
    } else {
      start = request.startBeat() != null ? request.startBeat() * stepsPerBeat : request.startBar() * stepsPerBar;
      end = request.endBeat() != null ? request.endBeat() * stepsPerBeat : request.endBar() * stepsPerBar;
      if (start < 0 || end <= start) {
        throw GenerationException.badRequest("the region must start at bar 1 or later and end after it starts");
      }
      if (end > pieceBars * stepsPerBar) {
        throw GenerationException.badRequest("the region (" + bars(start, end, stepsPerBar) + ") ends after the piece, "
            + "which has " + pieceBars + " bar" + (pieceBars == 1 ? "" : "s") + " (use \"continue\" to add bars)");
      }
    }
    if (end - start > MAX_REGION_BARS * stepsPerBar) {
      throw GenerationException.badRequest("a region may have at most " + MAX_REGION_BARS + " bars, not "
          + (end - start + stepsPerBar - 1) / stepsPerBar + " " + bars(start, end, stepsPerBar));
    }
    if (request.mode() == Mode.HARMONIZE) {
      int[] melody = melodySpan(tracks.get(Voice.SOPRANO), stepTicks, start, end);
      if (melody == null) {
        throw GenerationException.badRequest("harmonize needs a melody: the soprano has no notes in "
            + bars(start, end, stepsPerBar));
      }
      start = melody[0];
      end = melody[1];
    }
    int windowStart = Math.max(0, start - CONTEXT_STEPS);
    int pieceSteps = (int) ((pieceEnd + stepTicks - 1) / stepTicks);
    int windowEnd = Math.max(end, Math.min(pieceSteps, end + CONTEXT_STEPS));
    Roll template = new Roll(windowEnd - windowStart, windowStart % STEPS_PER_QUARTER);
    Map<Voice, String> trackIds = new EnumMap<>(Voice.class);
    tracks.forEach((voice, track) -> {
      trackIds.put(voice, track.id());
      fill(template, voice.ordinal(), track, stepTicks, windowStart, spec);
    });
    for (Voice v : request.voices()) {
      for (int t = start; t < end; t++) {
        template.setMasked(v.ordinal(), t - windowStart, true);
      }
    }
    Controls controls = Controls.fromSliders(request.surprise(), request.happy(), request.busy(), request.different(),
        meta.key().tonicPitchClass(), meta.key().mode() == org.ensemble.schema.KeySignature.Mode.MINOR,
        request.keyLock(), rangeArray(request), Controls.DEFAULT_GIBBS_STEPS,
        request.mode() == Mode.VARIATION ? request.strength() : 1, request.strictLock());
    return new GenerationPlan(request, stepTicks, stepsPerBar, start, end, windowStart, template, trackIds, controls,
        meta.ticksPerQuarter());
  }

  /**
   * The steps from the first soprano note sounding in [start, end) to the end of the last: harmonize
   * writes under the melody, never before it begins or after it ends. Null when none sounds there.
   */
  private static int[] melodySpan(TrackView soprano, long stepTicks, int start, int end) {
    int first = Integer.MAX_VALUE;
    int last = Integer.MIN_VALUE;
    for (NoteView n : soprano.notes()) {
      int from = (int) Math.max(start, (n.start() + stepTicks - 1) / stepTicks);
      int to = (int) Math.min(end, (n.end() + stepTicks - 1) / stepTicks);
      if (from < to) {
        first = Math.min(first, from);
        last = Math.max(last, to);
      }
    }
    return first < last ? new int[] {first, last} : null;
  }

  /** A region in words, its bars counted from 1 as the studio counts them: "bars 3–4", "bar 5". */
  static String bars(int start, int end, int stepsPerBar) {
    int first = start / stepsPerBar + 1;
    int last = (end - 1) / stepsPerBar + 1;
    return first == last ? "bar " + first : "bars " + first + "–" + last;
  }

  /** The first track with each voice's role. */
  static Map<Voice, TrackView> tracksByVoice(ProjectView project) {
    Map<Voice, TrackView> tracks = new EnumMap<>(Voice.class);
    for (TrackView t : project.tracks()) {
      for (Voice v : Voice.values()) {
        if (t.role() == v.role()) {
          tracks.putIfAbsent(v, t);
        }
      }
    }
    return tracks;
  }

  /** Marks the steps each note sounds at: those whose start tick lies in [start, end). */
  private static void fill(Roll roll, int voice, TrackView track, long stepTicks, int windowStart, ModelSpec spec) {
    for (NoteView n : track.notes()) {
      long first = (n.start() + stepTicks - 1) / stepTicks;
      long last = (n.end() + stepTicks - 1) / stepTicks; // exclusive
      for (long s = Math.max(first, windowStart); s < Math.min(last, windowStart + roll.steps()); s++) {
        roll.setPitch(voice, (int) (s - windowStart), spec.index(n.pitch()));
      }
    }
  }

  private static int[][] rangeArray(GenerationRequest request) {
    if (request.ranges() == null) {
      return null;
    }
    int[][] ranges = new int[4][];
    request.ranges().forEach((voice, range) -> ranges[voice.ordinal()] = range);
    return ranges;
  }

  /** The same plan sampled with other controls (benchmarks and tuning; the API's plans keep theirs). */
  public GenerationPlan withControls(Controls other) {
    return new GenerationPlan(request, stepTicks, stepsPerBar, regionStart, regionEnd, windowStart, template, trackIds,
        other, ticksPerQuarter);
  }

  public long regionStartTick() {
    return regionStart * stepTicks;
  }

  public long regionEndTick() {
    return regionEnd * stepTicks;
  }
}
