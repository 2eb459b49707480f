package org.ensemble.server.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.map.IMap;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.ensemble.server.generation.service.GenerationService;
import org.ensemble.server.generation.service.JobDirectory;

/**
 * The generation jobs of the whole cluster, in a Hazelcast map from job id to {@link JobEntry}: any
 * node answers a job's status, and a job whose node is no longer a member answers as failed (the
 * node died while writing it; its client asks again). A cancel request for a job another node runs is
 * sent to that node's address on the event bus. Calls use Hazelcast's asynchronous API.
 */
public final class ClusterJobDirectory implements JobDirectory {
  static final String MAP = "ensemble.generation-jobs";
  private static final long CANCEL_TIMEOUT_MS = 5_000;
  private static final int NOT_HERE = 404;
  private static final Set<String> UNFINISHED = Set.of("queued", "running", "writing");

  private final Vertx vertx;
  private final ClusterNode node;
  private final IMap<String, JobEntry> map;
  private final MessageConsumer<String> consumer;
  private volatile Function<String, Optional<JsonObject>> cancelHere = id -> Optional.empty();

  private ClusterJobDirectory(ClusterNode node, IMap<String, JobEntry> map) {
    this.vertx = node.vertx();
    this.node = node;
    this.map = map;
    this.consumer = vertx.eventBus().consumer(address(node.id()), this::onCancel);
  }

  /** Opens the map (a Hazelcast call that may block, so on a worker thread) and this node's address. */
  public static Future<ClusterJobDirectory> start(ClusterNode node) {
    return node.vertx().executeBlocking(() -> node.hazelcast().<String, JobEntry>getMap(MAP), false)
        .compose(map -> {
          ClusterJobDirectory directory = new ClusterJobDirectory(node, map);
          return directory.consumer.completion().map(directory);
        });
  }

  private static String address(String nodeId) {
    return "ensemble.generation." + nodeId;
  }

  @Override
  public Future<Void> record(String jobId, long version, JsonObject state) {
    JobEntry entry = new JobEntry(node.id(), version, state.encode());
    return Future.fromCompletionStage(map.submitToKey(jobId, new RecordJob(entry))).mapEmpty();
  }

  @Override
  public Future<Optional<JsonObject>> find(String jobId) {
    return entry(jobId).map(found -> found.map(this::asSeenNow));
  }

  @Override
  public Future<Optional<JsonObject>> cancelElsewhere(String jobId) {
    return entry(jobId).compose(found -> {
      if (found.isEmpty()) {
        return Future.succeededFuture(Optional.empty());
      }
      JobEntry entry = found.get();
      JsonObject state = asSeenNow(entry);
      if (!UNFINISHED.contains(state.getString("status")) || entry.nodeId().equals(node.id())) {
        return Future.succeededFuture(Optional.of(state));
      }
      return vertx.eventBus().<String>request(address(entry.nodeId()), jobId,
              new DeliveryOptions().setSendTimeout(CANCEL_TIMEOUT_MS))
          .map(reply -> Optional.of(new JsonObject(reply.body())))
          // It finished meanwhile, or its node stopped: the directory says which.
          .recover(e -> isMember(entry.nodeId()) && !(e instanceof io.vertx.core.eventbus.ReplyException r
              && r.failureCode() == NOT_HERE) ? Future.failedFuture(e) : find(jobId));
    });
  }

  @Override
  public void serveCancels(Function<String, Optional<JsonObject>> cancelHere) {
    this.cancelHere = cancelHere;
  }

  private void onCancel(Message<String> message) {
    Optional<JsonObject> state = cancelHere.apply(message.body());
    if (state.isPresent()) {
      message.reply(state.get().encode());
    } else {
      message.fail(NOT_HERE, "generation job " + message.body() + " does not run here");
    }
  }

  @Override
  public Future<Void> close() {
    return consumer.unregister();
  }

  /** The entry, read on the caller's context. */
  private Future<Optional<JobEntry>> entry(String jobId) {
    return Future.fromCompletionStage(map.getAsync(jobId), vertx.getOrCreateContext()).map(Optional::ofNullable);
  }

  /** The recorded state, or, for a job not finished whose node is gone, that it failed and why. */
  private JsonObject asSeenNow(JobEntry entry) {
    JsonObject state = new JsonObject(entry.state());
    if (UNFINISHED.contains(state.getString("status")) && !isMember(entry.nodeId())) {
      state.put("status", "failed").put("error", GenerationService.SERVER_STOPPED);
    }
    return state;
  }

  private boolean isMember(String nodeId) {
    for (Member m : node.hazelcast().getCluster().getMembers()) {
      if (m.getUuid().toString().equals(nodeId)) {
        return true;
      }
    }
    return false;
  }
}
