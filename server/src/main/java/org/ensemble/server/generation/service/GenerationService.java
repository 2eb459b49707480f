package org.ensemble.server.generation.service;

import ai.djl.inference.Predictor;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ensemble.cowriter.generation.GenerationException;
import org.ensemble.cowriter.generation.GenerationPlan;
import org.ensemble.cowriter.generation.GenerationRequest;
import org.ensemble.cowriter.generation.SuggestedNote;
import org.ensemble.cowriter.model.ChoraleModel;
import org.ensemble.cowriter.model.Distributions;
import org.ensemble.cowriter.model.Engines;
import org.ensemble.cowriter.model.Roll;
import org.ensemble.cowriter.sampling.GibbsSampler;
import org.ensemble.schema.ProjectReader;
import org.ensemble.server.attribution.AiEdits;
import org.ensemble.server.attribution.AiProvenance;
import org.ensemble.server.auth.UserIdentity;
import org.ensemble.server.config.GenerationConfig;
import org.ensemble.server.sync.Rooms;

/**
 * The AI co-writer in the studio: requests become jobs on a small pool of worker threads (never the
 * event loop), each thread with its own predictor. The queue is bounded and each user may have only
 * a few jobs at once; beyond either, requests are refused with 429. A finished job's candidates are
 * written into the document's {@code suggestions} by the server as the AI ({@link AiEdits}: the AI's
 * client id, the ledger records each suggestion's provenance), so everyone in the room sees them
 * arrive; accepting and rejecting are the AI's edits too, recorded with the person who decided.
 *
 * <p>Every change of a job's state is recorded in the {@link JobDirectory}, so that any server of a
 * cluster answers its status; a cancel request for a job another server runs is passed on to it.
 */
public final class GenerationService {
  private static final Logger LOG = Logger.getLogger(GenerationService.class.getName());
  /** The model's name in the ledger's provenance records. */
  public static final String MODEL_NAME = "ensemble-chorale";
  public static final String MODEL_CARD_PATH = "/api/generation/model";
  /** Why a job failed when the server running it stopped before it finished. */
  public static final String SERVER_STOPPED = "the server that was writing these suggestions stopped; ask again";
  private static final long WRITE_TIMEOUT_SECONDS = 30;
  /** A running job's progress is recorded for other servers at most this often. */
  private static final long PROGRESS_RECORD_MS = 1000;

  private final Vertx vertx;
  private final Rooms rooms;
  private final GenerationConfig config;
  private final ThreadPoolExecutor workers;
  private final ThreadLocal<Predictor<List<Roll>, Distributions>> predictors = new ThreadLocal<>();
  /** The jobs this server runs, until their final state is recorded in the directory. */
  private final Map<String, Job> live = new ConcurrentHashMap<>();
  private final JobDirectory directory;
  private final Map<Job, Runnable> queued = new ConcurrentHashMap<>();
  private final JobQuota quota;
  private final SecureRandom random = new SecureRandom();
  private final ModelCard card;
  /** Every worker's predictor, closed with the service. */
  private final Queue<Predictor<List<Roll>, Distributions>> allPredictors = new ConcurrentLinkedQueue<>();
  /**
   * Loaded off the event loop, at start ({@code eager}) or on the first request ({@code lazy}); null
   * until then. A failure is answered with 503.
   */
  private volatile Future<ChoraleModel> model;
  private volatile boolean closed;
  private volatile String engine;

