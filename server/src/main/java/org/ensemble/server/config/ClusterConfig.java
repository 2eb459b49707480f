package org.ensemble.server.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Settings of cluster mode (read by {@code ServerConfig}, documented in docs/configuration.md): several
 * nodes on Hazelcast sharing one Redis, each room owned by one node at a time under a lease.
 *
 * @param enabled          run as a member of a cluster (needs {@code store: redis})
 * @param nodeName         this node's name on /health and in logs; empty: the host and HTTP port
 * @param host             the address this node binds and advertises for Hazelcast and the event bus
 * @param port             Hazelcast's member port
 * @param eventBusPort     the clustered event bus's port (0 picks a free one)
 * @param members          the other members' {@code host:port} (TCP/IP discovery)
 * @param discovery        how members find each other
 * @param kubernetesService the headless service whose endpoints are the members (Kubernetes discovery)
 * @param kubernetesNamespace its namespace; empty: the pod's own
 * @param hazelcastConfig  a Hazelcast YAML or XML file used as the base configuration; the settings
 *                         above are applied over it
 * @param heartbeatSeconds how often members tell each other they are alive
 * @param failureSeconds   a member silent this long is removed (Hazelcast's default is 60)
 * @param leaseMillis      how long a room's ownership lasts unless its owner renews it
 * @param quorum           members a node must see to own rooms; 0: a majority of the member list
 */
public record ClusterConfig(boolean enabled, String nodeName, String host, int port, int eventBusPort,
                            List<String> members, Discovery discovery, String kubernetesService,
                            String kubernetesNamespace, Optional<Path> hazelcastConfig, int heartbeatSeconds,
                            int failureSeconds, int leaseMillis, int quorum) {
  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 5701;
  public static final int DEFAULT_EVENT_BUS_PORT = 5801;
  public static final int DEFAULT_HEARTBEAT_SECONDS = 1;
  public static final int DEFAULT_FAILURE_SECONDS = 5;
  public static final int DEFAULT_LEASE_MILLIS = 5000;

  /** How members find each other. */
  public enum Discovery { TCP, KUBERNETES }

  public ClusterConfig {
    members = List.copyOf(members);
    if (failureSeconds <= heartbeatSeconds) {
      throw new ConfigException("setting \"cluster.failureSeconds\" must be longer than \"cluster.heartbeatSeconds\"");
    }
  }

  public static ClusterConfig defaults() {
    return new ClusterConfig(false, "", DEFAULT_HOST, DEFAULT_PORT, DEFAULT_EVENT_BUS_PORT, List.of(),
        Discovery.TCP, "", "", Optional.empty(), DEFAULT_HEARTBEAT_SECONDS, DEFAULT_FAILURE_SECONDS,
        DEFAULT_LEASE_MILLIS, 0);
  }

  /**
   * The members a node must see to own rooms: the configured quorum, else a majority of the member
   * list (this node included when the list leaves it out), else 1 (Kubernetes discovery has no list).
   */
  public int effectiveQuorum() {
    if (quorum > 0) {
      return quorum;
    }
    if (discovery == Discovery.KUBERNETES || members.isEmpty()) {
      return 1;
    }
    String self = host + ":" + port;
    int size = members.contains(self) ? members.size() : members.size() + 1;
    return size / 2 + 1;
  }

  static ClusterConfig read(SettingsReader c) {
    ClusterConfig d = defaults();
    String file = c.string("hazelcastConfig", "");
    ClusterConfig config = new ClusterConfig(
        c.bool("enabled", d.enabled),
        c.string("nodeName", d.nodeName),
        c.string("host", d.host),
        c.integer("port", d.port, 1, 65535),
        c.integer("eventBusPort", d.eventBusPort, 0, 65535),
        c.strings("members", d.members),
        c.choice("discovery", Discovery.class, d.discovery),
        c.string("kubernetesService", d.kubernetesService),
        c.string("kubernetesNamespace", d.kubernetesNamespace),
        file.isEmpty() ? Optional.empty() : Optional.of(Path.of(file)),
        c.integer("heartbeatSeconds", d.heartbeatSeconds, 1, 60),
        c.integer("failureSeconds", d.failureSeconds, 2, 600),
        c.integer("leaseMillis", d.leaseMillis, 500, 600_000),
        c.integer("quorum", d.quorum, 0, 1000));
    c.refuseUnknownKeys();
    if (config.discovery == Discovery.KUBERNETES && config.kubernetesService.isEmpty()) {
      throw new ConfigException("setting \"cluster.kubernetesService\" is needed with \"cluster.discovery\": kubernetes");
    }
    return config;
  }
}
