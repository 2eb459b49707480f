package org.ensemble.schema;

import static org.ensemble.schema.ProjectSchema.META;
import static org.ensemble.schema.ProjectSchema.SECTIONS;
import static org.ensemble.schema.ProjectSchema.TRACKS;

import java.util.List;
import org.ensemble.protocol.crdt.Doc;
import org.ensemble.protocol.crdt.YArray;

/**
 * New projects. Each template writes into an empty document in one transaction with the caller's
 * origin, so the server can send it through the same attributed path as any other edit, and
 * collaborators receive it as one update.
 */
public final class Templates {
  public static final double CHORALE_TEMPO_BPM = 72;
  /** The chorale's two sections, in bars. */
  public static final int CHORALE_PHRASE_BARS = 4;

  private Templates() {}

  /** Settings only ({@link MetaView#DEFAULTS} with this title); no tracks, no sections. */
  public static void emptyProject(Doc doc, String title, Object origin) {
    emptyProject(doc, title, MetaView.DEFAULTS.key(), origin);
  }

  /** Settings only, in {@code key} (the key the person chose when creating the project). */
  public static void emptyProject(Doc doc, String title, KeySignature key, Object origin) {
    requireEmpty(doc);
    MetaView d = MetaView.DEFAULTS;
    MetaView meta = new MetaView(title, d.tempoBpm(), key, d.timeSignature(), d.ticksPerQuarter(), d.schemaVersion());
    doc.transact(t -> ProjectMaps.writeMeta(doc.getMap(META), meta), origin);
  }

  /**
   * A four-voice chorale: soprano, alto, tenor and bass tracks (Choir Aahs, spread across the stereo
   * field), 72 bpm, 4/4, 480 ticks per quarter, two four-bar sections "Phrase 1" and "Phrase 2", and
   * an I–IV–V–I cadence in {@code key} in the first two bars.
   */
  public static void fourPartChorale(Doc doc, KeySignature key, String title, Object origin) {
    requireEmpty(doc);
    MetaView meta = new MetaView(title, CHORALE_TEMPO_BPM, key, TimeSignature.COMMON_TIME,
        SchemaLimits.DEFAULT_TICKS_PER_QUARTER, ProjectSchema.VERSION);
    long phrase = CHORALE_PHRASE_BARS * meta.timeSignature().ticksPerBar(meta.ticksPerQuarter());
    List<SectionView> sections = List.of(new SectionView("Phrase 1", 0, phrase),
        new SectionView("Phrase 2", phrase, phrase));
    List<TrackView> tracks = ChoraleCadence.tracks(key, meta.ticksPerQuarter());
    doc.transact(t -> {
      ProjectMaps.writeMeta(doc.getMap(META), meta);
      YArray trackArray = doc.getArray(TRACKS);
      trackArray.push(tracks.stream().map(ProjectMaps::track).toList());
      YArray sectionArray = doc.getArray(SECTIONS);
      sectionArray.push(sections.stream().map(ProjectMaps::section).toList());
    }, origin);
  }

  private static void requireEmpty(Doc doc) {
    if (doc.stateVector().size() > 0) {
      throw new IllegalArgumentException("a template is written into an empty document; " + doc + " has content");
    }
  }
}
