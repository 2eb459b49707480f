package org.ensemble.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.sound.midi.Soundbank;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mix rendered with the JDK's synthesizer and Debian's TimGM6mb SoundFont (installed by
 * scripts/install-test-deps.sh): its length follows the tempo, it is not silent, and volume, pan,
 * mute and solo change what is heard.
 */
class AudioRenderTest {
  private static final Path SOUND_FONT = Path.of("/usr/share/sounds/sf2/TimGM6mb.sf2");
  private static Soundbank bank;
  @TempDir Path dir;

  @BeforeAll
  static void load() throws IOException {
    bank = AudioRender.loadSoundFont(SOUND_FONT);
  }

  private static MetaView meta(double bpm) {
    return new MetaView("Mix", bpm, KeySignature.C_MAJOR, TimeSignature.COMMON_TIME, 480, ProjectSchema.VERSION);
  }

  private static TrackView part(String id, boolean mute, boolean solo, double gain, double pan, long... starts) {
    List<NoteView> notes = new ArrayList<>();
    for (long s : starts) {
      notes.add(new NoteView(id + s, 60, s, 480, 100));
    }
    return new TrackView(id, id, 0, TrackRole.MELODY, mute, solo, gain, pan, notes);
  }

  /** Peak and RMS of each channel over [from, to) seconds. */
  private record Level(double leftRms, double rightRms, int peak) {}

  private Level render(ProjectView view, double from, double to) throws Exception {
    Path wav = dir.resolve("mix" + System.nanoTime() + ".wav");
    List<Double> progress = new ArrayList<>();
    AudioRender.renderWav(view, bank, wav, progress::add);
    assertEquals(1.0, progress.get(progress.size() - 1), "progress ends at 1");
    try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
      assertEquals(AudioRender.frames(view), in.getFrameLength());
      assertEquals(44_100f, in.getFormat().getSampleRate());
      assertEquals(2, in.getFormat().getChannels());
      byte[] pcm = in.readAllBytes();
      int first = (int) (from * 44_100) * 4;
      int last = Math.min(pcm.length, (int) (to * 44_100) * 4);
      double left = 0;
      double right = 0;
      int peak = 0;
      for (int i = first; i + 3 < last; i += 4) {
        int l = (short) ((pcm[i] & 0xff) | (pcm[i + 1] << 8));
        int r = (short) ((pcm[i + 2] & 0xff) | (pcm[i + 3] << 8));
        left += (double) l * l;
        right += (double) r * r;
        peak = Math.max(peak, Math.max(Math.abs(l), Math.abs(r)));
      }
      int n = Math.max(1, (last - first) / 4);
      return new Level(Math.sqrt(left / n), Math.sqrt(right / n), peak);
    }
  }

  @Test
  void lengthFollowsTheTempoAndTheMixIsNotSilent() throws Exception {
    // Four quarter notes at 120 bpm end at 2 s; at 60 bpm at 4 s; each plus the 2 s tail.
    ProjectView fast = new ProjectView(meta(120), List.of(part("a", false, false, 0.8, 0, 0, 480, 960, 1440)), List.of());
    ProjectView slow = new ProjectView(meta(60), fast.tracks(), List.of());
    assertEquals(4.0, AudioRender.seconds(fast), 1e-9);
    assertEquals(6.0, AudioRender.seconds(slow), 1e-9);
    assertEquals(176_400, AudioRender.frames(fast));
    Level level = render(fast, 0, 2);
    assertTrue(level.peak() > 1000, "the notes are heard: peak " + level.peak());
    assertTrue(render(slow, 0, 4).peak() > 1000);
  }

  @Test
  void muteAndSoloDecideWhatSounds() throws Exception {
    // a plays in the first half second, b from 1 s (120 bpm).
    TrackView a = part("a", false, false, 0.8, 0, 0);
    TrackView b = part("b", false, false, 0.8, 0, 960);
    assertTrue(render(new ProjectView(meta(120), List.of(a, b), List.of()), 0, 0.45).peak() > 1000, "a sounds");
    TrackView aMuted = part("a", true, false, 0.8, 0, 0);
    ProjectView muted = new ProjectView(meta(120), List.of(aMuted, b), List.of());
    assertEquals(0, render(muted, 0, 0.45).peak(), "muted a is silent");
    assertEquals(AudioRender.frames(new ProjectView(meta(120), List.of(a, b), List.of())), AudioRender.frames(muted),
        "muting does not change the length");
    TrackView bSolo = part("b", false, true, 0.8, 0, 960);
    ProjectView solo = new ProjectView(meta(120), List.of(a, bSolo), List.of());
    assertEquals(0, render(solo, 0, 0.45).peak(), "with b soloed, a is silent");
    assertTrue(render(solo, 1.0, 1.45).peak() > 1000, "the soloed b sounds");
  }

  @Test
  void volumeAndPanShapeTheMix() throws Exception {
    Level full = render(new ProjectView(meta(120), List.of(part("a", false, false, 1.0, 0, 0)), List.of()), 0, 0.5);
    Level quiet = render(new ProjectView(meta(120), List.of(part("a", false, false, 0.25, 0, 0)), List.of()), 0, 0.5);
    assertTrue(quiet.leftRms() < full.leftRms() / 3, "volume 25 % is much quieter: " + quiet + " vs " + full);
    Level left = render(new ProjectView(meta(120), List.of(part("a", false, false, 1.0, -1, 0)), List.of()), 0, 0.5);
    assertTrue(left.rightRms() < left.leftRms() / 4, "panned hard left: " + left);
  }

  @Test
  void aPieceLongerThanTheLimitIsRefusedBeforeRendering() {
    long far = (long) (AudioRender.MAX_SECONDS * 2 * 480); // at 60 bpm, twice the limit
    ProjectView huge = new ProjectView(meta(60), List.of(part("a", false, false, 0.8, 0, far)), List.of());
    Path wav = dir.resolve("huge.wav");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> AudioRender.renderWav(huge, bank, wav, p -> { }));
    assertTrue(e.getMessage().startsWith("the piece lasts 40 minutes; audio export renders at most 20"), e.getMessage());
    assertTrue(Files.notExists(wav));
  }

}
