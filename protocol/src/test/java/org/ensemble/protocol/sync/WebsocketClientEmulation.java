package org.ensemble.protocol.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ensemble.protocol.crdt.Doc;
import org.ensemble.protocol.lib0.Lib0Encoder;

/**
 * What the stock y-websocket client (3.1.0, src/y-websocket.js) does on the wire, rebuilt from this
 * package's API, without a socket: the frames it would send are collected in {@link #sent}. The session
 * fixture test drives it like the JS provider was driven and compares the frames byte for byte.
 */
final class WebsocketClientEmulation {
  final Doc doc;
  final Awareness awareness;
  final List<byte[]> sent = new ArrayList<>();
  final List<String> permissionDenials = new ArrayList<>();
  private boolean connected;

  WebsocketClientEmulation(Doc doc, Awareness awareness) {
    this.doc = doc;
    this.awareness = awareness;
    doc.onUpdate((update, origin, tx) -> {
      if (origin != this) {
        broadcast(WebsocketMessages.update(update));
      }
    });
    awareness.onUpdate((change, origin) ->
        broadcast(WebsocketMessages.awareness(awareness.encodeAwarenessUpdate(change.changedClients()))));
  }

  /** The socket opened: send step 1, then the local awareness state if there is one. */
  void open() {
    connected = true;
    sent.add(WebsocketMessages.syncStep1(doc));
    if (awareness.getLocalState() != null) {
      sent.add(WebsocketMessages.awareness(awareness.encodeAwarenessUpdate(List.of(doc.clientId()))));
    }
  }

  /** A message from the server; a reply is sent only when it has more than its type byte. */
  void receive(byte[] frame) {
    WebsocketMessage message = WebsocketMessages.read(frame);
    if (message instanceof WebsocketMessage.Sync sync) {
      Lib0Encoder reply = new Lib0Encoder();
      reply.writeVarUint(WebsocketMessages.SYNC);
      SyncMessages.apply(sync.message(), reply, doc, this);
      if (reply.length() > 1) {
        sent.add(reply.toByteArray());
      }
    } else if (message instanceof WebsocketMessage.Awareness update) {
      awareness.applyAwarenessUpdate(update.update(), this);
    } else if (message instanceof WebsocketMessage.QueryAwareness) {
      sent.add(WebsocketMessages.awareness(awareness.encodeAwarenessUpdate(List.copyOf(awareness.getStates().keySet()))));
    } else if (message instanceof WebsocketMessage.PermissionDenied denied) {
      permissionDenials.add(denied.reason());
    }
  }

  /** provider.disconnect(): announce the leave (null state), close, forget the remote clients. */
  void disconnect() {
    broadcast(WebsocketMessages.awareness(awareness.encodeAwarenessUpdate(List.of(doc.clientId()), Map.of())));
    connected = false;
    List<Long> others = new ArrayList<>(awareness.getStates().keySet());
    others.remove(doc.clientId());
    awareness.removeAwarenessStates(others, this);
  }

  private void broadcast(byte[] frame) {
    if (connected) {
      sent.add(frame);
    }
  }
}
