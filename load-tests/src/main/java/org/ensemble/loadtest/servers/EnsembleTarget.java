package org.ensemble.loadtest.servers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ensemble.loadtest.client.ClientSpec;

/**
 * Ensemble's server jar with its default embedded disk store. Every client is its own development
 * user {@code load-<n>}; each room is a project created by its first client's user, who adds the
 * room's other users as editors.
 */
public final class EnsembleTarget implements Target {
  /** The server's JVM options, shared with {@code ./ensemble start}; the tool runs from the repository root. */
  static final Path JVM_OPTIONS = Path.of("server", "jvm.options");

  private final Path jar;
  private final String java;
  private final List<String> jvmOptions;
  private final List<String> serverArgs;

  public EnsembleTarget(Path jar, String java, List<String> jvmOptions, List<String> serverArgs) {
    this.jar = jar;
    this.java = java;
    this.jvmOptions = jvmOptions;
    this.serverArgs = serverArgs;
  }

  @Override
  public String name() {
    return "ensemble";
  }

  @Override
  public ServerProcess start(Path dataDir, Path log) throws Exception {
    int port = ServerProcess.freePort();
    List<String> command = new ArrayList<>(List.of(java));
    if (Files.isRegularFile(JVM_OPTIONS)) {
      command.add("@" + JVM_OPTIONS.toAbsolutePath()); // as ./ensemble start runs it
    }
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", jar.toString(), "--port", Integer.toString(port), "--data-dir", dataDir.toString()));
    command.addAll(serverArgs);
    return ServerProcess.start(command, Map.of("ENSEMBLE_HOST", ClientSpec.HOST), port, log);
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
