package org.ensemble.protocol.sync;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;
import org.ensemble.protocol.crdt.Doc;
import org.ensemble.protocol.crdt.EventHandler;
import org.ensemble.protocol.crdt.Subscription;
import org.ensemble.protocol.lib0.JsValues;
import org.ensemble.protocol.lib0.Lib0Decoder;
import org.ensemble.protocol.lib0.DecodingException;
import org.ensemble.protocol.lib0.Undefined;

/**
 * Presence that is shared but not stored: cursors, user names, what someone is playing. A port of
 * y-protocols' {@code Awareness} (1.0.7) that makes the same decisions, emits the same events and
 * writes the same bytes.
 *
 * <p>Every client owns one JSON state and a clock. A client replaces its state by sending it with a
 * higher clock; anyone may declare a client gone by sending a {@code null} state with the client's
 * current clock. A replica never lets others remove its own local state: it answers by bumping its
 * clock so that the next broadcast revives it. States that are not renewed within
 * {@link #OUTDATED_TIMEOUT_MS} are dropped, which is why the local state is re-sent after half of it.
 *
 * <p>Time comes from the clock given to the constructor, in milliseconds, and nothing here runs by
 * itself: the owner calls {@link #checkOutdated()} periodically (y-protocols does it every
 * {@link #CHECK_INTERVAL_MS}). Like a {@link Doc}, an Awareness is confined to one thread at a time.
 *
 * <p>Listeners are all called even if one throws; the first exception is rethrown afterwards.
 */
public final class Awareness {
  /** A remote state not renewed for this long is removed; the local one is renewed after half. */
  public static final long OUTDATED_TIMEOUT_MS = 30_000;
  /** How often y-protocols runs {@link #checkOutdated()}; a good period for the caller's timer. */
  public static final long CHECK_INTERVAL_MS = OUTDATED_TIMEOUT_MS / 10;
  /** The origin of events caused by {@link #setLocalState}. */
  public static final String LOCAL_ORIGIN = "local";
  /** The origin of events caused by {@link #checkOutdated()} removing silent clients. */
  public static final String TIMEOUT_ORIGIN = "timeout";

  private final Doc doc;
  private final long clientId;
  private final LongSupplier clock;
  private final Map<Long, Object> states = new LinkedHashMap<>();
  private final Map<Long, ClientMeta> meta = new LinkedHashMap<>();
  private final EventHandler<AwarenessListener> changeListeners = new EventHandler<>();
  private final EventHandler<AwarenessListener> updateListeners = new EventHandler<>();
  private final Subscription docDestroyed;

  /** An awareness for {@code doc}'s client id, on the system clock. */
  public Awareness(Doc doc) {
    this(doc, System::currentTimeMillis);
  }

  /**
   * An awareness for {@code doc}'s client id (read once, as y-protocols does) whose time comes from
   * {@code clockMillis}. It starts with the local state {@code {}} and is destroyed with the doc.
   */
  public Awareness(Doc doc, LongSupplier clockMillis) {
    this.doc = doc;
    this.clientId = doc.clientId();
    this.clock = clockMillis;
    this.docDestroyed = doc.onDestroy(d -> destroy());
    setLocalState(new LinkedHashMap<String, Object>());
  }

  public Doc doc() {
    return doc;
  }

  /** The client id under which the local state is published. */
  public long clientId() {
    return clientId;
  }

  /** The state of every known client, by client id, in the order they became known (a read-only view). */
  public Map<Long, Object> getStates() {
    return Collections.unmodifiableMap(states);
  }

  /** Clock and last update time per client, including clients whose state was removed (a read-only view). */
  public Map<Long, ClientMeta> getMeta() {
    return Collections.unmodifiableMap(meta);
  }

  /** The local state, or {@code null} when there is none (or it is falsy in JavaScript's sense). */
  public Object getLocalState() {
    return JsValues.orNull(states.get(clientId));
  }

