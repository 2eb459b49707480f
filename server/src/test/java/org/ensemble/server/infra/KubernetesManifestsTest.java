package org.ensemble.server.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ensemble.server.config.ClusterConfig;
import org.ensemble.server.config.ServerConfig;
import org.junit.jupiter.api.Test;

/**
 * infra/kubernetes/ (no cluster here to apply it to, and no schema checker packaged for this machine):
 * each manifest parses, the kustomization applies every one of them and the files its configuration
 * maps come from, and the pieces fit together: probes on /health (readiness on /health/ready) at the server's port, the headless
 * Service that Hazelcast's discovery names, the disruption budget and Services selecting the pods,
 * the service account that may read the endpoints, the mounted Hazelcast file the server is pointed at.
 */
class KubernetesManifestsTest {
  private final KubernetesManifests k8s = KubernetesManifests.load();

  @Test
  void everyManifestParsesIntoObjectsOfKnownKindsInTheNamespace() {
    Set<String> kinds = new HashSet<>();
    for (Map<String, Object> d : k8s.documents()) {
      String kind = (String) d.get("kind");
      assertNotNull(d.get("apiVersion"), "every object has an apiVersion: " + d);
      assertNotNull(InfraFiles.at(d, "metadata", "name"), "every object has a name: " + d);
      kinds.add(kind);
      if (!kind.equals("Namespace")) {
        assertEquals(k8s.namespace(), InfraFiles.at(d, "metadata", "namespace"), kind + " " + InfraFiles.at(d, "metadata", "name"));
      }
    }
    assertTrue(kinds.containsAll(Set.of("Namespace", "StatefulSet", "Service", "PodDisruptionBudget", "ServiceAccount",
        "Role", "RoleBinding", "NetworkPolicy")), "kinds: " + kinds);
    k8s.get("Namespace", k8s.namespace());
  }

  @Test
  void theKustomizationAppliesEveryManifestAndTheSharedConfigurationFiles() {
    List<String> resources = InfraFiles.at(k8s.kustomization(), "resources");
    List<String> manifests = InfraFiles.in("kubernetes", ".yaml").stream()
        .map(p -> "kubernetes/" + p.getFileName()).toList();
    assertEquals(Set.copyOf(manifests), Set.copyOf(resources), "the kustomization lists every manifest");
    List<Map<String, Object>> generated = InfraFiles.at(k8s.kustomization(), "configMapGenerator");
    Set<String> maps = new HashSet<>();
    for (Map<String, Object> map : generated) {
      maps.add((String) map.get("name"));
      for (String entry : (List<String>) InfraFiles.<List<String>>at(map, "files")) {
        Path source = InfraFiles.dir().resolve(entry.substring(entry.indexOf('=') + 1));
        assertTrue(Files.isRegularFile(source), "the configuration map's file " + source + " exists");
      }
    }
    // Every configuration map a pod mounts is one the kustomization makes.
    for (Map<String, Object> set : k8s.ofKind("StatefulSet")) {
      List<Map<String, Object>> volumes = InfraFiles.at(set, "spec", "template", "spec", "volumes");
      for (Map<String, Object> volume : volumes) {
        String map = InfraFiles.at(volume, "configMap", "name");
        assertTrue(map == null || maps.contains(map), "configuration map " + map + " is generated");
      }
    }
  }

