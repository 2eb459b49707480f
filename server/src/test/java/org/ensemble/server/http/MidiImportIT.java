package org.ensemble.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;
import org.ensemble.server.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Importing a Standard MIDI File: a file made here with javax.sound.midi (four voices, E minor, 3/4,
 * 96 bpm, a drum track on channel 10) becomes a project with those settings and guessed roles, and
 * its export holds the same notes. Bad and hostile files get a clear refusal and create nothing.
 */
@ExtendWith(VertxExtension.class)
class MidiImportIT {
  @TempDir
  Path dir;
  private TestServer server;
  private String alice;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    server = TestServer.start(vertx, dir);
    alice = server.token("Alice");
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  /** {pitch, start, duration, velocity} per part: soprano, alto, tenor, bass, drums. */
  static final int[][][] PARTS = {
      {{76, 0, 480, 90}, {74, 480, 480, 90}, {71, 960, 960, 90}},
      {{67, 0, 480, 80}, {66, 480, 480, 80}, {67, 960, 960, 80}},
      {{59, 0, 960, 70}, {62, 960, 960, 70}},
      {{40, 0, 480, 100}, {47, 480, 480, 100}, {40, 960, 960, 100}},
      {{36, 0, 240, 110}, {38, 480, 240, 110}, {42, 960, 120, 60}},
  };
  static final String[] NAMES = {"Soprano line", "Alto line", "Tenor line", "Bass line", "Kit"};

