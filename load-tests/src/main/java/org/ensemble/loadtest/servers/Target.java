package org.ensemble.loadtest.servers;

import java.nio.file.Path;
import java.util.List;
import org.ensemble.loadtest.client.ClientSpec;

/** A server under test: how to start it on a data folder, and how its rooms and clients are set up. */
public interface Target {
  /** {@code ensemble} or {@code reference}, as in the reports. */
  String name();

  /** Starts a fresh server process on a free port of 127.0.0.1 and returns once it answers. */
  ServerProcess start(Path dataDir, Path log) throws Exception;

  /**
   * Prepares {@code rooms} rooms of {@code clients} clients each (users, tokens, projects, members) and
   * says where each client connects. Not measured.
   */
  List<List<ClientSpec>> prepare(ServerProcess server, int rooms, int clients) throws Exception;

  /**
   * The same server with its AI model loaded as {@code mode} says ({@code off}, {@code lazy} or
   * {@code eager}); null for the server's default. A server without a model is returned as it is.
   */
  default Target withModel(String mode) {
    return this;
  }

  /** The same rooms and users on a restarted server (its port changed, its data did not). */
  default List<List<ClientSpec>> reuse(ServerProcess server, List<List<ClientSpec>> prepared) {
    return prepared.stream()
        .map(room -> room.stream().map(c -> new ClientSpec(c.name(), c.room(), server.port(), c.uri())).toList())
        .toList();
  }
}
