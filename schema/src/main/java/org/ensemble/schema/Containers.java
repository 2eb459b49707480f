package org.ensemble.schema;

import java.util.List;
import java.util.Map;

/**
 * Opens the maps and lists of a document as the schema expects them, reporting the ones in the wrong
 * container. A plain value where a shared type belongs (or the reverse) is still read, so that its
 * music is not lost, but reported: the schema's choice of container decides what collaborators can
 * edit concurrently. Anything that is not a map or list at all is reported with {@code fallback}.
 */
final class Containers {
  private Containers() {}

  /** The entries of what should be a Y.Map; null when it is no map at all. */
  static Map<String, Object> sharedMap(Object value, String path, String fallback, Problems problems) {
    Map<String, Object> entries = DocValues.entries(value);
    if (entries == null) {
      problems.add(path, "expected a Y.Map, found " + DocValues.describe(value) + "; " + fallback);
    } else if (!DocValues.isSharedMap(value)) {
      problems.add(path, "a plain object, not a Y.Map: its fields cannot be edited or attributed one by one;"
          + " read anyway");
    }
    return entries;
  }

  /** The elements of what should be a Y.Array; null when it is no list at all. */
  static List<Object> sharedArray(Object value, String path, String fallback, Problems problems) {
    List<Object> elements = DocValues.elements(value);
    if (elements == null) {
      problems.add(path, "expected a Y.Array, found " + DocValues.describe(value) + "; " + fallback);
    } else if (!DocValues.isSharedArray(value)) {
      problems.add(path, "a plain array, not a Y.Array: its elements cannot be inserted or removed one by one;"
          + " read anyway");
    }
    return elements;
  }

  /** The entries of what should be a plain object (a value replaced as a whole); null when no map. */
  static Map<String, Object> plainObject(Object value, String path, String fallback, Problems problems) {
    Map<String, Object> entries = DocValues.entries(value);
    if (entries == null) {
      problems.add(path, "expected a plain object, found " + DocValues.describe(value) + "; " + fallback);
    } else if (DocValues.isSharedMap(value)) {
      problems.add(path, "a Y.Map, not a plain object: it must change as a whole; read anyway");
    }
    return entries;
  }

  /** The elements of what should be a plain array (a value replaced as a whole); null when no list. */
  static List<Object> plainArray(Object value, String path, String fallback, Problems problems) {
    List<Object> elements = DocValues.elements(value);
    if (elements == null) {
      problems.add(path, "expected a plain array, found " + DocValues.describe(value) + "; " + fallback);
    } else if (DocValues.isSharedArray(value)) {
      problems.add(path, "a Y.Array, not a plain array: it must change as a whole; read anyway");
    }
    return elements;
  }
}
