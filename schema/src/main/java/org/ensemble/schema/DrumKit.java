package org.ensemble.schema;

import java.util.Map;

/** General MIDI's percussion key map (channel 10): the kit piece each key plays. */
final class DrumKit {
  private static final Map<Integer, String> PIECES = Map.ofEntries(
      Map.entry(35, "Kick 2"), Map.entry(36, "Kick"), Map.entry(37, "Side stick"), Map.entry(38, "Snare"),
      Map.entry(39, "Hand clap"), Map.entry(40, "Electric snare"), Map.entry(41, "Low floor tom"),
      Map.entry(42, "Closed hi-hat"), Map.entry(43, "High floor tom"), Map.entry(44, "Pedal hi-hat"),
      Map.entry(45, "Low tom"), Map.entry(46, "Open hi-hat"), Map.entry(47, "Low-mid tom"),
      Map.entry(48, "High-mid tom"), Map.entry(49, "Crash"), Map.entry(50, "High tom"), Map.entry(51, "Ride"),
      Map.entry(52, "Chinese cymbal"), Map.entry(53, "Ride bell"), Map.entry(54, "Tambourine"),
      Map.entry(55, "Splash"), Map.entry(56, "Cowbell"), Map.entry(57, "Crash 2"), Map.entry(58, "Vibraslap"),
      Map.entry(59, "Ride 2"), Map.entry(60, "High bongo"), Map.entry(61, "Low bongo"),
      Map.entry(62, "Mute high conga"), Map.entry(63, "Open high conga"), Map.entry(64, "Low conga"),
      Map.entry(65, "High timbale"), Map.entry(66, "Low timbale"), Map.entry(67, "High agogo"),
      Map.entry(68, "Low agogo"), Map.entry(69, "Cabasa"), Map.entry(70, "Maracas"), Map.entry(71, "Short whistle"),
      Map.entry(72, "Long whistle"), Map.entry(73, "Short guiro"), Map.entry(74, "Long guiro"),
      Map.entry(75, "Claves"), Map.entry(76, "High wood block"), Map.entry(77, "Low wood block"),
      Map.entry(78, "Mute cuica"), Map.entry(79, "Open cuica"), Map.entry(80, "Mute triangle"),
      Map.entry(81, "Open triangle"));

  private DrumKit() {}

  static String pieceName(int key) {
    return PIECES.getOrDefault(key, "Percussion key " + key);
  }
}
