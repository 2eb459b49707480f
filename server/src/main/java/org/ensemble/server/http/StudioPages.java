package org.ensemble.server.http;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.FileSystemAccess;
import io.vertx.ext.web.handler.StaticHandler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Logger;

/**
 * Serves the browser studio: the built page in the {@code webRoot} setting (default {@code web/dist},
 * relative to the working directory, which is where {@code ./ensemble start} builds it), or, when no build
 * is there, the landing page packaged in the jar. The studio routes with the URL's fragment, so plain
 * files are all it needs.
 */
public final class StudioPages {
  private static final Logger LOG = Logger.getLogger(StudioPages.class.getName());

  private StudioPages() {}

  /** Mounts the pages last on {@code router}, after the API and the sync endpoint. */
  public static void mount(Router router, Path webRoot) {
    Path root = webRoot.toAbsolutePath().normalize();
    if (Files.isRegularFile(root.resolve("index.html"))) {
      LOG.fine("serving the studio from " + root);
      // Rebuilds replace the files while the server runs: no cached file properties, and browsers
      // revalidate (the scripts' names carry a content hash, index.html does not).
      router.route("/*").handler(StaticHandler.create(FileSystemAccess.ROOT, root.toString())
          .setFilesReadOnly(false).setCachingEnabled(false));
    } else {
      LOG.fine("no studio build in " + root + "; serving the landing page");
      router.route("/*").handler(StaticHandler.create("webroot"));
    }
  }
}
