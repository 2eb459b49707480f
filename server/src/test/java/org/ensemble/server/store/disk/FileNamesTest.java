package org.ensemble.server.store.disk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.ensemble.server.store.StoreException;
import org.junit.jupiter.api.Test;

class FileNamesTest {
  private static final List<String> IDS = List.of("a", "ab", "abc", "abcd", "abcde", "abcdef", "A",
      "../..", "/etc/passwd", "a\u0000b", "nul", "CON", "ä♪𝄞", "project:42:members", "{x}", " ",
      "x".repeat(FileNames.MAX_ID_BYTES));

  @Test
  void everyIdMapsToLowercaseBase32AndBack() {
    for (String id : IDS) {
      String name = FileNames.encode(id);
      assertTrue(name.matches("[a-z2-7]+"), id + " became " + name);
      assertEquals(Optional.of(id), FileNames.decode(name), name);
    }
  }

  @Test
  void knownVectorsOfRfc4648AreKept() {
    assertEquals("mzxw6ytboi", FileNames.encode("foobar"));
    assertEquals("my", FileNames.encode("f"));
  }

  @Test
  void emptyAndOverlongIdsAreRefused() {
    assertThrows(StoreException.class, () -> FileNames.encode(""));
    assertThrows(StoreException.class, () -> FileNames.encode("x".repeat(FileNames.MAX_ID_BYTES + 1)));
    // multi-byte characters count as their UTF-8 bytes
    assertThrows(StoreException.class, () -> FileNames.encode("ä".repeat(FileNames.MAX_ID_BYTES / 2 + 1)));
  }

  @Test
  void checkRefusesExactlyWhatEncodeRefuses() {
    for (String id : new String[] {"", "x", "x".repeat(FileNames.MAX_ID_BYTES), "x".repeat(FileNames.MAX_ID_BYTES + 1),
        "ä".repeat(FileNames.MAX_ID_BYTES / 2), "ä".repeat(FileNames.MAX_ID_BYTES / 2 + 1), "a\uD83C\uDFB5b"}) {
      boolean encodes = refuses(() -> FileNames.encode(id));
      assertEquals(encodes, refuses(() -> FileNames.check(id)), "for an id of " + id.length() + " chars");
    }
  }

  private static boolean refuses(Runnable call) {
    try {
      call.run();
      return false;
    } catch (StoreException refused) {
      return true;
    }
  }

  @Test
  void namesThisClassDidNotWriteDecodeToNothing() {
    for (String name : List.of("", "MZXW6", "mzxw6ytboi======", "my.log", "m", "mz", "mzxw6ytbo1")) {
      assertEquals(Optional.empty(), FileNames.decode(name), name);
    }
  }
}
