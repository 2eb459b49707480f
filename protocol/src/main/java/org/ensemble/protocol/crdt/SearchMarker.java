package org.ensemble.protocol.crdt;

import java.util.List;

/**
 * A remembered (item, index) pair in a list, so that index lookups in long arrays and texts start near
 * the target instead of at the head. Up to {@link #MAX_MARKERS} per type, replaced least recently
 * used first.
 */
final class SearchMarker {
  static final int MAX_MARKERS = 80;

  Item p;
  int index;
  long timestamp;

  private SearchMarker(Item p, int index, long timestamp) {
    p.setMarker(true);
    this.p = p;
    this.index = index;
    this.timestamp = timestamp;
  }

  private void overwrite(Item newP, int newIndex, long now) {
    p.setMarker(false);
    p = newP;
    newP.setMarker(true);
    index = newIndex;
    timestamp = now;
  }

  private static SearchMarker markPosition(AbstractType type, Item p, int index) {
    List<SearchMarker> markers = type.searchMarkers;
    if (markers.size() >= MAX_MARKERS) {
      SearchMarker oldest = markers.get(0);
      for (SearchMarker m : markers) {
        if (m.timestamp < oldest.timestamp) {
          oldest = m;
        }
      }
      oldest.overwrite(p, index, type.searchMarkerClock++);
      return oldest;
    }
    SearchMarker pm = new SearchMarker(p, index, type.searchMarkerClock++);
    markers.add(pm);
    return pm;
  }

  /** A marker at or near {@code index}, moved to the start of its item run; null when not worth it. */
  static SearchMarker find(AbstractType type, int index) {
    if (type.start == null || index == 0 || type.searchMarkers == null) {
      return null;
    }
    List<SearchMarker> markers = type.searchMarkers;
    SearchMarker marker = null;
    for (SearchMarker m : markers) {
      if (marker == null || Math.abs(index - m.index) <= Math.abs(index - marker.index)) {
        marker = m;
      }
    }
    Item p = type.start;
    int pindex = 0;
    if (marker != null) {
      p = marker.p;
      pindex = marker.index;
      marker.timestamp = type.searchMarkerClock++; // used now, likely used again
    }
    // iterate to the right if possible
    while (p.right != null && pindex < index) {
      if (p.isVisible()) {
        if (index < pindex + p.length) {
          break;
        }
        pindex += p.length;
      }
      p = p.right;
    }
    // iterate to the left if necessary (might be that pindex > index)
    while (p.left != null && pindex > index) {
      p = p.left;
      if (p.isVisible()) {
        pindex -= p.length;
      }
    }
    // Move to the start of a run of items that could merge, so that a later merge does not leave
    // the marker pointing at an item that no longer exists.
    while (p.left != null && p.left.id.client == p.id.client && p.left.id.clock + p.left.length == p.id.clock) {
      p = p.left;
      if (p.isVisible()) {
        pindex -= p.length;
      }
    }
    if (marker != null && Math.abs(marker.index - pindex) < (double) p.parent.length / MAX_MARKERS) {
      // adjust the existing marker
      marker.overwrite(p, pindex, type.searchMarkerClock++);
      return marker;
    }
    return markPosition(type, p, pindex);
  }

  /**
   * Shifts markers after an insertion ({@code len > 0}) or deletion ({@code len < 0}) at {@code index}.
   * Markers on deleted items move left to the nearest visible one.
   */
  static void updateChanges(List<SearchMarker> markers, int index, int len) {
    for (int i = markers.size() - 1; i >= 0; i--) {
      SearchMarker m = markers.get(i);
      if (len > 0) {
        Item p = m.p;
        p.setMarker(false);
        // An insertion may have split the item the marker points to; the marker must also not sit
        // on a deleted item.
        while (p != null && (p.isDeleted() || !p.isCountable())) {
          p = p.left;
          if (p != null && p.isVisible()) {
            m.index -= p.length;
          }
        }
        if (p == null || p.isMarker()) {
          // remove the marker if it found no better position, or if another marker is there
          markers.remove(i);
          continue;
        }
        m.p = p;
        p.setMarker(true);
      }
      if (index < m.index || (len > 0 && index == m.index)) {
        m.index = Math.max(index, m.index + len);
      }
    }
  }
}
