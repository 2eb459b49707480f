package org.ensemble.loadtest.run;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.ensemble.loadtest.client.ClientSpec;
import org.ensemble.loadtest.client.LoadClient;
import org.ensemble.loadtest.client.NoteEdits;
import org.ensemble.loadtest.client.SendLog;
import org.ensemble.loadtest.metrics.RunMetrics;

/**
 * The clients of a run, all in this JVM on a few event loops (one per core): each client is bound to
 * one event-loop context, round robin, and a room's clients are spread over them.
 */
public final class Fleet implements AutoCloseable {
  /** Connections opened at the same time; more wait (a bounded, realistic arrival of users). */
  public static final int CONNECT_CONCURRENCY = 32;
  public static final long SYNC_TIMEOUT_MS = 15_000;
  static final long POLL_MS = 250;
  /** Above any sync step 2 of these runs (the client default is 256 KiB). */
  static final int MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

  private final Vertx vertx;
  private final WebSocketClient wsClient;
  private final List<Context> contexts = new ArrayList<>();
  private final RunMetrics metrics;
  private final SendLog sendLog = new SendLog();
  private final List<List<LoadClient>> rooms = new ArrayList<>();
  private int next;

  public Fleet(RunMetrics metrics, int eventLoops, int maxConnections) {
    this.metrics = metrics;
    this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(eventLoops));
    this.wsClient = vertx.createWebSocketClient(new WebSocketClientOptions()
        .setMaxConnections(Math.max(maxConnections, 1))
        .setMaxMessageSize(MAX_MESSAGE_BYTES)
        .setMaxFrameSize(MAX_MESSAGE_BYTES)
        .setConnectTimeout((int) SYNC_TIMEOUT_MS));
    contexts.addAll(EventLoops.contexts(vertx, eventLoops));
  }

  public Vertx vertx() {
    return vertx;
  }

  /**
   * Creates the clients of {@code specs} (rooms of clients); the client's number seeds its edits. With
   * {@code probes}, every client but each room's first is a probe ({@link LoadClient}).
   */
  public List<List<LoadClient>> add(List<List<ClientSpec>> specs, int ownNotes, long seed, boolean probes) {
    List<List<LoadClient>> added = new ArrayList<>();
    for (List<ClientSpec> room : specs) {
      List<LoadClient> clients = new ArrayList<>();
      for (ClientSpec spec : room) {
        int n = next++;
        clients.add(new LoadClient(spec, contexts.get(n % contexts.size()), metrics,
            new NoteEdits("c" + n, seed * 1_000_003L + n, ownNotes), probes && !clients.isEmpty(), sendLog));
      }
      added.add(clients);
    }
    rooms.addAll(added);
    return added;
  }

  public List<List<LoadClient>> rooms() {
    return rooms;
  }

  public List<LoadClient> all() {
    return rooms.stream().flatMap(List::stream).toList();
  }

  /** Connects {@code clients}, at most {@link #CONNECT_CONCURRENCY} at a time; returns how many synced. */
  public int connect(List<LoadClient> clients) throws InterruptedException {
    Semaphore slots = new Semaphore(CONNECT_CONCURRENCY);
    List<Future<Void>> all = new ArrayList<>();
    for (LoadClient c : clients) {
      slots.acquire();
      Future<Void> f = c.connect(wsClient, SYNC_TIMEOUT_MS);
      f.onComplete(ar -> slots.release());
      all.add(f);
    }
    return (int) awaitAll(all, SYNC_TIMEOUT_MS * 2).stream().filter(ok -> ok).count();
  }

  /** Runs {@code action} on every client and waits for all of them (bounded). */
  public <T> List<T> each(List<LoadClient> clients, Function<LoadClient, Future<T>> action) throws InterruptedException {
    List<Future<T>> all = clients.stream().map(action).toList();
    awaitAll(all, SYNC_TIMEOUT_MS);
    return all.stream().map(f -> f.succeeded() ? f.result() : null).toList();
  }

  /**
   * Polls {@code check} on {@code clients} until it holds for all of them or {@code timeoutMs} passes;
   * returns the clients for which it still does not hold.
   */
  public List<LoadClient> awaitTrue(List<LoadClient> clients, Function<LoadClient, Future<Boolean>> check, long timeoutMs)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeoutMs * 1_000_000;
    List<LoadClient> pending = clients;
    while (true) {
      List<Boolean> ok = each(pending, check);
      List<LoadClient> still = new ArrayList<>();
      for (int i = 0; i < pending.size(); i++) {
        if (!Boolean.TRUE.equals(ok.get(i))) {
          still.add(pending.get(i));
        }
      }
      pending = still;
      if (pending.isEmpty() || System.nanoTime() > deadline) {
        return pending;
      }
      Thread.sleep(POLL_MS); // the clients' state changes through the server; nothing to wait on
    }
  }

  private static <T> List<Boolean> awaitAll(List<Future<T>> futures, long timeoutMs) throws InterruptedException {
    try {
      Future.join(futures).toCompletionStage().toCompletableFuture().get(timeoutMs, TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      // the individual futures say which ones failed
    }
    return futures.stream().map(Future::succeeded).toList();
  }

  @Override
  public void close() throws InterruptedException {
    each(all(), LoadClient::close);
    try {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      // closing is best effort at the end of a run
    }
  }
}