  static byte[] fourVoicesAndDrums() throws Exception {
    Sequence s = new Sequence(Sequence.PPQ, 480);
    Track conductor = s.createTrack();
    conductor.add(new MidiEvent(new MetaMessage(0x51, new byte[] {0x09, (byte) 0x89, 0x68}, 3), 0)); // 625000 µs = 96 bpm
    conductor.add(new MidiEvent(new MetaMessage(0x58, new byte[] {3, 2, 24, 8}, 4), 0)); // 3/4
    conductor.add(new MidiEvent(new MetaMessage(0x59, new byte[] {1, 1}, 2), 0)); // one sharp, minor: E minor
    // The parts in an order that is not soprano-to-bass, so the roles must come from the ranges.
    int[] order = {2, 0, 4, 3, 1};
    for (int part : order) {
      Track t = s.createTrack();
      int channel = part == 4 ? 9 : part;
      byte[] name = NAMES[part].getBytes(StandardCharsets.US_ASCII);
      t.add(new MidiEvent(new MetaMessage(0x03, name, name.length), 0));
      t.add(new MidiEvent(new ShortMessage(ShortMessage.PROGRAM_CHANGE, channel, part == 4 ? 0 : 52, 0), 0));
      for (int[] n : PARTS[part]) {
        t.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_ON, channel, n[0], n[3]), n[1]));
        t.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_OFF, channel, n[0], 0), n[1] + n[2]));
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    MidiSystem.write(s, 1, out);
    return out.toByteArray();
  }

  /** Posts a file to an import route as {@code token}. */
  private HttpResponse<String> post(String path, String token, String type, byte[] file) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path))
        .header("Authorization", "Bearer " + token).header("Content-Type", type)
        .POST(HttpRequest.BodyPublishers.ofByteArray(file)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> upload(byte[] file, String title) throws Exception {
    return post("/api/projects/import?title=" + java.net.URLEncoder.encode(title, StandardCharsets.UTF_8), alice, "audio/midi", file);
  }

  private int projects() {
    return server.call("GET", "/api/projects", alice, null).body().getJsonArray("projects").size();
  }

  @Test
  void aFileMadeWithJavaSoundRoundTripsThroughImportAndExport() throws Exception {
    HttpResponse<String> r = upload(fourVoicesAndDrums(), "Chorale from a file");
    assertEquals(201, r.statusCode(), r.body());
    String id = new JsonObject(r.body()).getString("id");
    JsonObject doc = server.call("GET", "/api/projects/" + id, alice, null).body().getJsonObject("document");
    JsonObject meta = doc.getJsonObject("meta");
    assertEquals("Chorale from a file", meta.getString("title"));
    assertEquals(96.0, meta.getDouble("tempoBpm"));
    assertEquals(new JsonObject().put("tonic", "E").put("mode", "minor"), meta.getJsonObject("key"));
    assertEquals(new JsonArray().add(3).add(4), meta.getJsonArray("timeSignature"));
    JsonArray tracks = doc.getJsonArray("tracks");
    List<String> roles = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < tracks.size(); i++) {
      roles.add(tracks.getJsonObject(i).getString("role"));
      names.add(tracks.getJsonObject(i).getString("name"));
    }
    assertEquals(List.of("Tenor line", "Soprano line", "Kit", "Bass line", "Alto line"), names);
    assertEquals(List.of("tenor", "soprano", "drums", "bass", "alto"), roles, "SATB by range, drums by channel 10");
    assertEquals(52, tracks.getJsonObject(0).getInteger("instrument"));

    // Exported again: the same notes, part by part.
    HttpResponse<byte[]> mid = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port()
        + "/api/projects/" + id + "/export.mid")).header("Authorization", "Bearer " + alice).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, mid.statusCode());
    assertTrue(mid.headers().firstValue("Content-Disposition").orElse("").contains("Chorale from a file.mid"));
    Sequence back = MidiSystem.getSequence(new ByteArrayInputStream(mid.body()));
    assertEquals(480, back.getResolution());
    int[] order = {2, 0, 4, 3, 1};
    for (int k = 0; k < order.length; k++) {
      assertEquals(set(PARTS[order[k]]), notesOf(back.getTracks()[k + 1]), "part " + NAMES[order[k]]);
    }
  }

  private static List<String> set(int[][] notes) {
    return Arrays.stream(notes).map(n -> n[0] + "@" + n[1] + "+" + n[2] + "v" + n[3]).sorted().toList();
  }

  private static List<String> notesOf(Track t) {
    List<String> out = new ArrayList<>();
    long[][] on = new long[128][];
    for (int i = 0; i < t.size(); i++) {
      if (t.get(i).getMessage() instanceof ShortMessage s) {
        if (s.getCommand() == ShortMessage.NOTE_ON && s.getData2() > 0) {
          on[s.getData1()] = new long[] {t.get(i).getTick(), s.getData2()};
        } else if ((s.getCommand() == ShortMessage.NOTE_OFF || s.getCommand() == ShortMessage.NOTE_ON) && on[s.getData1()] != null) {
          long[] o = on[s.getData1()];
          out.add(s.getData1() + "@" + o[0] + "+" + (t.get(i).getTick() - o[0]) + "v" + o[1]);
          on[s.getData1()] = null;
        }
      }
    }
    out.sort(null);
    return out;
  }

  @Test
  void badAndHostileFilesAreRefusedWithAReasonAndCreateNothing() throws Exception {
    byte[] good = fourVoicesAndDrums();
    int before = projects();
    assertRefused(upload(new byte[0], "Empty"), 400, "the file is empty");
    assertRefused(upload(Arrays.copyOf(good, good.length / 2), "Truncated"), 400, "truncated");
    assertRefused(upload("not a midi file at all".getBytes(StandardCharsets.UTF_8), "Text"), 400, "not a readable Standard MIDI File");
    assertRefused(upload(new byte[2 * 1024 * 1024], "Enormous"), 413, "up to 1024 KiB");

    Sequence zero = new Sequence(Sequence.PPQ, 480);
    Track t = zero.createTrack();
    t.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_ON, 0, 60, 90), 480));
    t.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_OFF, 0, 60, 0), 480));
    assertRefused(upload(bytes(zero), "Zero"), 400, "a note of zero length (pitch 60 at tick 480)");

    Sequence many = new Sequence(Sequence.PPQ, 480);
    for (int i = 0; i < 3000; i++) {
      Track x = many.createTrack();
      x.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_ON, i % 16, 60, 90), 0));
      x.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_OFF, i % 16, 60, 0), 480));
    }
    assertRefused(upload(bytes(many), "Thousands"), 400, "the file has 3000 tracks");
    assertEquals(before, projects(), "no refused file left a project behind");
  }

  private static byte[] bytes(Sequence s) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    MidiSystem.write(s, 1, out);
    return out.toByteArray();
  }

  private static void assertRefused(HttpResponse<String> r, int status, String reason) {
    assertEquals(status, r.statusCode(), r.body());
    String error = new JsonObject(r.body()).getString("error");
    assertTrue(error.contains(reason), error);
  }

  private HttpResponse<String> uploadInto(String projectId, String token, byte[] file) throws Exception {
    return post("/api/projects/" + projectId + "/import", token, "audio/midi", file);
  }

  /** The same four voices and drums at 96 ticks per quarter, so that importing must rescale them. */
  static byte[] fourVoicesAndDrumsAt96() throws Exception {
    Sequence s = new Sequence(Sequence.PPQ, 96);
    for (int part = 0; part < PARTS.length; part++) {
      Track t = s.createTrack();
      int channel = part == 4 ? 9 : part;
      byte[] name = NAMES[part].getBytes(StandardCharsets.US_ASCII);
      t.add(new MidiEvent(new MetaMessage(0x03, name, name.length), 0));
      for (int[] n : PARTS[part]) {
        t.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_ON, channel, n[0], n[3]), n[1] / 5));
        t.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_OFF, channel, n[0], 0), (n[1] + n[2]) / 5));
      }
    }
    return bytes(s);
  }

  @Test
  void aFileImportedIntoAnOpenProjectAddsItsTracksAsTheImportersEdit() throws Exception {
    String id = server.createProject(alice, new JsonObject().put("title", "Chorale").put("template", "four-part-chorale"));
    server.addMember(alice, id, "bob", "editor");
    server.addMember(alice, id, "carol", "viewer");
    String bob = server.token("Bob");
    String carol = server.token("Carol");
    JsonObject before = server.call("GET", "/api/projects/" + id, alice, null).body().getJsonObject("document");

    // A viewer may not; bad files are refused with the reason; the project is untouched by each.
    assertRefused(uploadInto(id, carol, fourVoicesAndDrumsAt96()), 403, "a viewer cannot import into it");
    byte[] good = fourVoicesAndDrumsAt96();
    assertRefused(uploadInto(id, bob, Arrays.copyOf(good, good.length - 7)), 400, "cannot import this file: the file is truncated");
    assertRefused(uploadInto(id, bob, new byte[0]), 400, "the file is empty");
    assertRefused(uploadInto(id, bob, new byte[2 * 1024 * 1024]), 413, "up to 1024 KiB");
    assertRefused(uploadInto("nosuchproject", bob, good), 404, "no such project");
    assertEquals(before, server.call("GET", "/api/projects/" + id, alice, null).body().getJsonObject("document"));

    HttpResponse<String> r = uploadInto(id, bob, good);
    assertEquals(200, r.statusCode(), r.body());
    JsonObject summary = new JsonObject(r.body());
    assertEquals(14, summary.getInteger("notes"));
    assertEquals(5, summary.getJsonArray("tracks").size());

    JsonObject doc = server.call("GET", "/api/projects/" + id, alice, null).body().getJsonObject("document");
    assertEquals(before.getJsonObject("meta"), doc.getJsonObject("meta"), "the project keeps its tempo, key and time");
    JsonArray tracks = doc.getJsonArray("tracks");
    assertEquals(9, tracks.size());
    for (int i = 0; i < 4; i++) {
      assertEquals(before.getJsonArray("tracks").getJsonObject(i), tracks.getJsonObject(i), "the project's own tracks unchanged");
    }
    // The file's notes, from 96 to the project's 480 ticks per quarter: the same music.
    for (int part = 0; part < PARTS.length; part++) {
      JsonObject t = tracks.getJsonObject(4 + part);
      assertEquals(NAMES[part], t.getString("name"));
      List<String> notes = new ArrayList<>();
      JsonArray ns = t.getJsonArray("notes");
      for (int k = 0; k < ns.size(); k++) {
        JsonObject n = ns.getJsonObject(k);
        notes.add(n.getInteger("pitch") + "@" + n.getLong("start") + "+" + n.getLong("duration") + "v" + n.getInteger("velocity"));
      }
      notes.sort(null);
      assertEquals(set(PARTS[part]), notes, NAMES[part]);
    }
    assertEquals("drums", tracks.getJsonObject(8).getString("role"));
    // One edit of Bob's: the ledger credits him with the imported notes.
    String noteId = tracks.getJsonObject(4).getJsonArray("notes").getJsonObject(0).getString("id");
    JsonObject credit = server.call("GET", "/api/projects/" + id + "/attribution/notes/" + noteId, bob, null).body();
    assertEquals("bob", credit.getJsonObject("createdBy").getString("actor"), credit.encode());
  }

  private HttpResponse<String> uploadScore(byte[] file, String title) throws Exception {
    return post("/api/projects/import.musicxml?title=" + java.net.URLEncoder.encode(title, StandardCharsets.UTF_8), alice,
        "application/vnd.recordare.musicxml+xml", file);
  }

  @Test
  void aMusicXmlExportImportsAsANewProjectWithTheSameNotesAndHostileScoresAreRefused() throws Exception {
    String id = server.createProject(alice, new JsonObject().put("title", "Hymn").put("template", "four-part-chorale").put("key", "D major"));
    HttpResponse<byte[]> xml = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port()
        + "/api/projects/" + id + "/export.musicxml")).header("Authorization", "Bearer " + alice).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, xml.statusCode());
    int before = projects();
    String xxe = "<?xml version=\"1.0\"?><!DOCTYPE score-partwise [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><score-partwise>&x;</score-partwise>";
    assertRefused(uploadScore(xxe.getBytes(StandardCharsets.UTF_8), "XXE"), 400, "cannot import this score: the file declares XML entities");
    assertRefused(uploadScore(Arrays.copyOf(xml.body(), xml.body().length / 2), "Cut"), 400, "not readable XML");
    assertRefused(uploadScore(new byte[5 * 1024 * 1024], "Enormous"), 413, "MusicXML files of up to 4 MiB");
    assertEquals(before, projects(), "no refused score left a project behind");

    HttpResponse<String> r = uploadScore(xml.body(), "Hymn again");
    assertEquals(201, r.statusCode(), r.body());
    String copy = new JsonObject(r.body()).getString("id");
    JsonObject was = server.call("GET", "/api/projects/" + id, alice, null).body().getJsonObject("document");
    JsonObject is = server.call("GET", "/api/projects/" + copy, alice, null).body().getJsonObject("document");
    assertEquals(was.getJsonObject("meta").getJsonObject("key"), is.getJsonObject("meta").getJsonObject("key"));
    for (int t = 0; t < 4; t++) {
      assertEquals(played(was.getJsonArray("tracks").getJsonObject(t)), played(is.getJsonArray("tracks").getJsonObject(t)));
      assertEquals(was.getJsonArray("tracks").getJsonObject(t).getString("role"), is.getJsonArray("tracks").getJsonObject(t).getString("role"));
    }
  }

  private static List<String> played(JsonObject track) {
    List<String> out = new ArrayList<>();
    JsonArray ns = track.getJsonArray("notes");
    for (int k = 0; k < ns.size(); k++) {
      JsonObject n = ns.getJsonObject(k);
      out.add(n.getInteger("pitch") + "@" + n.getLong("start") + "+" + n.getLong("duration") + "v" + n.getInteger("velocity"));
    }
    out.sort(null);
    return out;
  }
}
