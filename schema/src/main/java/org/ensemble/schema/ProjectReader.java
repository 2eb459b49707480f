package org.ensemble.schema;

import static org.ensemble.schema.ProjectSchema.META;
import static org.ensemble.schema.ProjectSchema.SECTIONS;
import static org.ensemble.schema.ProjectSchema.SUGGESTIONS;
import static org.ensemble.schema.ProjectSchema.TRACKS;

import java.util.List;
import org.ensemble.protocol.crdt.Doc;
import org.ensemble.protocol.crdt.YArray;

/**
 * Reads a project document into a {@link ProjectView} and validates it against
 * {@code docs/document-schema.md} in the same pass. It never throws on content: the document comes
 * from clients, and one bad value must not stop an export. What it cannot use is skipped or replaced
 * by a default, and reported as a {@link ValidationProblem}.
 *
 * <p>It does not change the document (absent roots stay absent) and must run on the thread that owns
 * the {@link Doc}, like any other access to it.
 */
public final class ProjectReader {
  private ProjectReader() {}

  public static ValidatedProject read(Doc doc) {
    Problems problems = new Problems();
    MetaView meta = MetaReader.read(Roots.map(doc, META, problems), problems);
    List<TrackView> tracks = TrackReader.readAll(elementsOf(doc, TRACKS, problems), problems);
    List<SectionView> sections = SectionReader.readAll(elementsOf(doc, SECTIONS, problems), problems);
    // The suggestions' content is defined by a later schema version; only the root's kind is checked.
    Roots.map(doc, SUGGESTIONS, problems);
    return new ValidatedProject(new ProjectView(meta, tracks, sections), problems.toList());
  }

  private static List<Object> elementsOf(Doc doc, String root, Problems problems) {
    return Roots.array(doc, root, problems).map(YArray::toArray).orElse(List.of());
  }
}
