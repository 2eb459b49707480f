package org.ensemble.schema.partwriting;

import org.ensemble.schema.KeySignature;

/** Note names for explanations ("F#4"), spelled with flats in flat keys and sharps otherwise. */
final class PitchNames {
  private static final String[] SHARPS = {"C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"};
  private static final String[] FLATS = {"C", "Db", "D", "Eb", "E", "F", "Gb", "G", "Ab", "A", "Bb", "B"};

  private final String[] names;

  PitchNames(KeySignature key) {
    this.names = key.sharps() < 0 ? FLATS : SHARPS;
  }

  /** MIDI 60 is C4. */
  String name(int pitch) {
    return names[Math.floorMod(pitch, 12)] + (Math.floorDiv(pitch, 12) - 1);
  }
}
