package org.ensemble.server.http;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.file.Path;

/**
 * The General MIDI SoundFont the studio's instruments play: {@code GET /sounds/general-midi.sf2} sends
 * the file named by the {@code soundFont} setting. It is public data (a Debian package's file, no
 * project in it), so it needs no sign-in, and browsers may keep it a day: the studio fetches it once,
 * on its first sound, not with the page. Without the file the answer is a 503 saying what to install;
 * the studio then plays its synthesized voices.
 */
final class SoundFontRoutes {
  static final String PATH = "/sounds/general-midi.sf2";
  private static final String CACHE_FOR_A_DAY = "public, max-age=86400";

  private final Vertx vertx;
  private final Path soundFont;

  SoundFontRoutes(Vertx vertx, Path soundFont) {
    this.vertx = vertx;
    this.soundFont = soundFont.toAbsolutePath().normalize();
  }

  void mount(Router router) {
    router.get(PATH).handler(this::send);
  }

  private void send(RoutingContext ctx) {
    String file = soundFont.toString();
    vertx.fileSystem().exists(file).onComplete(found -> {
      if (found.failed() || !found.result()) {
        ctx.fail(unavailable(soundFont));
        return;
      }
      ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "audio/x-soundfont")
          .putHeader(HttpHeaders.CACHE_CONTROL, CACHE_FOR_A_DAY)
          .sendFile(file).onFailure(ctx::fail);
    });
  }

  /** The refusal when the SoundFont is missing (also audio export's). */
  static ApiException unavailable(Path soundFont) {
    return new ApiException(503, "no General MIDI SoundFont at " + soundFont
        + ": install Debian's timgm6mb-soundfont or set soundFont (ENSEMBLE_SOUND_FONT)");
  }
}
