package org.ensemble.server.sync;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;
import org.ensemble.protocol.lib0.DecodingException;
import org.ensemble.protocol.sync.WebsocketMessage;
import org.ensemble.protocol.sync.WebsocketMessages;
import org.ensemble.server.config.Limits;
import org.ensemble.server.auth.Role;
import org.ensemble.server.auth.Tokens;
import org.ensemble.server.auth.UserIdentity;
import org.ensemble.server.metrics.ServerMetrics;
import org.ensemble.server.registry.ProjectRegistry;

/**
 * The y-websocket endpoint {@code /sync/<projectId>?token=...}: a stock {@code WebsocketProvider}
 * connects here unchanged. It checks the origin, the token and the user's role, then joins the
 * connection to the project's room. Every message is checked here before it reaches the room:
 * size, rate and framing; a bad one closes that connection only, with a named code and a reason.
 */
public final class SyncEndpoint {
  private static final Logger LOG = Logger.getLogger(SyncEndpoint.class.getName());
  /**
   * The sub-protocol the studio asks for. It sends its token as a second offered sub-protocol,
   * {@code ensemble-token.<token>}, instead of in the URL: browsers print a failed WebSocket's URL in
   * the console, and URLs end up in logs. The server answers with this one only.
   */
  public static final String SUBPROTOCOL = "ensemble-sync";
  private static final String TOKEN_PROTOCOL = "ensemble-token.";

  private final Rooms rooms;
  private final Tokens tokens;
  private final ProjectRegistry registry;
  private final Limits limits;
  private final Origins origins;
  private final ServerMetrics metrics;
  private final ConnectionQuota quota;

  /** @param quota counts each user's open connections (on this server, or over a cluster) */
  public SyncEndpoint(Rooms rooms, Tokens tokens, ProjectRegistry registry, Limits limits, Origins origins,
                      ServerMetrics metrics, ConnectionQuota quota) {
    this.rooms = rooms;
    this.tokens = tokens;
    this.registry = registry;
    this.limits = limits;
    this.origins = origins;
    this.metrics = metrics;
    this.quota = quota;
  }

  /** Route handler for {@code GET /sync/:projectId} with a WebSocket upgrade. */
  public void handle(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    if (!request.canUpgradeToWebSocket()) {
      ctx.response().setStatusCode(426).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
          .end("{\"error\":\"this endpoint speaks the y-websocket protocol over WebSocket\"}");
      return;
    }
    String projectId = ctx.pathParam("projectId");
    String token = tokenOf(request);
    String origin = request.getHeader(HttpHeaders.ORIGIN);
    String host = request.getHeader(HttpHeaders.HOST);
    request.toWebSocket().onSuccess(ws -> accept(ws, projectId, token, origin, host));
  }

  /** The token from the offered sub-protocols (the studio), or else the {@code token} parameter (stock clients). */
  private static String tokenOf(HttpServerRequest request) {
    String offered = request.getHeader("Sec-WebSocket-Protocol");
    if (offered != null) {
      for (String p : offered.split(",")) {
        String name = p.trim();
        if (name.startsWith(TOKEN_PROTOCOL)) {
          return name.substring(TOKEN_PROTOCOL.length());
        }
      }
    }
    return request.getParam("token");
  }

