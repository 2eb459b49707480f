package org.ensemble.loadtest.servers;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ensemble.loadtest.client.ClientSpec;

/**
 * The reference y-websocket server ({@code @y/websocket-server} 0.1.1 under node) with its LevelDB
 * persistence in the data folder. It has no users or authentication: a room is a URL path.
 */
public final class ReferenceTarget implements Target {
  static final String SERVER_SCRIPT = "node_modules/@y/websocket-server/src/server.js";

  private final Path installDir;
  private final String node;
  private final CpuPinning cpus;

  public ReferenceTarget(Path installDir, String node, CpuPinning cpus) {
    this.installDir = installDir;
    this.node = node;
    this.cpus = cpus;
  }

  @Override
  public String name() {
    return "reference";
  }

  @Override
  public ServerProcess start(Path dataDir, Path log) throws Exception {
    Path script = installDir.resolve(SERVER_SCRIPT);
    if (!script.toFile().isFile()) {
      throw new IllegalStateException(script + " is missing: run `npm ci` in " + installDir + " (run.sh does)");
    }
    int port = ServerProcess.freePort();
    return ServerProcess.start(cpus.launch(List.of(node, script.toString())), Map.of("HOST", ClientSpec.HOST,
        "PORT", Integer.toString(port), "YPERSISTENCE", dataDir.toString()), port, log);
  }

  @Override
  public List<List<ClientSpec>> prepare(ServerProcess server, int rooms, int clients) {
    List<List<ClientSpec>> all = new ArrayList<>();
    int user = 0;
    for (int r = 0; r < rooms; r++) {
      List<ClientSpec> room = new ArrayList<>();
      for (int c = 0; c < clients; c++, user++) {
        room.add(new ClientSpec("load-" + user, "room-" + r, server.port(), "/room-" + r));
      }
      all.add(room);
    }
    return all;
  }
}
