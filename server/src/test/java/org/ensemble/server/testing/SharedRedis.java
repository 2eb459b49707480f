package org.ensemble.server.testing;

import java.util.UUID;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One real redis-server for a test class ({@code @RegisterExtension static final SharedRedis redis}),
 * started before its first test and stopped after its last; each test gets a key prefix of its own,
 * so tests never see each other's keys.
 */
public final class SharedRedis implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {
  private RedisServer server;
  private String keyPrefix;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    server = RedisServer.start();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    keyPrefix = "test-" + UUID.randomUUID() + ":";
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    if (server != null) {
      server.close();
    }
  }

  public String uri() {
    return server.uri();
  }

  /** The current test's key prefix. */
  public String keyPrefix() {
    return keyPrefix;
  }
}
