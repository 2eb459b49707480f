/**
 * y-protocols and the y-websocket framing: the messages that carry a Yjs document and the presence of
 * its users between replicas, byte-compatible with {@code y-protocols} 1.0.7 and the stock
 * {@code y-websocket} 3.1.0 client. Everything here is transport-free (bytes in, bytes out) and
 * built on lib0's primitives ({@code varUint}: 7 bits per byte, least significant group first, high bit
 * = more; {@code varUint8Array}: varUint length + bytes; {@code varString}: varUint8Array of UTF-8).
 *
 * <h2>Sync ({@link org.ensemble.protocol.sync.SyncMessages})</h2>
 * <pre>
 *   varUint type | varUint8Array payload
 *   STEP1  = 0     payload = encoded state vector   → answer with STEP2
 *   STEP2  = 1     payload = v1 update: what the receiver of STEP1 missed
 *   UPDATE = 2     payload = v1 update produced after the initial exchange
 * </pre>
 * A client opens with STEP1; the server answers with STEP2 and sends its own STEP1, which the client
 * answers; from then on both forward UPDATEs. {@code readSyncMessage} acts on a message; {@code read}
 * only decodes it, so that a server can authorize an update before {@code apply}. Unlike y-protocols,
 * a malformed update raises {@code DecodingException} instead of being logged and dropped.
 *
 * <h2>Awareness ({@link org.ensemble.protocol.sync.AwarenessUpdate}, {@link org.ensemble.protocol.sync.Awareness})</h2>
 * <pre>
 *   varUint count | count × ( varUint clientId | varUint clock | varString JSON.stringify(state) )
 * </pre>
 * A state is any JSON value; {@code null} means the client is gone. Example: client 7, clock 1, state
 * {@code {"a":1}} is {@code 01 07 01 07 7b 22 61 22 3a 31 7d}. A receiver takes an entry when its clock
 * is higher than the known one, or equal with a {@code null} state for a client it still has; a
 * {@code null} aimed at the receiver's own live state makes it bump its clock instead. JavaScript's
 * {@code states.get(id) || null} means that falsy states (0, false, "") are sent as {@code null}.
 * States not renewed for {@code OUTDATED_TIMEOUT_MS} = 30 000 ms are dropped (origin "timeout"); the
 * owner renews its own after 15 000 ms. The caller drives time: it calls {@code checkOutdated()} every
 * {@code CHECK_INTERVAL_MS} = 3 000 ms.
 *
 * <h2>Auth ({@link org.ensemble.protocol.sync.AuthMessages})</h2>
 * <pre>
 *   varUint type | varString reason        PERMISSION_DENIED = 0 (the only type)
 * </pre>
 *
 * <h2>y-websocket framing ({@link org.ensemble.protocol.sync.WebsocketMessages})</h2>
 * One binary WebSocket message = {@code varUint messageType} followed by one body; the room is not in
 * the message but in the URL: the client connects to {@code serverUrl + "/" + room [+ "?" + params]},
 * so the room is the last path segment. This is not Hocuspocus's framing (which prefixes every message
 * with the document name); the two must not be mixed.
 * <pre>
 *   SYNC            = 0 | sync message                      e.g. 00 00 03 01 07 05  (step 1: client 7 at clock 5)
 *   AWARENESS       = 1 | varUint8Array(awareness update)   e.g. 01 0b 01 07 01 07 {"a":1}
 *   AUTH            = 2 | auth message                      e.g. 02 00 02 6e 6f     (permission denied: "no")
 *   QUERY_AWARENESS = 3 | (nothing)                         → answer with AWARENESS of every known client
 * </pre>
 * The stock client sends STEP1 and its awareness state when the socket opens, answers STEP1 with
 * STEP2, forwards every local update and every awareness "update" event (clients added, updated and
 * removed, re-encoded with their current states), answers QUERY_AWARENESS, and on disconnect sends its
 * own entry with a {@code null} state. {@code WebsocketMessages.read} consumes exactly one whole message
 * and rejects trailing bytes (the stock client ignores them).
 *
 * <p>Compatibility is proven by fixtures from the real packages
 * ({@code protocol/src/test/js/protocol-fixtures.mjs} → {@code src/test/resources/fixtures/y-protocols-1.0.7/})
 * and by {@code YProtocolsPeerIT}, which has y-protocols read what Java writes.
 */
package org.ensemble.protocol.sync;