  /**
   * Replaces the local state ({@code null} announces that this client leaves) and bumps the local
   * clock. Always emits "update"; emits "change" unless the new state deep-equals the old one.
   */
  public void setLocalState(Object state) {
    if (state == Undefined.VALUE) {
      throw new IllegalArgumentException("an awareness state must be a JSON value or null");
    }
    ClientMeta current = meta.get(clientId);
    long nextClock = current == null ? 0 : current.clock() + 1;
    Object previous = states.get(clientId);
    if (state == null) {
      states.remove(clientId);
    } else {
      states.put(clientId, state);
    }
    meta.put(clientId, new ClientMeta(nextClock, clock.getAsLong()));
    List<Long> added = new ArrayList<>();
    List<Long> updated = new ArrayList<>();
    List<Long> filteredUpdated = new ArrayList<>();
    List<Long> removed = new ArrayList<>();
    if (state == null) {
      removed.add(clientId);
    } else if (previous == null) {
      added.add(clientId);
    } else {
      updated.add(clientId);
      if (!JsValues.equalityDeep(previous, state)) {
        filteredUpdated.add(clientId);
      }
    }
    if (!added.isEmpty() || !filteredUpdated.isEmpty() || !removed.isEmpty()) {
      emit(changeListeners, new AwarenessChange(added, filteredUpdated, removed), LOCAL_ORIGIN);
    }
    emit(updateListeners, new AwarenessChange(added, updated, removed), LOCAL_ORIGIN);
  }

  /** Sets one field of the local state ({@code {...state, [field]: value}}); does nothing without a state. */
  public void setLocalStateField(String field, Object value) {
    Object state = getLocalState();
    if (state != null) {
      setLocalState(JsValues.spreadWith(state, field, value));
    }
  }

  /**
   * Applies an awareness update from another replica, client by client, with the clock rules above.
   * The whole update is decoded first: a malformed one raises {@link DecodingException} and changes
   * nothing. Emits "change" when a client was added, removed or got a different state, and "update"
   * when any client was added, re-sent or removed.
   */
  public void applyAwarenessUpdate(byte[] update, Object origin) {
    AwarenessUpdate decoded = AwarenessUpdate.decode(update);
    long timestamp = clock.getAsLong();
    List<Long> added = new ArrayList<>();
    List<Long> updated = new ArrayList<>();
    List<Long> filteredUpdated = new ArrayList<>();
    List<Long> removed = new ArrayList<>();
    for (AwarenessUpdate.Entry entry : decoded.entries()) {
      long id = entry.clientId();
      long entryClock = entry.clock();
      Object state = entry.state();
      ClientMeta clientMeta = meta.get(id);
      Object previous = states.get(id);
      long currentClock = clientMeta == null ? 0 : clientMeta.clock();
      boolean newer = currentClock < entryClock;
      boolean removesKnownState = currentClock == entryClock && state == null && states.containsKey(id);
      if (!newer && !removesKnownState) {
        continue;
      }
      if (state == null) {
        if (id == clientId && getLocalState() != null) {
          // Someone declared this replica gone while it is not: outbid them so it comes back.
          entryClock++;
        } else {
          states.remove(id);
        }
      } else {
        states.put(id, state);
      }
      meta.put(id, new ClientMeta(entryClock, timestamp));
      if (clientMeta == null && state != null) {
        added.add(id);
      } else if (clientMeta != null && state == null) {
        removed.add(id);
      } else if (state != null) {
        if (!JsValues.equalityDeep(state, previous)) {
          filteredUpdated.add(id);
        }
        updated.add(id);
      }
    }
    if (!added.isEmpty() || !filteredUpdated.isEmpty() || !removed.isEmpty()) {
      emit(changeListeners, new AwarenessChange(added, filteredUpdated, removed), origin);
    }
    if (!added.isEmpty() || !updated.isEmpty() || !removed.isEmpty()) {
      emit(updateListeners, new AwarenessChange(added, updated, removed), origin);
    }
  }

  /**
   * Whether {@link #applyAwarenessUpdate} would change nothing here: every entry's clock is older than
   * (or, unless it removes a known state, equal to) the one already known. Reads only the client ids,
   * clocks and string lengths, never the JSON states: stock clients re-send every change they receive,
   * so most awareness messages a server gets are such echoes. A malformed update answers false, so
   * that the full decode reports it.
   */
  public boolean bringsNothingNew(byte[] update) {
    try {
      Lib0Decoder decoder = new Lib0Decoder(update);
      long count = decoder.readVarUint();
      for (long i = 0; i < count; i++) {
        long id = decoder.readVarUint();
        long entryClock = decoder.readVarUint();
        Lib0Decoder state = decoder.readVarSlice();
        ClientMeta known = meta.get(id);
        long currentClock = known == null ? 0 : known.clock();
        if (currentClock < entryClock) {
          return false;
        }
        if (currentClock == entryClock && isNullState(state) && states.containsKey(id)) {
          return false;
        }
      }
      return !decoder.hasContent();
    } catch (DecodingException e) {
      return false;
    }
  }

