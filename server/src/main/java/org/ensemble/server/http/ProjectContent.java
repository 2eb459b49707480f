package org.ensemble.server.http;

import io.vertx.core.json.JsonObject;
import java.util.Locale;
import org.ensemble.protocol.crdt.Doc;
import org.ensemble.protocol.lib0.Json;
import org.ensemble.schema.KeySignature;
import org.ensemble.schema.MidiExport;
import org.ensemble.schema.ProjectJson;
import org.ensemble.schema.ProjectReader;
import org.ensemble.schema.ProjectSchema;
import org.ensemble.schema.Templates;
import org.ensemble.server.auth.UserIdentity;

/** What the REST API does with a project's document: templates, renames, the JSON view, MIDI. */
final class ProjectContent {

  /** Writes a new project's initial content into an empty document. */
  @FunctionalInterface
  interface Template {
    void write(Doc doc, String title);
  }

  static final String EMPTY = "empty";
  static final String FOUR_PART_CHORALE = "four-part-chorale";

  /** The named template in {@code key} ("G major", "E minor"; C major when null). */
  Template template(String name, String key) {
    switch (name == null ? EMPTY : name) {
      case EMPTY: {
        KeySignature ks = parseKey(key == null ? "C major" : key);
        return (doc, title) -> Templates.emptyProject(doc, title, ks, null);
      }
      case FOUR_PART_CHORALE: {
        KeySignature ks = parseKey(key == null ? "C major" : key);
        return (doc, title) -> Templates.fourPartChorale(doc, ks, title, null);
      }
      default:
        throw new IllegalArgumentException("unknown template \"" + name + "\"; use \"" + EMPTY + "\" or \""
            + FOUR_PART_CHORALE + "\"");
    }
  }

  /**
   * Who the ledger credits with a template's notes: the template, not the person who created the
   * project (they did not write them). Its id has a colon, which no user id has.
   */
  static UserIdentity templateAuthor(String name) {
    return FOUR_PART_CHORALE.equals(name) ? new UserIdentity("template:four-part-chorale", "the four-part chorale template")
        : new UserIdentity("template:empty", "the empty project template");
  }

  /** "G major", "f# minor", "Bb major". */
  static KeySignature parseKey(String text) {
    String[] parts = text.trim().split("\\s+");
    if (parts.length == 2) {
      String tonic = parts[0].substring(0, 1).toUpperCase(Locale.ROOT) + parts[0].substring(1);
      var mode = KeySignature.Mode.fromSchemaName(parts[1].toLowerCase(Locale.ROOT));
      if (mode.isPresent()) {
        var key = KeySignature.of(tonic, mode.get());
        if (key.isPresent()) {
          return key.get();
        }
      }
    }
    throw new IllegalArgumentException("a key like \"G major\" or \"E minor\" is needed, not \"" + text + "\"");
  }

  void rename(Doc doc, String title) {
    doc.getMap(ProjectSchema.META).set(ProjectSchema.Meta.TITLE, title);
  }

  JsonObject view(Doc doc) {
    return new JsonObject(Json.stringify(ProjectJson.of(doc)));
  }

  byte[] midi(Doc doc) {
    return MidiExport.toStandardMidiFile(ProjectReader.read(doc).view());
  }
}
