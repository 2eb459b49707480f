package org.ensemble.protocol.sync;

/**
 * Receives the "change" or "update" events of an {@link Awareness}. The origin is what the caller
 * passed to {@link Awareness#applyAwarenessUpdate} or {@link Awareness#removeAwarenessStates},
 * {@link Awareness#LOCAL_ORIGIN} for local changes and {@link Awareness#TIMEOUT_ORIGIN} for clients
 * that timed out; a provider uses it to avoid echoing an update back to where it came from.
 */
@FunctionalInterface
public interface AwarenessListener {
  void onAwareness(AwarenessChange change, Object origin);
}
