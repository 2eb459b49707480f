package org.ensemble.server.attribution;

import io.vertx.core.Future;
import java.util.function.Consumer;
import org.ensemble.protocol.crdt.Doc;
import org.ensemble.server.auth.UserIdentity;
import org.ensemble.server.sync.Rooms;
import org.ensemble.server.sync.ServerClientIds;

/**
 * The calls the generator makes so that the ledger credits the AI and counts decisions: each is an
 * edit of the project's document under the AI's client id, recorded with the suggestion's provenance.
 * {@code change} must change the document (an edit that changes nothing is not recorded): write the
 * candidate into {@code suggestions}; on acceptance move its notes (all or a selection) into the
 * tracks and remove it from {@code suggestions}; on rejection remove it.
 *
 * <p>Calls may overlap: a room makes server edits one at a time, each on a copy of everything stored
 * before it, so edits under the AI's one client id never reuse its clocks.
 */
public final class AiEdits {
  private AiEdits() {}

  /** Writes a suggestion's candidate notes as the AI. */
  public static Future<byte[]> suggest(Rooms rooms, String projectId, AiProvenance provenance, Consumer<Doc> change) {
    return rooms.edit(projectId, new AiConnection(provenance, AiAction.SUGGEST, null), ServerClientIds.AI, change);
  }

  /**
   * Moves an accepted suggestion's notes into the tracks: they stay the AI's notes, accepted by
   * {@code acceptedBy} now. {@code inPart} when only a selection of its notes was taken.
   */
  public static Future<byte[]> accept(Rooms rooms, String projectId, AiProvenance provenance, UserIdentity acceptedBy,
                                      boolean inPart, Consumer<Doc> change) {
    AiAction action = inPart ? AiAction.ACCEPT_IN_PART : AiAction.ACCEPT;
    return rooms.edit(projectId, new AiConnection(provenance, action, acceptedBy), ServerClientIds.AI, change);
  }

  /** Removes a rejected suggestion, recording who rejected it. */
  public static Future<byte[]> reject(Rooms rooms, String projectId, AiProvenance provenance, UserIdentity rejectedBy,
                                      Consumer<Doc> change) {
    return rooms.edit(projectId, new AiConnection(provenance, AiAction.REJECT, rejectedBy), ServerClientIds.AI, change);
  }
}
