package org.ensemble.loadtest.servers;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ensemble.loadtest.client.ClientSpec;

/**
 * Ensemble as a user starts it: the README's first command, {@code ./ensemble start}, with its JVM
 * options and environment, its embedded disk store and, when the repository holds it, the AI model.
 * Every client is its own development user {@code load-<n>}; each room is a project created by its
 * first client's user, who adds the room's other users as editors.
 */
public final class EnsembleTarget implements Target {
  private final Path launcher;
  private final List<String> jvmOptions;
  private final List<String> serverArgs;
  private final CpuPinning cpus;
  /** {@code generation} setting of the server (when its AI model loads), or null for its default. */
  private final String model;

  /**
   * @param launcher the {@code ensemble} script
   * @param jvmOptions added to the server's own ({@code server/jvm.options}) through {@code JAVA_TOOL_OPTIONS}
   */
  public EnsembleTarget(Path launcher, List<String> jvmOptions, List<String> serverArgs, CpuPinning cpus) {
    this(launcher, jvmOptions, serverArgs, cpus, null);
  }

  private EnsembleTarget(Path launcher, List<String> jvmOptions, List<String> serverArgs, CpuPinning cpus,
                         String model) {
    this.launcher = launcher;
    this.jvmOptions = jvmOptions;
    this.serverArgs = serverArgs;
    this.cpus = cpus;
    this.model = model;
  }

  @Override
  public Target withModel(String mode) {
    return new EnsembleTarget(launcher, jvmOptions, serverArgs, cpus, mode);
  }

  @Override
  public String name() {
    return "ensemble";
  }

  @Override
  public ServerProcess start(Path dataDir, Path log) throws Exception {
    int port = ServerProcess.freePort();
    List<String> command = new ArrayList<>(List.of(launcher.toString(), "start", "--port", Integer.toString(port),
        "--data-dir", dataDir.toString()));
    command.addAll(serverArgs);
    Map<String, String> env = new HashMap<>(Map.of("ENSEMBLE_HOST", ClientSpec.HOST));
    if (!jvmOptions.isEmpty()) {
      env.put("JAVA_TOOL_OPTIONS", String.join(" ", jvmOptions));
    }
    if (model != null) {
      env.put("ENSEMBLE_GENERATION", model);
    }
    return ServerProcess.start(cpus.launch(command), env, port, log);
  }
  @Override
  public List<List<ClientSpec>> prepare(ServerProcess server, int rooms, int clients) throws Exception {
    RestCalls rest = new RestCalls(server.baseUrl());
    List<List<ClientSpec>> all = new ArrayList<>();
    int user = 0;
    for (int r = 0; r < rooms; r++) {
      List<ClientSpec> room = new ArrayList<>();
      String ownerName = "load-" + user;
      String ownerToken = rest.devToken(ownerName);
      String project = rest.createProject(ownerToken, "load room " + r);
      room.add(spec(ownerName, project, ownerToken, server));
      user++;
      for (int c = 1; c < clients; c++, user++) {
        String name = "load-" + user;
        rest.addEditor(ownerToken, project, name, name);
        room.add(spec(name, project, rest.devToken(name), server));
      }
      all.add(room);
    }
    return all;
  }

  private static ClientSpec spec(String name, String project, String token, ServerProcess server) {
    return new ClientSpec(name, project, server.port(), "/sync/" + project + "?token=" + token);
  }
}
