package org.ensemble.server.generation.service;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.ensemble.cowriter.model.ChoraleModel;

/**
 * One loaded model per folder in this process, shared by every service that asks (tests start many
 * servers in one JVM). Models stay loaded until the process ends; each worker thread makes its own
 * predictor from them.
 */
final class LoadedModels {
  private static final Map<Path, ChoraleModel> MODELS = new ConcurrentHashMap<>();

  private LoadedModels() {}

  static ChoraleModel get(Path dir) throws IOException {
    Path key = dir.toAbsolutePath().normalize();
    ChoraleModel model = MODELS.get(key);
    if (model != null) {
      return model;
    }
    synchronized (MODELS) {
      model = MODELS.get(key);
      if (model == null) {
        model = ChoraleModel.load(key);
        MODELS.put(key, model);
      }
      return model;
    }
  }
}
