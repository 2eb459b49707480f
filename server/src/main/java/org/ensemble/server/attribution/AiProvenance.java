package org.ensemble.server.attribution;

import java.util.Objects;

/**
 * Where one suggestion came from: the model and its version, the generation parameters (a JSON
 * object as text, recorded as given), who asked for it, and the suggestion's id in the document's
 * {@code suggestions} map.
 */
public record AiProvenance(String model, String modelVersion, String params, String requestedBy, String suggestionId) {
  public AiProvenance {
    Objects.requireNonNull(model, "model");
    modelVersion = modelVersion == null ? "" : modelVersion;
    params = params == null ? "{}" : params;
    requestedBy = requestedBy == null ? "" : requestedBy;
    suggestionId = suggestionId == null ? "" : suggestionId;
  }
}
