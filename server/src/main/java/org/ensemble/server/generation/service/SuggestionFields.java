package org.ensemble.server.generation.service;

/**
 * Keys of a suggestion in the document's {@code suggestions} map (docs/generation.md), named once.
 */
final class SuggestionFields {
  private SuggestionFields() {}

  static final String ID = "id";
  static final String JOB = "job";
  static final String CANDIDATE = "candidate";
  static final String STATUS = "status";
  static final String MODE = "mode";
  static final String REGION = "region";
  static final String PARAMETERS = "parameters";
  static final String MODEL = "model";
  static final String REQUESTED_BY = "requestedBy";
  static final String CREATED_AT = "createdAt";
  static final String NOTES = "notes";

  /** Extra keys of a suggested note (beside the schema's note keys). */
  static final String TRACK = "track";
  static final String VOICE = "voice";
  /** Kept on an accepted note in its track: where it came from and who let it in. */
  static final String ORIGIN = "origin";

  static final String PENDING = "pending";
}
