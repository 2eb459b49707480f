package org.ensemble.protocol.sync;

import java.util.Arrays;

/**
 * One decoded sync message: its type ({@link SyncMessages#STEP1}, {@link SyncMessages#STEP2} or
 * {@link SyncMessages#UPDATE}) and its payload, a state vector for step 1 and a v1 update otherwise.
 * It exists so that a server can look at an update (who wrote it, may they) before applying it.
 * Equality compares the payload bytes.
 */
public record SyncMessage(int type, byte[] payload) {
  public SyncMessage {
    if (type != SyncMessages.STEP1 && type != SyncMessages.STEP2 && type != SyncMessages.UPDATE) {
      throw new IllegalArgumentException("unknown sync message type " + type);
    }
    if (payload == null) {
      throw new IllegalArgumentException("payload must not be null");
    }
  }

  /** A step 1 carrying an encoded state vector. */
  public static SyncMessage step1(byte[] encodedStateVector) {
    return new SyncMessage(SyncMessages.STEP1, encodedStateVector);
  }

  /** A step 2 carrying the missing state as a v1 update. */
  public static SyncMessage step2(byte[] update) {
    return new SyncMessage(SyncMessages.STEP2, update);
  }

  /** An update message carrying one v1 update. */
  public static SyncMessage update(byte[] update) {
    return new SyncMessage(SyncMessages.UPDATE, update);
  }

  /** Whether the payload is an update that would change a document (step 2 or update). */
  public boolean carriesUpdate() {
    return type != SyncMessages.STEP1;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SyncMessage other && type == other.type && Arrays.equals(payload, other.payload);
  }

  @Override
  public int hashCode() {
    return 31 * type + Arrays.hashCode(payload);
  }

  @Override
  public String toString() {
    String name = type == SyncMessages.STEP1 ? "step1" : type == SyncMessages.STEP2 ? "step2" : "update";
    return "SyncMessage[" + name + ", " + payload.length + " bytes]";
  }
}
