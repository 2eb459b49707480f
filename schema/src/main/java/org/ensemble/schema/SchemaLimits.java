package org.ensemble.schema;

/**
 * The ranges every number of the schema must lie in, and the defaults a reader uses for a value it
 * cannot use. Templates and clients write these defaults into new maps too.
 */
public final class SchemaLimits {
  public static final double MIN_TEMPO_BPM = 20;
  public static final double MAX_TEMPO_BPM = 400;
  public static final int MIN_TICKS_PER_QUARTER = 1;
  /** A Standard MIDI File stores its division in 15 bits. */
  public static final int MAX_TICKS_PER_QUARTER = 0x7FFF;
  public static final int MAX_TIME_SIGNATURE_NUMERATOR = 32;
  /** Denominators are powers of two (a MIDI time signature stores their log2), 1 to 64. */
  public static final int MAX_TIME_SIGNATURE_DENOMINATOR = 64;
  /**
   * The last tick a note or section may reach (its start plus its duration or length): the largest
   * delta time a Standard MIDI File can hold, so that every valid document exports.
   */
  public static final long MAX_TICK = 0x0FFF_FFFF;
  public static final int MAX_MIDI_VALUE = 127;
  public static final int MIN_VELOCITY = 1;

  public static final String DEFAULT_TITLE = "Untitled";
  public static final double DEFAULT_TEMPO_BPM = 120;
  public static final int DEFAULT_TICKS_PER_QUARTER = 480;
  /** General MIDI program 0, Acoustic Grand Piano. */
  public static final int DEFAULT_INSTRUMENT = 0;
  /** Leaves headroom, and maps to MIDI volume 102, close to General MIDI's power-on 100. */
  public static final double DEFAULT_GAIN = 0.8;
  public static final double DEFAULT_PAN = 0;

  private SchemaLimits() {}
}
