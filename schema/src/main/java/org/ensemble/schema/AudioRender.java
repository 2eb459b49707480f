package org.ensemble.schema;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleConsumer;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.MidiUnavailableException;
import javax.sound.midi.Receiver;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Soundbank;
import javax.sound.midi.Synthesizer;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/**
 * Renders a project's mix to a WAV file with the JDK's software synthesizer (Gervill) playing a
 * General MIDI SoundFont — the same SoundFont the studio plays. The parts are the MIDI export's
 * ({@link MidiExport}: each on its channel, with its program, volume as CC 7 and pan as CC 10); unlike
 * the MIDI file, the mix honours mute and solo: when any part is soloed only the soloed parts sound,
 * otherwise every part not muted. The file runs from the start to the end of the last note of any
 * part (muted ones included, so that muting does not change the length) plus {@link #TAIL_SECONDS}
 * for the last notes to ring out: its length follows the tempo exactly ({@link #frames}).
 *
 * <p>Gervill's offline rendering ({@code openStream}) is on an interface of {@code java.desktop} that
 * the module does not export: the JVM needs {@code --add-exports java.desktop/com.sun.media.sound=ALL-UNNAMED}
 * (the server jar's manifest says {@code Add-Exports}, so {@code java -jar} has it).
 */
public final class AudioRender {
  public static final float SAMPLE_RATE = 44_100f;
  /** Silence after the last note's end, for its release and the reverb. */
  public static final double TAIL_SECONDS = 2.0;
  /** The longest mix rendered (a note far out in time would otherwise ask for hours of audio). */
  public static final double MAX_SECONDS = 20 * 60;
  /** CD quality: 16-bit signed little-endian stereo at 44.1 kHz. */
  public static final AudioFormat FORMAT = new AudioFormat(SAMPLE_RATE, 16, 2, true, false);
  private static final String GERVILL = "com.sun.media.sound.AudioSynthesizer";
  private static final double MICROS_PER_MINUTE = 60_000_000.0;

  private AudioRender() {}

  /** Reads a SoundFont (SF2) file. */
  public static Soundbank loadSoundFont(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return MidiSystem.getSoundbank(new java.io.BufferedInputStream(in));
    } catch (InvalidMidiDataException e) {
      throw new IOException("not a SoundFont this synthesizer reads: " + file, e);
    }
  }

  /** The parts that sound: the soloed ones when any is, otherwise every one not muted. */
  public static List<TrackView> audible(List<TrackView> tracks) {
    boolean soloed = tracks.stream().anyMatch(TrackView::solo);
    List<TrackView> out = new ArrayList<>();
    for (TrackView t : tracks) {
      if (soloed ? t.solo() : !t.mute()) {
        out.add(t);
      }
    }
    return out;
  }

  /** The mix's length in seconds: to the end of the last note of any part, plus the tail. */
  public static double seconds(ProjectView view) {
    long end = 0;
    for (TrackView t : view.tracks()) {
      for (NoteView n : t.notes()) {
        end = Math.max(end, n.end());
      }
    }
    return end * microsPerTick(view.meta()) / 1_000_000.0 + TAIL_SECONDS;
  }

  /** The mix's length in sample frames. */
  public static long frames(ProjectView view) {
    return Math.round(seconds(view) * SAMPLE_RATE);
  }

  /**
   * Writes the mix of {@code view} to {@code out} as a WAV file, telling {@code progress} the share
   * done (0 to 1) as it goes. Blocking and CPU-bound (about real time divided by the machine's speed):
   * call it off any event loop. Throws {@link IllegalArgumentException} for a mix longer than
   * {@link #MAX_SECONDS}.
   */
  public static void renderWav(ProjectView view, Soundbank bank, Path out, DoubleConsumer progress) throws IOException {
    double seconds = seconds(view);
    if (seconds > MAX_SECONDS) {
      throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
          "the piece lasts %.0f minutes; audio export renders at most %.0f", seconds / 60, MAX_SECONDS / 60));
    }
    long frames = frames(view);
    ProjectView mix = new ProjectView(view.meta(), audible(view.tracks()), List.of());
    Sequence sequence = MidiExport.toSequence(mix, Map.of());
    Synthesizer synth = openSynthesizer();
    try {
      AudioInputStream stream = openStream(synth);
      synth.loadAllInstruments(bank);
      Receiver receiver = synth.getReceiver();
      double micros = microsPerTick(view.meta());
      for (javax.sound.midi.Track track : sequence.getTracks()) {
        for (int i = 0; i < track.size(); i++) {
          MidiEvent event = track.get(i);
          MidiMessage message = event.getMessage();
          if (message instanceof ShortMessage) {
            receiver.send(message, Math.round(event.getTick() * micros));
          }
        }
      }
      long bytes = frames * FORMAT.getFrameSize();
      try (AudioInputStream mixed = new AudioInputStream(new Counted(stream, bytes, progress), FORMAT, frames)) {
        AudioSystem.write(mixed, AudioFileFormat.Type.WAVE, out.toFile());
      }
      progress.accept(1.0);
    } catch (MidiUnavailableException e) {
      throw new IOException("the synthesizer refused the mix", e);
    } finally {
      synth.close();
    }
  }

  private static double microsPerTick(MetaView meta) {
    return MICROS_PER_MINUTE / (meta.tempoBpm() * meta.ticksPerQuarter());
  }

  private static Synthesizer openSynthesizer() throws IOException {
    try {
      return MidiSystem.getSynthesizer();
    } catch (MidiUnavailableException e) {
      throw new IOException("the JDK's software synthesizer is unavailable", e);
    }
  }

  /** Gervill's offline output: the synthesizer pulled as a stream instead of playing on a sound card. */
  private static AudioInputStream openStream(Synthesizer synth) throws IOException {
    try {
      Class<?> offline = Class.forName(GERVILL);
      if (!offline.isInstance(synth)) {
        throw new IOException("the default synthesizer (" + synth.getClass().getName() + ") cannot render offline");
      }
      Method open = offline.getMethod("openStream", AudioFormat.class, Map.class);
      Map<String, Object> info = Map.of("load default soundbank", false, "max polyphony", 256,
          "interpolation", "linear");
      return (AudioInputStream) open.invoke(synth, FORMAT, info);
    } catch (ClassNotFoundException | NoSuchMethodException e) {
      throw new IOException("this JDK has no Gervill synthesizer to render audio with", e);
    } catch (IllegalAccessException e) {
      throw new IOException("audio export needs the JVM option --add-exports java.desktop/com.sun.media.sound="
          + "ALL-UNNAMED (the server jar's manifest sets it for java -jar)", e);
    } catch (InvocationTargetException e) {
      throw new IOException("the synthesizer did not open", e.getCause());
    }
  }

  /** Reports how much of the expected bytes have been read. */
  private static final class Counted extends FilterInputStream {
    private static final long REPORT_EVERY = 1 << 18;
    private final long total;
    private final DoubleConsumer progress;
    private long read;
    private long reported;

    Counted(InputStream in, long total, DoubleConsumer progress) {
      super(in);
      this.total = Math.max(1, total);
      this.progress = progress;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        read += n;
        if (read - reported >= REPORT_EVERY) {
          reported = read;
          progress.accept(Math.min(1.0, (double) read / total));
        }
      }
      return n;
    }
  }
}
