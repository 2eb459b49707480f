package org.ensemble.protocol.inspect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.ensemble.protocol.crdt.Doc;
import org.ensemble.protocol.lib0.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InspectorTest {

  private record Result(int status, String out, String err) {}

  private static Result run(String stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = Inspector.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private static List<byte[]> twoUpdates() {
    Doc a = new Doc();
    a.setClientId(5);
    a.getMap("meta").set("title", "Chorale");
    byte[] first = a.encodeStateAsUpdate();
    byte[] sv = a.encodeStateVector();
    a.getText("notes").insert(0, "soprano enters");
    return List.of(first, a.encodeStateAsUpdate(sv));
  }

  @Test
  void printsJsonStateVectorAndStateOfUpdatesReadFromFiles(@TempDir Path dir) throws Exception {
    List<byte[]> updates = twoUpdates();
    Files.write(dir.resolve("1.bin"), updates.get(0));
    Files.write(dir.resolve("2.bin"), updates.get(1));
    Result r = run("", "--map", "meta", "--text", "notes", dir.resolve("1.bin").toString(), dir.resolve("2.bin").toString());
    assertEquals(0, r.status, r.err);
    @SuppressWarnings("unchecked")
    Map<String, Object> json = (Map<String, Object>) Json.parse(r.out.trim());
    assertEquals(Map.of("meta", Map.of("title", "Chorale"), "notes", "soprano enters"), json.get("json"));
    Doc check = new Doc();
    check.applyUpdate(Base64.getDecoder().decode((String) json.get("update")));
    assertEquals("soprano enters", check.getText("notes").toString());
    assertArrayEquals(check.encodeStateVector(), Base64.getDecoder().decode((String) json.get("stateVector")));
  }

  @Test
  void readsBase64LinesFromStandardInput() {
    List<byte[]> updates = twoUpdates();
    String stdin = Base64.getEncoder().encodeToString(updates.get(0)) + "\n\n"
        + Base64.getEncoder().encodeToString(updates.get(1)) + "\n";
    Result r = run(stdin, "--text", "notes");
    assertEquals(0, r.status, r.err);
    assertTrue(r.out.contains("\"notes\":\"soprano enters\""), r.out);
    assertTrue(r.err.contains("[meta]"), "unnamed roots are pointed out: " + r.err);
  }

  @Test
  void aMalformedUpdateExitsWithStatusTwoAndOneLineNamingIt() {
    List<byte[]> updates = twoUpdates();
    byte[] broken = java.util.Arrays.copyOf(updates.get(1), updates.get(1).length - 3);
    String stdin = Base64.getEncoder().encodeToString(updates.get(0)) + "\n" + Base64.getEncoder().encodeToString(broken);
    Result r = run(stdin, "--text", "notes");
    assertEquals(2, r.status);
    assertEquals("", r.out);
    String[] lines = r.err.trim().split("\n");
    assertEquals(1, lines.length, r.err);
    assertTrue(lines[0].startsWith("inspect: update 2 (line 2) is malformed: "), lines[0]);
  }

  @Test
  void inputThatIsNotBase64IsNamedToo() {
    Result r = run("not base64 at all!\n", "--map", "m");
    assertEquals(2, r.status);
    assertTrue(r.err.contains("line 1"), r.err);
  }
}
