package org.ensemble.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ensemble.schema.KeySignature.Mode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeySignatureTest {
  @ParameterizedTest
  @CsvSource({"C,major,0,0", "G,major,1,7", "F#,major,6,6", "C#,major,7,1", "F,major,-1,5", "Cb,major,-7,11",
      "A,minor,0,9", "E,minor,1,4", "A#,minor,7,10", "D,minor,-1,2", "Ab,minor,-7,8", "Eb,minor,-6,3"})
  void sharpsAndTonicPitchClassFollowTheCircleOfFifths(String tonic, String mode, int sharps, int pitchClass) {
    KeySignature key = new KeySignature(tonic, Mode.fromSchemaName(mode).orElseThrow());

    assertEquals(sharps, key.sharps());
    assertEquals(pitchClass, key.tonicPitchClass());
  }

  @Test
  void keysNeedingMoreThanSevenAccidentalsAreRefused() {
    assertTrue(KeySignature.of("G#", Mode.MAJOR).isEmpty());
    assertTrue(KeySignature.of("Fb", Mode.MAJOR).isEmpty());
    assertTrue(KeySignature.of("Db", Mode.MINOR).isEmpty());
    assertThrows(IllegalArgumentException.class, () -> new KeySignature("E#", Mode.MINOR));
  }

  @Test
  void tonicsMustBeALetterWithAnAsciiAccidental() {
    assertTrue(KeySignature.of("g", Mode.MAJOR).isEmpty());
    assertTrue(KeySignature.of("F♯", Mode.MAJOR).isEmpty());
    assertTrue(KeySignature.of("Bbb", Mode.MAJOR).isEmpty());
    assertTrue(KeySignature.of("", Mode.MAJOR).isEmpty());
    assertTrue(KeySignature.of("H", Mode.MINOR).isEmpty());
  }

  @Test
  void printsAsTonicAndMode() {
    assertEquals("Bb minor", new KeySignature("Bb", Mode.MINOR).toString());
  }
}
