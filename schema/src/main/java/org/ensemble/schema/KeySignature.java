package org.ensemble.schema;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * A major or minor key: a tonic spelled as a letter with an optional {@code #} or {@code b}
 * ({@code "G"}, {@code "F#"}, {@code "Bb"}) and a mode. Only keys that a key signature can write are
 * allowed, at most seven sharps or flats: {@code "G# major"} is refused (it would need eight sharps;
 * its enharmonic {@code "Ab major"} is fine).
 */
public record KeySignature(String tonic, Mode mode) {
  public static final KeySignature C_MAJOR = new KeySignature("C", Mode.MAJOR);

  /** Major and minor, as the schema spells them. */
  public enum Mode {
    MAJOR("major"),
    MINOR("minor");

    private final String schemaName;

    Mode(String schemaName) {
      this.schemaName = schemaName;
    }

    public String schemaName() {
      return schemaName;
    }

    public static Optional<Mode> fromSchemaName(String name) {
      for (Mode mode : values()) {
        if (mode.schemaName.equals(name)) {
          return Optional.of(mode);
        }
      }
      return Optional.empty();
    }
  }

  public KeySignature {
    if (mode == null || tonic == null || fifthsOf(tonic, mode).isEmpty()) {
      throw new IllegalArgumentException("not a key with at most 7 sharps or flats: " + tonic + " " + mode);
    }
  }

  /** The key that {@code tonic} and {@code mode} spell, if the schema allows it. */
  public static Optional<KeySignature> of(String tonic, Mode mode) {
    return fifthsOf(tonic, mode).isPresent() ? Optional.of(new KeySignature(tonic, mode)) : Optional.empty();
  }

  /** Sharps (positive) or flats (negative) in the signature, as a MIDI key signature event stores it. */
  public int sharps() {
    return fifthsOf(tonic, mode).orElseThrow();
  }

  /** The tonic's pitch class, 0 for C to 11 for B. */
  public int tonicPitchClass() {
    int[] naturals = {9, 11, 0, 2, 4, 5, 7}; // A B C D E F G
    int pc = naturals[tonic.charAt(0) - 'A'] + accidental(tonic);
    return Math.floorMod(pc, 12);
  }

  /** Whether {@code tonic} is spelled as the schema wants: a letter A to G, then nothing, # or b. */
  public static boolean isTonicSpelling(String tonic) {
    return tonic != null && (tonic.length() == 1 || tonic.length() == 2)
        && tonic.charAt(0) >= 'A' && tonic.charAt(0) <= 'G'
        && (tonic.length() == 1 || tonic.charAt(1) == '#' || tonic.charAt(1) == 'b');
  }

  /**
   * Counts the key's position on the circle of fifths: each letter's place from F (-1) to B (5), seven
   * steps more per sharp, seven fewer per flat, three fewer for minor (its relative major is a minor
   * third up). Empty when the spelling is wrong or the key would need more than seven accidentals.
   */
  static OptionalInt fifthsOf(String tonic, Mode mode) {
    if (!isTonicSpelling(tonic) || mode == null) {
      return OptionalInt.empty();
    }
    int[] letterFifths = {3, 5, 0, 2, 4, -1, 1}; // A B C D E F G
    int fifths = letterFifths[tonic.charAt(0) - 'A'] + 7 * accidental(tonic) - (mode == Mode.MINOR ? 3 : 0);
    return Math.abs(fifths) <= 7 ? OptionalInt.of(fifths) : OptionalInt.empty();
  }

  private static int accidental(String tonic) {
    return tonic.length() == 1 ? 0 : tonic.charAt(1) == '#' ? 1 : -1;
  }

  @Override
  public String toString() {
    return tonic + " " + mode.schemaName();
  }
}
