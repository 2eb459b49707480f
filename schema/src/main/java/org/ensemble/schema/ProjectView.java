package org.ensemble.schema;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable, typed snapshot of a project document, holding only what is valid. Read it with
 * {@link ProjectReader}; exports and the JSON view work from it, so what a broken document cannot
 * say is left out instead of crashing them.
 */
public record ProjectView(MetaView meta, List<TrackView> tracks, List<SectionView> sections) {
  public ProjectView {
    Objects.requireNonNull(meta, "meta");
    tracks = List.copyOf(tracks);
    sections = List.copyOf(sections);
  }

  /** The track with this id; ids are unique in a view. */
  public Optional<TrackView> track(String id) {
    return tracks.stream().filter(t -> t.id().equals(id)).findFirst();
  }
}