  private void accept(ServerWebSocket ws, String projectId, String token, String origin, String host) {
    ws.pause(); // messages wait until the connection has joined its room
    // The client may hang up while we check its token: the cleanup then runs when it is known.
    AtomicReference<Runnable> cleanup = new AtomicReference<>();
    AtomicBoolean hungUp = new AtomicBoolean();
    ws.closeHandler(v -> {
      hungUp.set(true);
      Runnable r = cleanup.getAndSet(null);
      if (r != null) {
        r.run();
      }
    });
    if (!origins.allows(origin, host)) {
      reject(ws, CloseCodes.FORBIDDEN, "origin not allowed: " + origin, "origin");
      return;
    }
    tokens.verify(token).onComplete(auth -> {
      if (auth.failed()) {
        reject(ws, CloseCodes.UNAUTHORIZED, token == null || token.isBlank() ? "missing token" : "invalid or expired token",
            "unauthorized");
        return;
      }
      UserIdentity user = auth.result();
      if (registry.get(projectId).isEmpty()) {
        reject(ws, CloseCodes.NOT_FOUND, "no such project: " + projectId, "not-found");
        return;
      }
      Role role = registry.roleOf(projectId, user.id()).orElse(null);
      if (role == null) {
        reject(ws, CloseCodes.FORBIDDEN, "not a member of this project", "forbidden");
        return;
      }
      quota.tryOpen(user.id()).onComplete(counted -> {
        if (counted.failed()) {
          LOG.warning("could not count the connections of " + user.id() + ": " + counted.cause());
          reject(ws, CloseCodes.SERVER_ERROR, "could not count this user's connections; try again", "connections-uncounted");
        } else if (!counted.result()) {
          reject(ws, CloseCodes.RATE_LIMITED, "too many connections for this user (limit " + quota.limit() + ")",
              "connections-per-user");
        } else {
          join(ws, projectId, user, role, cleanup, hungUp);
        }
      });
    });
  }

  /** Joins a counted connection to its room; its cleanup gives its place in the user's quota back. */
  private void join(ServerWebSocket ws, String projectId, UserIdentity user, Role role,
                    AtomicReference<Runnable> cleanup, AtomicBoolean hungUp) {
    metrics.connectionOpened();
    WebSocketConnection connection = new WebSocketConnection(ws, user, role, metrics,
        limits.maxQueuedBytesPerConnection());
    Future<RoomSession> joined = rooms.join(projectId, connection);
    cleanup.set(() -> {
      quota.closed(user.id());
      metrics.connectionClosed();
      joined.onSuccess(RoomSession::leave);
    });
    if (hungUp.get()) {
      Runnable r = cleanup.getAndSet(null);
      if (r != null) {
        r.run();
      }
    }
    joined.onComplete(ar -> {
      if (ar.failed()) {
        LOG.warning("could not open project " + projectId + ": " + ar.cause());
        connection.close(CloseCodes.SERVER_ERROR, "could not open the project");
        return;
      }
      listen(ws, connection, ar.result());
      ws.resume();
    });
  }

  private void listen(ServerWebSocket ws, WebSocketConnection connection, RoomSession room) {
    TokenBucket budget = new TokenBucket(limits.maxMessagesPerSecond(), limits.messageBurst(), System::nanoTime);
    ws.binaryMessageHandler(buffer -> onMessage(connection, room, budget, buffer));
    ws.textMessageHandler(text -> {
      metrics.refused("text-frame");
      connection.close(CloseCodes.MALFORMED_MESSAGE, "text messages are not part of the protocol");
    });
    ws.exceptionHandler(e -> LOG.fine("connection " + connection + " failed: " + e));
  }

  private void onMessage(WebSocketConnection connection, RoomSession room, TokenBucket budget, Buffer buffer) {
    if (connection.isClosed()) {
      return;
    }
    int size = buffer.length();
    if (size > limits.maxMessageBytes()) {
      metrics.refused("too-large");
      connection.close(CloseCodes.MESSAGE_TOO_LARGE, "message of " + size + " bytes; the limit is " + limits.maxMessageBytes());
      return;
    }
    if (!budget.tryTake()) {
      metrics.refused("rate");
      connection.close(CloseCodes.RATE_LIMITED, "more than " + limits.maxMessagesPerSecond() + " messages per second");
      return;
    }
    metrics.received(size);
    WebsocketMessage message;
    byte[] raw = buffer.getBytes();
    try {
      message = WebsocketMessages.read(raw);
    } catch (DecodingException e) {
      metrics.refused("malformed");
      connection.close(CloseCodes.MALFORMED_MESSAGE, "malformed message: " + e.getMessage());
      return;
    }
    room.receive(message, raw);
  }

  private void reject(ServerWebSocket ws, short code, String reason, String tag) {
    metrics.refused(tag);
    ws.close(code, CloseCodes.reason(reason));
  }
}
