package org.ensemble.server.cluster;

import io.vertx.core.eventbus.DeliveryOptions;

/**
 * The relay protocol between nodes, over the clustered event bus: one address per node, an operation
 * and its arguments in headers, frames as bodies. A client's node (the edge) sends {@link #JOIN},
 * {@link #FRAME} and {@link #LEAVE} to the room's owner; the owner sends {@link #SEND} and
 * {@link #CLOSE} back. {@link #STATE}, {@link #EDIT} and {@link #EVICT} let any node read, edit and
 * close a room through its owner.
 */
final class Relay {
  private Relay() {}

  static final String OP = "op";
  static final String PROJECT = "project";
  static final String CONNECTION = "conn";
  static final String ORIGIN = "origin";
  static final String CODE = "code";
  static final String REASON = "reason";
  static final String USER = "user";

  static final String JOIN = "join";
  static final String FRAME = "frame";
  static final String LEAVE = "leave";
  static final String SEND = "send";
  static final String CLOSE = "close";
  static final String STATE = "state";
  static final String EDIT = "edit";
  static final String EVICT = "evict";

  /** Failure codes of requests. */
  static final int NOT_OWNER = 1;
  static final int FAILED = 2;
  static final int STALE = 3;

  /** Requests between nodes give up after this; a node that does not answer is treated as gone. */
  static final long REQUEST_TIMEOUT_MS = 10_000;

  static String address(String nodeId) {
    return "ensemble.node." + nodeId;
  }

  static DeliveryOptions op(String op) {
    return new DeliveryOptions().addHeader(OP, op).setSendTimeout(REQUEST_TIMEOUT_MS);
  }
}
