package org.ensemble.server.attribution;

import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.ensemble.protocol.crdt.Doc;
import org.ensemble.protocol.crdt.YMap;

/**
 * The authors a project's owner anonymized: a small Yjs document beside the ledger ({@code
 * <projectId>#names}), its map {@code authors} from a user id to {@code "<pseudonym id>\n<name>"}.
 * The ledger itself is append-only and keeps what it recorded; every answer and export computed
 * from it shows the pseudonym and the name instead (see {@link #apply}), in the actor, the name, who
 * accepted or rejected a suggestion and who asked for it.
 */
final class AuthorNames {
  private static final String AUTHORS = "authors";
  private static final SecureRandom RANDOM = new SecureRandom();

  /** An anonymized author: the id and the name shown instead of theirs. */
  record Alias(String id, String name) {}

  private AuthorNames() {}

  static String docId(String projectId) {
    return projectId + "#names";
  }

  static Doc doc(List<byte[]> updates) {
    Doc doc = new Doc();
    for (byte[] u : updates) {
      doc.applyUpdate(u);
    }
    return doc;
  }

  /** The aliases in the stored document, by the real user id. */
  static Map<String, Alias> read(List<byte[]> updates) {
    Map<String, Alias> out = new HashMap<>();
    if (updates.isEmpty()) {
      return out;
    }
    YMap authors = doc(updates).getMap(AUTHORS);
    for (String actor : authors.keys()) {
      Object v = authors.get(actor);
      if (v instanceof String s && s.indexOf('\n') > 0) {
        out.put(actor, new Alias(s.substring(0, s.indexOf('\n')), s.substring(s.indexOf('\n') + 1)));
      }
    }
    return out;
  }

  /**
   * The update that shows {@code actor} as {@code name} from now on (keeping the pseudonym id given
   * earlier, or drawing a new one), appended to the stored {@code updates}.
   */
  static byte[] anonymize(List<byte[]> updates, String actor, String name) {
    Doc doc = doc(updates);
    Alias earlier = read(updates).get(actor);
    String id = earlier != null ? earlier.id() : "anonymous-" + HexFormat.of().formatHex(randomBytes());
    byte[] before = doc.encodeStateVector();
    doc.getMap(AUTHORS).set(actor, id + "\n" + name);
    return doc.encodeStateAsUpdate(before);
  }

  private static byte[] randomBytes() {
    byte[] b = new byte[4];
    RANDOM.nextBytes(b);
    return b;
  }

  /** The ledger as its queries should see it: anonymized authors replaced wherever they appear. */
  static Ledger apply(Ledger ledger, Map<String, Alias> aliases) {
    if (aliases.isEmpty()) {
      return ledger;
    }
    return ledger.withAttributes(a -> {
      Alias self = aliases.get(a.actor());
      Alias decider = a.decidedBy() == null ? null : aliases.get(a.decidedBy());
      AiProvenance ai = a.ai();
      Alias requester = ai == null ? null : aliases.get(ai.requestedBy());
      if (self == null && decider == null && requester == null) {
        return a;
      }
      AiProvenance shownAi = requester == null ? ai
          : new AiProvenance(ai.model(), ai.modelVersion(), ai.params(), requester.id(), ai.suggestionId());
      return new Attributes(self == null ? a.actor() : self.id(), self == null ? a.name() : self.name(), a.time(),
          a.source(), shownAi, a.action(), decider == null ? a.decidedBy() : decider.id());
    });
  }
}