  private static boolean isNullState(Lib0Decoder state) {
    return state.remaining() == 4 && state.readUint8() == 'n' && state.readUint8() == 'u'
        && state.readUint8() == 'l' && state.readUint8() == 'l';
  }

  /** Encodes the current states of {@code clients} (a missing state is sent as {@code null}). */
  public byte[] encodeAwarenessUpdate(Collection<Long> clients) {
    return encodeAwarenessUpdate(clients, states);
  }

  /**
   * Encodes {@code clients} with their current clocks and the states given here; y-websocket passes an
   * empty map to announce that the local client leaves.
   *
   * @throws IllegalArgumentException for a client this awareness has never heard of
   */
  public byte[] encodeAwarenessUpdate(Collection<Long> clients, Map<Long, ?> statesToSend) {
    List<AwarenessUpdate.Entry> entries = new ArrayList<>(clients.size());
    for (Long id : clients) {
      ClientMeta clientMeta = meta.get(id);
      if (clientMeta == null) {
        throw new IllegalArgumentException("no awareness clock known for client " + id);
      }
      entries.add(new AwarenessUpdate.Entry(id, clientMeta.clock(), JsValues.orNull(statesToSend.get(id))));
    }
    return new AwarenessUpdate(entries).encode();
  }

  /**
   * Removes the states of {@code clients} (for example those behind a closed connection), emitting
   * "change" and "update" with {@code origin}. Removing the local state bumps the local clock, so that
   * the removal wins when it is broadcast.
   */
  public void removeAwarenessStates(Collection<Long> clients, Object origin) {
    List<Long> removed = new ArrayList<>();
    for (Long id : clients) {
      if (states.containsKey(id)) {
        states.remove(id);
        if (id == clientId) {
          ClientMeta current = meta.get(id);
          meta.put(id, new ClientMeta(current.clock() + 1, clock.getAsLong()));
        }
        removed.add(id);
      }
    }
    if (!removed.isEmpty()) {
      AwarenessChange change = new AwarenessChange(List.of(), List.of(), removed);
      emit(changeListeners, change, origin);
      emit(updateListeners, change, origin);
    }
  }

  /**
   * The periodic check: re-sends the local state when it is {@link #OUTDATED_TIMEOUT_MS}/2 old (the
   * resulting "update" event is what a provider broadcasts) and removes remote states older than
   * {@link #OUTDATED_TIMEOUT_MS} with origin {@link #TIMEOUT_ORIGIN}.
   */
  public void checkOutdated() {
    long now = clock.getAsLong();
    Object local = getLocalState();
    if (local != null && OUTDATED_TIMEOUT_MS / 2 <= now - meta.get(clientId).lastUpdated()) {
      setLocalState(local);
    }
    List<Long> outdated = new ArrayList<>();
    meta.forEach((id, clientMeta) -> {
      if (id != clientId && OUTDATED_TIMEOUT_MS <= now - clientMeta.lastUpdated() && states.containsKey(id)) {
        outdated.add(id);
      }
    });
    if (!outdated.isEmpty()) {
      removeAwarenessStates(outdated, TIMEOUT_ORIGIN);
    }
  }

  /** Announces that the local client leaves (local state {@code null}), then drops every listener. */
  public void destroy() {
    docDestroyed.close();
    setLocalState(null);
    changeListeners.clear();
    updateListeners.clear();
  }

  /** Called when a client is added, removed or gets a state that differs from its previous one. */
  public Subscription onChange(AwarenessListener listener) {
    return changeListeners.add(listener);
  }

  /** Called whenever a client is added, removed or re-sends its state, even an unchanged one. */
  public Subscription onUpdate(AwarenessListener listener) {
    return updateListeners.add(listener);
  }

  /**
   * Rewrites the states in an encoded awareness update, keeping client ids and clocks; a server uses
   * it to stop clients from impersonating others. The update is fully decoded before {@code modify}
   * runs, so a malformed one raises {@link DecodingException}.
   */
  public static byte[] modifyAwarenessUpdate(byte[] update, UnaryOperator<Object> modify) {
    List<AwarenessUpdate.Entry> entries = new ArrayList<>();
    for (AwarenessUpdate.Entry entry : AwarenessUpdate.decode(update).entries()) {
      entries.add(new AwarenessUpdate.Entry(entry.clientId(), entry.clock(), modify.apply(entry.state())));
    }
    return new AwarenessUpdate(entries).encode();
  }

  private static void emit(EventHandler<AwarenessListener> listeners, AwarenessChange change, Object origin) {
    listeners.call(change, (listener, c) -> listener.onAwareness(c, origin));
  }
}