  @Test
  void readinessAndLivenessAskHealthOnTheServersPort() {
    Map<String, Object> container = k8s.ensembleContainer();
    List<Map<String, Object>> ports = InfraFiles.at(container, "ports");
    Map<String, Object> http = ports.stream().filter(p -> "http".equals(p.get("name"))).findFirst().orElseThrow();
    assertEquals(ServerConfig.DEFAULT_PORT, http.get("containerPort"));
    for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
      // Readiness follows quorum and draining; liveness and startup only that the process answers.
      assertEquals(probe.equals("readinessProbe") ? "/health/ready" : "/health",
          InfraFiles.at(container, probe, "httpGet", "path"), probe);
      assertEquals("http", InfraFiles.at(container, probe, "httpGet", "port"), probe);
    }
    // Time for SIGTERM's drain beyond the preStop pause.
    int grace = InfraFiles.at(k8s.ensemble(), "spec", "template", "spec", "terminationGracePeriodSeconds");
    assertTrue(grace >= 30, "grace period " + grace + " s");
    assertEquals("RollingUpdate", InfraFiles.at(k8s.ensemble(), "spec", "updateStrategy", "type"));
  }

  @Test
  void servicesAndTheDisruptionBudgetSelectTheEnsemblePods() {
    Map<String, Object> podLabels = InfraFiles.at(k8s.ensemble(), "spec", "template", "metadata", "labels");
    assertEquals(podLabels, InfraFiles.at(k8s.ensemble(), "spec", "selector", "matchLabels"));
    Map<String, Object> headless = k8s.headlessService();
    assertEquals("None", InfraFiles.at(headless, "spec", "clusterIP"), "the discovery Service is headless");
    assertEquals(true, InfraFiles.at(headless, "spec", "publishNotReadyAddresses"), "starting pods find each other");
    assertTrue(podLabels.entrySet().containsAll(InfraFiles.<Map<String, Object>>at(headless, "spec", "selector").entrySet()));
    List<Map<String, Object>> headlessPorts = InfraFiles.at(headless, "spec", "ports");
    assertTrue(headlessPorts.stream().anyMatch(p -> Integer.valueOf(ClusterConfig.DEFAULT_PORT).equals(p.get("port"))),
        "the headless Service has Hazelcast's port");

    Map<String, Object> service = k8s.get("Service", "ensemble");
    assertTrue(podLabels.entrySet().containsAll(InfraFiles.<Map<String, Object>>at(service, "spec", "selector").entrySet()));

    Map<String, Object> budget = k8s.ofKind("PodDisruptionBudget").get(0);
    assertEquals(podLabels, InfraFiles.at(budget, "spec", "selector", "matchLabels"));
    assertEquals(1, (int) InfraFiles.at(budget, "spec", "maxUnavailable"), "one node at a time");
  }

  @Test
  void theNodesAreToldTheDiscoveryServiceTheirAddressAndTheMountedHazelcastFile() {
    String headless = InfraFiles.at(k8s.headlessService(), "metadata", "name");
    assertEquals("kubernetes", k8s.env("ENSEMBLE_CLUSTER_DISCOVERY").get("value"));
    assertEquals(headless, k8s.env("ENSEMBLE_CLUSTER_KUBERNETES_SERVICE").get("value"));
    assertEquals("status.podIP", InfraFiles.at(k8s.env("ENSEMBLE_CLUSTER_HOST"), "valueFrom", "fieldRef", "fieldPath"));
    assertEquals("metadata.name", InfraFiles.at(k8s.env("ENSEMBLE_CLUSTER_NODE_NAME"), "valueFrom", "fieldRef", "fieldPath"));
    assertNotNull(InfraFiles.at(k8s.env("ENSEMBLE_JWT_SECRET"), "valueFrom", "secretKeyRef"), "the secret is not in the manifest");

    // ENSEMBLE_CLUSTER_HAZELCAST_CONFIG is a file of the mounted map, made from hazelcast-kubernetes.yaml.
    Path config = Path.of((String) k8s.env("ENSEMBLE_CLUSTER_HAZELCAST_CONFIG").get("value"));
    List<Map<String, Object>> mounts = InfraFiles.at(k8s.ensembleContainer(), "volumeMounts");
    Map<String, Object> mount = mounts.stream().filter(m -> config.getParent().toString().equals(m.get("mountPath")))
        .findFirst().orElseThrow(() -> new AssertionError("nothing is mounted at " + config.getParent()));
    List<Map<String, Object>> volumes = InfraFiles.at(k8s.ensemble(), "spec", "template", "spec", "volumes");
    String map = volumes.stream().filter(v -> mount.get("name").equals(v.get("name"))).findFirst()
        .map(v -> InfraFiles.<String>at(v, "configMap", "name")).orElseThrow();
    List<Map<String, Object>> generated = InfraFiles.at(k8s.kustomization(), "configMapGenerator");
    List<String> files = generated.stream().filter(g -> map.equals(g.get("name"))).findFirst()
        .map(g -> InfraFiles.<List<String>>at(g, "files")).orElseThrow();
    assertTrue(files.contains(config.getFileName() + "=hazelcast/hazelcast-kubernetes.yaml"), "files: " + files);

    // The service account the pods run as may read the discovery Service's endpoints.
    String account = InfraFiles.at(k8s.ensemble(), "spec", "template", "spec", "serviceAccountName");
    k8s.get("ServiceAccount", account);
    Map<String, Object> binding = k8s.ofKind("RoleBinding").stream()
        .filter(b -> InfraFiles.<List<Map<String, Object>>>at(b, "subjects").stream().anyMatch(s -> account.equals(s.get("name"))))
        .findFirst().orElseThrow(() -> new AssertionError("no RoleBinding for " + account));
    Map<String, Object> role = k8s.get("Role", InfraFiles.at(binding, "roleRef", "name"));
    List<Map<String, Object>> rules = InfraFiles.at(role, "rules");
    assertTrue(rules.stream().anyMatch(r -> ((List<?>) r.get("resources")).contains("endpoints")
        && ((List<?>) r.get("verbs")).containsAll(List.of("get", "list"))), "the role may read endpoints");
  }

  @Test
  void redisIsTheStoreTheNodesAreToldToUse() {
    assertEquals("redis", k8s.env("ENSEMBLE_STORE").get("value"));
    String uri = (String) k8s.env("ENSEMBLE_REDIS_URI").get("value");
    String host = uri.replaceFirst("^redis://", "").replaceFirst("[:/].*$", "");
    Map<String, Object> redisService = k8s.get("Service", host);
    List<Map<String, Object>> ports = InfraFiles.at(redisService, "spec", "ports");
    assertTrue(ports.stream().anyMatch(p -> Integer.valueOf(6379).equals(p.get("port"))));
    Map<String, Object> redis = k8s.get("StatefulSet", host);
    assertNotNull(InfraFiles.at(redis, "spec", "volumeClaimTemplates"), "Redis keeps its AOF on a persistent volume");
    List<Map<String, Object>> containers = InfraFiles.at(redis, "spec", "template", "spec", "containers");
    List<String> command = InfraFiles.at(containers.get(0), "command");
    assertEquals("/usr/local/etc/redis/redis.conf", command.get(1), "Redis runs the shipped redis.conf");
  }
}
