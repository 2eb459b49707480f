package org.ensemble.schema.partwriting;

import org.ensemble.schema.TrackRole;

/**
 * The four voices of a chorale, highest first, with the ranges a harmony course gives them (the same
 * ranges as the co-writer's harmony metrics, so the two sets of figures count alike).
 */
public enum Part {
  SOPRANO("soprano", 60, 81),
  ALTO("alto", 55, 74),
  TENOR("tenor", 48, 67),
  BASS("bass", 40, 60);

  private final String id;
  private final int lowest;
  private final int highest;

  Part(String id, int lowest, int highest) {
    this.id = id;
    this.lowest = lowest;
    this.highest = highest;
  }

  /** The name used in findings and in the track roles. */
  public String id() {
    return id;
  }

  /** "Soprano": the name in explanations. */
  public String title() {
    return Character.toUpperCase(id.charAt(0)) + id.substring(1);
  }

  public int lowest() {
    return lowest;
  }

  public int highest() {
    return highest;
  }

  /** The track role that holds this voice. */
  public TrackRole role() {
    return TrackRole.valueOf(name());
  }
}