  /**
   * @param directory where every job's state is recorded and read (this server's, or the cluster's)
   * @param quota     each user's jobs queued or running (this server's, or counted over the cluster)
   */
  public GenerationService(Vertx vertx, Rooms rooms, GenerationConfig config, JobDirectory directory,
                           JobQuota quota) {
    this.vertx = vertx;
    this.rooms = rooms;
    this.config = config;
    this.directory = directory;
    this.quota = quota;
    directory.serveCancels(this::cancelHere);
    this.card = new ModelCard(config.modelDir());
    AtomicInteger n = new AtomicInteger();
    this.workers = new ThreadPoolExecutor(config.workers(), config.workers(), 0, TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(config.queueCapacity()), r -> {
          Thread t = new Thread(r, "ensemble-generation-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
    if (config.load() == GenerationConfig.Load.EAGER) {
      model();
    }
  }

  /** The model, loading it on the first call; fails with 503 when generation is off or cannot load. */
  private synchronized Future<ChoraleModel> model() {
    if (config.load() == GenerationConfig.Load.OFF) {
      return Future.failedFuture(new GenerationException(503,
          "the AI co-writer is off on this server (generation: off in its configuration)"));
    }
    if (closed) {
      return Future.failedFuture(new GenerationException(503, "the server is shutting down"));
    }
    if (model == null) {
      model = vertx.executeBlocking(() -> {
        ChoraleModel m = ChoraleModel.load(config.modelDir());
        engine = Engines.describe();
        LOG.fine("the AI co-writer's model " + m.version() + " is loaded (" + engine + ")");
        return m;
      }, false);
      // Loaded at start, a failure is on the first screen; loaded on a request, it is logged once here.
      Level level = config.load() == GenerationConfig.Load.EAGER ? Level.FINE : Level.WARNING;
      model.onFailure(e -> LOG.log(level, "the AI co-writer is off: " + e.getMessage()));
    }
    return model.recover(e -> Future.failedFuture(new GenerationException(503, "the AI co-writer is off: "
        + e.getMessage() + " (see README: train one, or set ENSEMBLE_GENERATION_MODEL_DIR)")));
  }

  /** Completes once a model loading at start has loaded or failed; at once otherwise. Never fails. */
  public Future<Void> ready() {
    Future<ChoraleModel> m = model;
    return m == null ? Future.succeededFuture() : m.<Void>mapEmpty().otherwiseEmpty();
  }

  /** The engine the loaded model runs on, in words (null until loaded). */
  public String engine() {
    return engine;
  }

  /** Why the model could not load (null unless it failed). */
  public String problem() {
    Future<ChoraleModel> m = model;
    return m != null && m.failed() ? m.cause().getMessage() : null;
  }

  /** Where the model stands, for {@code /health}: off, not loaded, loading, loaded or failed. */
  public String modelState() {
    if (config.load() == GenerationConfig.Load.OFF) {
      return "off";
    }
    Future<ChoraleModel> m = model;
    if (m == null) {
      return "not loaded";
    }
    return !m.isComplete() ? "loading" : m.succeeded() ? "loaded" : "failed";
  }

  /**
   * Stops the workers (queued jobs are cancelled, running ones stop after their current sweep), then
   * closes every predictor and the model. Blocking work runs off the event loop.
   */
  public Future<Void> close() {
    Future<ChoraleModel> loaded;
    synchronized (this) {
      closed = true;
      loaded = model;
    }
    live.values().forEach(Job::requestCancel);
    workers.shutdown();
    return vertx.executeBlocking(() -> {
      if (!workers.awaitTermination(WRITE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        workers.shutdownNow();
      }
      for (Predictor<List<Roll>, Distributions> p; (p = allPredictors.poll()) != null; ) {
        p.close();
      }
      return null;
    }, false).compose(v -> loaded == null ? Future.succeededFuture()
        : loaded.transform(ar -> {
          if (ar.succeeded()) {
            ar.result().close();
          }
          return Future.succeededFuture();
        })).eventually(directory::close).mapEmpty();
  }

  public GenerationConfig config() {
    return config;
  }

  public ModelCard card() {
    return card;
  }

  /**
   * Checks a request against the project and queues it. Fails with a {@link GenerationException}:
   * 400 for a request that cannot be met, 429 when the queue or the user's share is full, 503 when
   * no model is installed.
   */
  public Future<Job> submit(String projectId, UserIdentity user, JsonObject body) {
    GenerationRequest request;
    try {
      request = GenerationRequest.parse(body, random.nextInt(Integer.MAX_VALUE));
    } catch (GenerationException e) {
      return Future.failedFuture(e);
    }
    return model()
        .compose(m -> rooms.read(projectId, vertx, doc -> ProjectReader.read(doc).view())
            .map(project -> GenerationPlan.of(request, project, m.spec()))
            .compose(plan -> quota.tryStart(user.id()).map(counted -> {
              if (!counted) {
                throw new GenerationException(429, "you already have " + config.perUser()
                    + " generation jobs queued or running; wait for one to finish or cancel it");
              }
              return enqueue(new Job(newId(), projectId, user, plan), m);
            })));
  }

  /** A job's state, whichever server runs it (404 when none knows it). */
  public Future<JsonObject> status(String jobId) {
    Job job = live.get(jobId);
    if (job != null) {
      return Future.succeededFuture(job.toJson());
    }
    return directory.find(jobId).map(found -> found.orElseThrow(() -> unknown(jobId)));
  }

  /**
   * Cancels a job: a queued one at once, a running one after its current sweep; at the server that
   * runs it. Answers the job's state then.
   */
  public Future<JsonObject> cancel(String jobId) {
    Optional<JsonObject> here = cancelHere(jobId);
    if (here.isPresent()) {
      return Future.succeededFuture(here.get());
    }
    return directory.cancelElsewhere(jobId)
        .recover(e -> Future.failedFuture(new GenerationException(503, "the server running generation job " + jobId
            + " did not answer; try again (" + e.getMessage() + ")")))
        .map(found -> found.orElseThrow(() -> unknown(jobId)));
  }

  private Optional<JsonObject> cancelHere(String jobId) {
    Job job = live.get(jobId);
    if (job == null) {
      return Optional.empty();
    }
    job.requestCancel();
    Runnable task = queued.remove(job);
    if (task != null && workers.remove(task)) {
      job.cancelled();
      release(job);
      finished(job);
    }
    return Optional.of(job.toJson());
  }

  private static GenerationException unknown(String jobId) {
    return new GenerationException(404, "no such generation job: " + jobId);
  }

  /**
   * Moves a suggestion's notes (all, or those in {@code noteIds}) into their tracks and removes the
   * suggestion, as the AI, recorded in the ledger as accepted by {@code by}.
   */
  public Future<List<String>> accept(String projectId, String suggestionId, Set<String> noteIds, UserIdentity by) {
    List<List<String>> accepted = new ArrayList<>(1);
    return provenance(projectId, suggestionId)
        .compose(p -> AiEdits.accept(rooms, projectId, p, by, noteIds != null,
            doc -> accepted.add(SuggestionDocs.accept(doc, suggestionId, noteIds, by))))
        .map(v -> accepted.get(0));
  }

  /** Removes a suggestion, as the AI, recorded in the ledger as rejected by {@code by}. */
  public Future<Void> reject(String projectId, String suggestionId, UserIdentity by) {
    return provenance(projectId, suggestionId)
        .compose(p -> AiEdits.reject(rooms, projectId, p, by, doc -> SuggestionDocs.reject(doc, suggestionId)))
        .mapEmpty();
  }

  /** Where a suggestion came from, as the document records it (404 when it is not there). */
  private Future<AiProvenance> provenance(String projectId, String suggestionId) {
    return rooms.read(projectId, vertx, doc -> SuggestionDocs.provenance(doc, suggestionId, MODEL_NAME));
  }

  /** Queues a job already counted in the user's quota (given back when the queue refuses it). */
  private Job enqueue(Job job, ChoraleModel model) {
    Runnable task = () -> run(job, model);
    queued.put(job, task);
    // Known before a worker can finish it (a finished job leaves this map once recorded).
    live.put(job.id(), job);
    try {
      workers.execute(task);
    } catch (RejectedExecutionException e) {
      queued.remove(job);
      live.remove(job.id());
      release(job);
      throw new GenerationException(429, "the generation queue is full (" + config.queueCapacity()
          + " jobs waiting); try again shortly");
    }
    record(job);
    return job;
  }

  /** On a worker thread: sample, then write the candidates into the document. */
  private void run(Job job, ChoraleModel model) {
    queued.remove(job);
    try {
      if (job.cancelRequested()) {
        stopped(job);
        return;
      }
      job.running();
      record(job);
      long[] recordedAt = {System.nanoTime()};
      long started = System.nanoTime();
      GibbsSampler sampler = new GibbsSampler(predictor(model), model.spec());
      GenerationPlan plan = job.plan();
      List<Roll> rolls = sampler.sample(plan.template(), plan.request().candidates(), plan.request().seed(),
          plan.controls(), (done, total) -> {
            job.progress(done, total);
            if (System.nanoTime() - recordedAt[0] > PROGRESS_RECORD_MS * 1_000_000) {
              recordedAt[0] = System.nanoTime();
              record(job);
            }
            return !job.cancelRequested();
          });
      job.writing((System.nanoTime() - started) / 1_000_000);
      record(job);
      List<Suggestion> suggestions = new ArrayList<>();
      List<String> ids = new ArrayList<>();
      Instant now = Instant.now();
      for (int c = 0; c < rolls.size(); c++) {
        String id = job.id() + "-" + (c + 1);
        ids.add(id);
        suggestions.add(new Suggestion(id, job.id(), c + 1, plan, SuggestedNote.fromRoll(plan, rolls.get(c), model.spec(), id),
            model.version(), MODEL_CARD_PATH, job.requestedBy(), now));
      }
      Future<byte[]> written = Future.succeededFuture();
      for (Suggestion s : suggestions) {
        AiProvenance p = new AiProvenance(MODEL_NAME, s.modelVersion(), plan.request().toJson().encode(),
            job.requestedBy().id(), s.id());
        written = written.compose(v -> AiEdits.suggest(rooms, job.projectId(), p, doc -> SuggestionDocs.write(doc, List.of(s))));
      }
      written.toCompletionStage().toCompletableFuture().get(WRITE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      job.done(ids);
    } catch (CancellationException e) {
      stopped(job);
    } catch (Exception e) {
      LOG.log(Level.WARNING, "generation job " + job.id() + " failed", e);
      job.failed("generation failed: " + e.getMessage());
    } finally {
      release(job);
      finished(job);
    }
  }

  /** A job stopped before it finished: cancelled by request, or failed as its server is stopping. */
  private void stopped(Job job) {
    if (closed) {
      job.failed(SERVER_STOPPED);
    } else {
      job.cancelled();
    }
  }

  /** Records the job's state now in the directory. */
  private Future<Void> record(Job job) {
    Job.Snapshot now = job.snapshot();
    return directory.record(job.id(), now.version(), now.json())
        .onFailure(e -> LOG.warning("generation job " + job.id() + "'s state was not recorded: " + e));
  }

  /** A finished job's final state is recorded; only then is it answered from the directory. */
  private void finished(Job job) {
    record(job).onComplete(ar -> live.remove(job.id(), job));
  }

  private Predictor<List<Roll>, Distributions> predictor(ChoraleModel model) {
    Predictor<List<Roll>, Distributions> p = predictors.get();
    if (p == null) {
      p = model.newPredictor();
      predictors.set(p);
      allPredictors.add(p);
    }
    return p;
  }

  private void release(Job job) {
    quota.finished(job.requestedBy().id());
  }

  private String newId() {
    String alphabet = "abcdefghijkmnopqrstuvwxyz23456789";
    StringBuilder sb = new StringBuilder("g");
    for (int i = 0; i < 11; i++) {
      sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return sb.toString();
  }
}
