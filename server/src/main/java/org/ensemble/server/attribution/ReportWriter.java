package org.ensemble.server.attribution;

import io.vertx.core.buffer.Buffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a project's attribution report, reusing each note's JSON from the last report when the
 * note's attribution is the same (an edit changes a few notes; the report lists thousands, and
 * encoding them is most of its cost). The body equals {@link ProjectAttribution#report} encoded.
 * Used by one thread at a time.
 */
final class ReportWriter {
  private record Fragment(List<Object> content, Buffer json) {}

  private Map<String, Fragment> fragments = new HashMap<>();

  Buffer write(ProjectAttribution attribution, String projectId, String title) {
    Buffer head = attribution.reportHead(projectId, title).toBuffer();
    Buffer out = Buffer.buffer(head.length() + 720 * attribution.allNotes().size());
    out.appendBuffer(head, 0, head.length() - 1); // all of the head but its closing brace
    out.appendString(head.length() > 2 ? ",\"notes\":[" : "\"notes\":[");
    Map<String, Fragment> next = new HashMap<>(fragments.size() * 4 / 3 + 16);
    boolean first = true;
    for (NoteAttribution n : attribution.allNotes()) {
      List<Object> content = n.content();
      Fragment f = fragments.get(n.noteId);
      if (f == null || !f.content().equals(content)) {
        f = new Fragment(content, n.toJson().toBuffer());
      }
      next.put(n.noteId, f);
      if (!first) {
        out.appendByte((byte) ',');
      }
      first = false;
      out.appendBuffer(f.json());
    }
    fragments = next;
    return out.appendString("]}");
  }
}
