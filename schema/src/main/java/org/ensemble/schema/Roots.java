package org.ensemble.schema;

import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import org.ensemble.protocol.crdt.Doc;
import org.ensemble.protocol.crdt.YArray;
import org.ensemble.protocol.crdt.YMap;

/**
 * Finds the root types of a project without changing the document. An absent root is not created
 * (creating it would fix its kind in this {@link Doc} for every later caller) and reads as empty.
 * A root that this Doc already knows as another kind cannot be opened as the schema's kind
 * ({@code Doc} throws); that is reported, never thrown.
 */
final class Roots {
  private static final List<Kind> KINDS = List.of(
      new Kind("a Y.Map", Doc::getMap), new Kind("a Y.Array", Doc::getArray), new Kind("a Y.Text", Doc::getText),
      new Kind("a Y.XmlFragment", Doc::getXmlFragment), new Kind("a Y.XmlElement", Doc::getXmlElement));

  private Roots() {}

  static Optional<YMap> map(Doc doc, String name, Problems problems) {
    return find(doc, name, "a Y.Map", Doc::getMap, problems);
  }

  static Optional<YArray> array(Doc doc, String name, Problems problems) {
    return find(doc, name, "a Y.Array", Doc::getArray, problems);
  }

  private static <T> Optional<T> find(Doc doc, String name, String expected, BiFunction<Doc, String, T> open,
      Problems problems) {
    if (!doc.rootNames().contains(name)) {
      return Optional.empty();
    }
    try {
      return Optional.of(open.apply(doc, name));
    } catch (IllegalStateException kindAlreadyFixed) {
      problems.add(name, "expected " + expected + ", found " + kindOf(doc, name) + "; ignored");
      return Optional.empty();
    }
  }

  /** The kind this Doc gave the root: the one opener that does not refuse it. */
  private static String kindOf(Doc doc, String name) {
    for (Kind kind : KINDS) {
      try {
        kind.open().apply(doc, name);
        return kind.description();
      } catch (IllegalStateException otherKind) {
        // try the next kind
      }
    }
    return "another shared type";
  }

  private record Kind(String description, BiFunction<Doc, String, ?> open) {}
}
