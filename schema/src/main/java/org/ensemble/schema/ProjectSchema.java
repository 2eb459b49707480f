package org.ensemble.schema;

/**
 * The names of the project document: its version, its root types and the keys of every map in it.
 * Each name is written here once so that the reader, the templates, the JSON view and the exports
 * cannot drift apart. {@code docs/document-schema.md} explains what each one holds.
 */
public final class ProjectSchema {
  /** The schema version this code reads and writes ({@code meta.schemaVersion}). */
  public static final int VERSION = 1;

  /** Root {@code Y.Map}: the project's settings. */
  public static final String META = "meta";
  /** Root {@code Y.Array} of track {@code Y.Map}s. */
  public static final String TRACKS = "tracks";
  /** Root {@code Y.Array} of section {@code Y.Map}s. */
  public static final String SECTIONS = "sections";
  /** Root {@code Y.Map} reserved for the AI's candidates, keyed by suggestion id. */
  public static final String SUGGESTIONS = "suggestions";
  /** Comment threads by id (docs/document-schema.md, "comments"); written by the server only. */
  public static final String COMMENTS = "comments";

  private ProjectSchema() {}

  /** Keys of {@code meta}. */
  public static final class Meta {
    public static final String TITLE = "title";
    public static final String TEMPO_BPM = "tempoBpm";
    public static final String KEY = "key";
    public static final String TIME_SIGNATURE = "timeSignature";
    public static final String TICKS_PER_QUARTER = "ticksPerQuarter";
    public static final String SCHEMA_VERSION = "schemaVersion";

    private Meta() {}
  }

  /** Keys of the plain object in {@code meta.key}. */
  public static final class Key {
    public static final String TONIC = "tonic";
    public static final String MODE = "mode";

    private Key() {}
  }

  /** Keys of a track map. */
  public static final class Track {
    public static final String ID = "id";
    public static final String NAME = "name";
    public static final String INSTRUMENT = "instrument";
    public static final String ROLE = "role";
    public static final String MUTE = "mute";
    public static final String SOLO = "solo";
    public static final String GAIN = "gain";
    public static final String PAN = "pan";
    public static final String NOTES = "notes";

    private Track() {}
  }

  /** Keys of a note map. */
  public static final class Note {
    public static final String ID = "id";
    public static final String PITCH = "pitch";
    public static final String START = "start";
    public static final String DURATION = "duration";
    public static final String VELOCITY = "velocity";

    private Note() {}
  }

  /** Keys of a section map. */
  public static final class Section {
    public static final String NAME = "name";
    public static final String START = "start";
    public static final String LENGTH = "length";

    private Section() {}
  }
}
