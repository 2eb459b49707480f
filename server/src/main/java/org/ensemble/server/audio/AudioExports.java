package org.ensemble.server.audio;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sound.midi.Soundbank;
import org.ensemble.schema.AudioRender;
import org.ensemble.schema.ProjectView;

/**
 * Audio export: renders a project's mix to a WAV file ({@link AudioRender}) on a worker thread, never
 * on an event loop, and keeps each render's progress for the studio to show while it runs. A render's
 * file is kept for {@link #KEEP_MS} after it is done (the studio downloads it at once), then deleted;
 * {@link #close} deletes what is left. At most {@link #MAX_RUNNING} renders run at once and one per
 * user: a render takes about a third of its music's length on one core.
 */
public final class AudioExports implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(AudioExports.class.getName());
  static final long KEEP_MS = 10 * 60_000;
  static final int MAX_RUNNING = 2;
  private static final SecureRandom IDS = new SecureRandom();

  private final Vertx vertx;
  private final Path soundFont;
  private final Map<String, AudioRenderJob> jobs = new ConcurrentHashMap<>();
  private Future<Soundbank> bank;

  public AudioExports(Vertx vertx, Path soundFont) {
    this.vertx = vertx;
    this.soundFont = soundFont.toAbsolutePath().normalize();
  }

  /** The SoundFont audio export renders with (the studio's). */
  public Path soundFont() {
    return soundFont;
  }

  /**
   * Starts rendering {@code view} for {@code userId}; fails with {@link Refused} when the SoundFont is
   * missing, the piece is too long, or too many renders run.
   */
  public synchronized AudioRenderJob start(String projectId, String userId, String title, ProjectView view) {
    if (!Files.isRegularFile(soundFont)) {
      throw new Refused(503, "no General MIDI SoundFont at " + soundFont
          + ": install Debian's timgm6mb-soundfont or set soundFont (ENSEMBLE_SOUND_FONT)");
    }
    double seconds = AudioRender.seconds(view);
    if (seconds > AudioRender.MAX_SECONDS) {
      throw new Refused(400, String.format(java.util.Locale.ROOT, "the piece lasts %.0f minutes; audio export "
          + "renders at most %.0f", seconds / 60, AudioRender.MAX_SECONDS / 60));
    }
    long running = jobs.values().stream().filter(j -> j.state() == AudioRenderJob.State.RENDERING).count();
    boolean mine = jobs.values().stream().anyMatch(j -> j.userId().equals(userId)
        && j.state() == AudioRenderJob.State.RENDERING);
    if (mine || running >= MAX_RUNNING) {
      throw new Refused(429, mine ? "your previous audio export is still rendering; wait for it to finish"
          : "the server is rendering other audio exports; try again in a moment");
    }
    String id = Long.toString(IDS.nextLong() & Long.MAX_VALUE, 36);
    AudioRenderJob job = new AudioRenderJob(id, projectId, userId, title, seconds);
    jobs.put(id, job);
    soundbank().compose(sb -> vertx.executeBlocking(() -> {
      Path file = Files.createTempFile("ensemble-audio-", ".wav");
      try {
        AudioRender.renderWav(view, sb, file, job::progress);
        return file;
      } catch (IOException | RuntimeException e) {
        Files.deleteIfExists(file);
        throw e;
      }
    }, false)).onComplete(done -> {
      if (done.succeeded()) {
        job.finish(done.result());
      } else {
        LOG.log(Level.WARNING, "audio export " + id + " of project " + projectId + " failed", done.cause());
        job.fail("the audio could not be rendered");
      }
      vertx.setTimer(KEEP_MS, t -> forget(id));
    });
    return job;
  }

  /** A render by its id, while it is kept. */
  public Optional<AudioRenderJob> get(String id) {
    return Optional.ofNullable(jobs.get(id));
  }

  private synchronized Future<Soundbank> soundbank() {
    if (bank == null || bank.failed()) {
      // Read once (a third of a second for TimGM6mb) and shared by every render: instruments are read-only.
      bank = vertx.executeBlocking(() -> AudioRender.loadSoundFont(soundFont), false);
    }
    return bank;
  }

  private void forget(String id) {
    AudioRenderJob job = jobs.remove(id);
    if (job != null) {
      job.file().ifPresent(f -> vertx.fileSystem().delete(f.toString()));
    }
  }

  @Override
  public void close() {
    for (String id : jobs.keySet()) {
      AudioRenderJob job = jobs.remove(id);
      job.file().ifPresent(f -> {
        try {
          Files.deleteIfExists(f);
        } catch (IOException e) {
          LOG.log(Level.FINE, "could not delete " + f, e);
        }
      });
    }
  }

  /** A request audio export refuses, with the HTTP status it deserves. */
  public static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;

    Refused(int status, String message) {
      super(message);
      this.status = status;
    }

    public int status() {
      return status;
    }
  }
}
