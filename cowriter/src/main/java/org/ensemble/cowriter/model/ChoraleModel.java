package org.ensemble.cowriter.model;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.inference.Predictor;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Owns one network and its weights. Loading is separate from sampling: the sampler asks for a
 * {@link Predictor} per thread ({@link #newPredictor}), since predictors are not thread-safe.
 * A model folder holds {@code spec.json} and {@code chorale-0000.params}.
 */
public final class ChoraleModel implements AutoCloseable {
  public static final String NAME = "chorale";
  public static final String SPEC_FILE = "spec.json";

  private final ModelSpec spec;
  private final Model model;
  private final String version;

  private ChoraleModel(ModelSpec spec, Model model, String version) {
    this.spec = spec;
    this.model = model;
    this.version = version;
  }

  /**
   * A new, untrained network (initialised by the trainer). Refused where the engine computes its
   * convolutions wrongly: a model trained on wrong kernels learns around them ({@link KernelCheck}).
   */
  public static ChoraleModel create(ModelSpec spec) throws IOException {
    return new ChoraleModel(spec, checkedModel(spec), "untrained");
  }

  /**
   * Loads a saved model; its version is the first 12 hex digits of the weights' SHA-256. Refused,
   * with the reason, where the engine computes the network's convolutions wrongly on this CPU.
   */
  public static ChoraleModel load(Path dir) throws IOException {
    Path specFile = dir.resolve(SPEC_FILE);
    if (!Files.isRegularFile(specFile)) {
      throw new IOException("no model in " + dir + " (missing " + SPEC_FILE + ")");
    }
    ModelSpec spec = ModelSpec.fromJson(new JsonObject(Files.readString(specFile)));
    Model model = checkedModel(spec);
    try {
      model.load(dir, NAME);
    } catch (MalformedModelException e) {
      model.close();
      throw new IOException("the weights in " + dir + " do not fit " + specFile + ": " + e.getMessage(), e);
    }
    return new ChoraleModel(spec, model, digest(dir.resolve(NAME + "-0000.params")));
  }

  /** The spec's network, untrained, once the engine has computed each of its layer shapes right here. */
  private static Model checkedModel(ModelSpec spec) throws IOException {
    Model model = Model.newInstance(NAME, Engines.pyTorch(1).getEngineName());
    Optional<String> problem = KernelCheck.verify(spec, model.getNDManager());
    if (problem.isPresent()) {
      model.close();
      throw new IOException(problem.get());
    }
    model.setBlock(ChoraleNet.build(spec));
    return model;
  }

  public void save(Path dir) throws IOException {
    Files.createDirectories(dir);
    model.save(dir, NAME);
    Files.writeString(dir.resolve(SPEC_FILE), spec.toJson().encodePrettily() + "\n");
  }

  public Predictor<List<Roll>, Distributions> newPredictor() {
    return model.newPredictor(new InfillTranslator(spec));
  }

  public ModelSpec spec() {
    return spec;
  }

  public Model djlModel() {
    return model;
  }

  public String version() {
    return version;
  }

  @Override
  public void close() {
    model.close();
  }

  /** A saved model's version (as {@link #version}) without loading it. */
  public static String versionOf(Path dir) throws IOException {
    return digest(dir.resolve(NAME + "-0000.params"));
  }

  private static String digest(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[1 << 16];
      for (int n; (n = in.read(buffer)) > 0; ) {
        sha.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
