package org.ensemble.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every setting read in one place: file over defaults, environment over file, bad values refused by name. */
class ServerConfigTest {

  @Test
  void defaultsWithoutFileOrEnvironment() {
    ServerConfig c = ServerConfig.from(new JsonObject(), Map.of());
    assertEquals(ServerConfig.defaults(), c);
    assertEquals(8080, c.port());
    assertEquals(Path.of("data"), c.dataDir());
    assertEquals(GenerationConfig.Load.EAGER, c.generation().load());
    assertTrue(c.eventLoops() >= 1);
  }

  @Test
  void theFileOverridesDefaultsAndTheEnvironmentOverridesTheFile() {
    JsonObject file = new JsonObject().put("port", 9000).put("store", "redis").put("generation", "lazy")
        .put("generationWorkers", 2).put("eventLoops", 3).put("allowedOrigins", new JsonArray().add("https://a.example"))
        .put("limits", new JsonObject().put("maxMessageBytes", 4096));
    ServerConfig c = ServerConfig.from(file, Map.of("ENSEMBLE_PORT", "9100", "ENSEMBLE_GENERATION", "off",
        "ENSEMBLE_LIMITS_MESSAGE_BURST", "7", "ENSEMBLE_ALLOWED_ORIGINS", "https://b.example, https://c.example",
        "ENSEMBLE_DEV_MODE", "false", "ENSEMBLE_DISK_SYNCS_IN_FLIGHT", "2", "ENSEMBLE_WEB_ROOT", "/srv/studio"));
    assertEquals(9100, c.port());
    assertEquals(ServerConfig.StoreKind.REDIS, c.store());
    assertEquals(GenerationConfig.Load.OFF, c.generation().load());
    assertEquals(2, c.generation().workers());
    assertEquals(3, c.eventLoops());
    assertEquals(2, c.diskSyncsInFlight());
    assertEquals(4096, c.limits().maxMessageBytes());
    assertEquals(7, c.limits().messageBurst());
    assertEquals(List.of("https://b.example", "https://c.example"), c.allowedOrigins());
    assertEquals(false, c.devMode());
    assertEquals(Path.of("/srv/studio"), c.webRoot());
  }

  @Test
  void webSocketsDeclinePermessageDeflateUnlessTurnedOn() {
    assertEquals(false, ServerConfig.defaults().webSocketDeflate());
    assertEquals(true, ServerConfig.from(new JsonObject(), Map.of("ENSEMBLE_WEB_SOCKET_DEFLATE", "true")).webSocketDeflate());
    assertRefused(new JsonObject().put("webSocketDeflate", "on"), Map.of(), "setting \"webSocketDeflate\" must be true or false");
  }

  @Test
  void clusterSettingsComeFromTheEnvironmentAndNeedRedis() {
    ServerConfig c = ServerConfig.from(new JsonObject().put("store", "redis"), Map.of("ENSEMBLE_CLUSTER_ENABLED", "true",
        "ENSEMBLE_CLUSTER_MEMBERS", "10.0.0.1:5701, 10.0.0.2:5701,10.0.0.3:5701", "ENSEMBLE_CLUSTER_HOST", "10.0.0.1",
        "ENSEMBLE_CLUSTER_LEASE_MILLIS", "3000", "ENSEMBLE_CLUSTER_FAILURE_SECONDS", "4"));
    assertTrue(c.cluster().enabled());
    assertEquals(List.of("10.0.0.1:5701", "10.0.0.2:5701", "10.0.0.3:5701"), c.cluster().members());
    assertEquals(3000, c.cluster().leaseMillis());
    assertEquals(4, c.cluster().failureSeconds());
    assertEquals(2, c.cluster().effectiveQuorum(), "a majority of three");
    assertEquals(false, ServerConfig.defaults().cluster().enabled());
    assertRefused(new JsonObject(), Map.of("ENSEMBLE_CLUSTER_ENABLED", "true"), "cluster mode keeps projects in Redis");
    assertRefused(new JsonObject().put("store", "redis"), Map.of("ENSEMBLE_CLUSTER_DISCOVERY", "kubernetes"),
        "\"cluster.kubernetesService\" is needed");
    assertRefused(new JsonObject().put("cluster", new JsonObject().put("heartbeatSeconds", 5).put("failureSeconds", 5)),
        Map.of(), "\"cluster.failureSeconds\" must be longer");
  }

  @Test
  void anUnknownKeyIsRefusedByName() {
    assertRefused(new JsonObject().put("prot", 8080), Map.of(), "unknown setting \"prot\"");
    assertRefused(new JsonObject().put("limits", new JsonObject().put("maxMessagesPerMinute", 5)), Map.of(),
        "unknown setting \"limits.maxMessagesPerMinute\"");
  }

  @Test
  void aWrongTypeIsRefusedByName() {
    assertRefused(new JsonObject().put("port", "8080"), Map.of(), "setting \"port\" must be a whole number");
    assertRefused(new JsonObject().put("devMode", "yes"), Map.of(), "setting \"devMode\" must be true or false");
    assertRefused(new JsonObject().put("limits", 5), Map.of(), "setting \"limits\" must be an object");
    assertRefused(new JsonObject().put("allowedOrigins", "https://a.example"), Map.of(),
        "setting \"allowedOrigins\" must be a list of strings");
    assertRefused(new JsonObject(), Map.of("ENSEMBLE_PORT", "eighty"),
        "setting \"port\" (from ENSEMBLE_PORT) must be a whole number");
    assertRefused(new JsonObject(), Map.of("ENSEMBLE_GENERATION", "sometimes"),
        "setting \"generation\" (from ENSEMBLE_GENERATION) must be one of off | lazy | eager, not \"sometimes\"");
  }

  @Test
  void anOutOfRangeValueIsRefusedByName() {
    assertRefused(new JsonObject().put("port", 70000), Map.of(), "setting \"port\" must be from 0 to 65535, not 70000");
    assertRefused(new JsonObject(), Map.of("ENSEMBLE_EVENT_LOOPS", "0"), "setting \"eventLoops\" (from ENSEMBLE_EVENT_LOOPS) must be from 1");
    assertRefused(new JsonObject().put("limits", new JsonObject().put("messageBurst", 0)), Map.of(),
        "setting \"limits.messageBurst\" must be from 1");
    assertRefused(new JsonObject().put("generationWorkers", 0), Map.of(), "setting \"generationWorkers\" must be from 1 to 64");
  }

  private static void assertRefused(JsonObject file, Map<String, String> env, String expected) {
    ConfigException e = assertThrows(ConfigException.class, () -> ServerConfig.from(file, env));
    assertTrue(e.getMessage().startsWith(expected) || e.getMessage().contains(expected),
        "expected \"" + expected + "\" in: " + e.getMessage());
    assertEquals(-1, e.getMessage().indexOf('\n'), "one line: " + e.getMessage());
  }
}
