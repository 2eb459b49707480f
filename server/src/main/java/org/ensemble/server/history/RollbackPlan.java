package org.ensemble.server.history;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ensemble.protocol.crdt.ID;
import org.ensemble.protocol.crdt.Provenance;
import org.ensemble.protocol.crdt.Snapshot;
import org.ensemble.schema.NoteView;
import org.ensemble.schema.ProjectSchema;
import org.ensemble.server.attribution.Ledger;
import org.ensemble.server.attribution.LedgerEntry;
import org.ensemble.server.attribution.Source;

/**
 * A selective rollback worked out from the history and the ledger: everything one author (a person's
 * id, or {@code ai} for every AI suggestion accepted) did to the notes of a region (a track, or all,
 * and a range of ticks by the note's start). Notes the author wrote are removed; notes the author
 * deleted come back as they last stood; fields the author changed on others' notes go back to their
 * value before the author's change. What anyone else did is left alone.
 */
final class RollbackPlan {
  /** The region and author: {@code trackId} null for every track, ticks {@code [from, to)}. */
  record Filter(String author, String trackId, long from, long to) {
    boolean inRegion(String track, long start) {
      return (trackId == null || trackId.equals(track)) && start >= from && start < to;
    }
  }

  final List<NoteTargets.Target> targets = new ArrayList<>();
  int removals;
  int restorations;
  int reversions;

  private RollbackPlan() {}

  static RollbackPlan of(NoteStates states, Ledger ledger, Filter filter) {
    RollbackPlan plan = new RollbackPlan();
    Snapshot now = states.now();
    Map<String, NoteStates.PlacedNote> present = states.notesAt(now);
    for (NoteStates.PlacedNote p : present.values()) {
      NoteView n = p.note();
      if (byAuthor(ledger.insertOf(p.itemId()), filter)) {
        if (filter.inRegion(p.trackId(), n.start())) {
          plan.targets.add(new NoteTargets.Target(n.id(), p.trackId(), null));
          plan.removals++;
        }
        continue;
      }
      Map<String, Object> reverted = new LinkedHashMap<>();
      for (String field : List.of(ProjectSchema.Note.PITCH, ProjectSchema.Note.START, ProjectSchema.Note.DURATION,
          ProjectSchema.Note.VELOCITY)) {
        if (byAuthor(ledger.insertOf(p.fieldIds().get(field)), filter)) {
          for (Provenance.Entry e : Provenance.keyHistory(p.map(), field)) {
            if (!byAuthor(ledger.insertOf(e.id()), filter)) {
              reverted.put(field, e.value());
              break;
            }
          }
        }
      }
      if (!reverted.isEmpty()) {
        NoteView back = withFields(n, reverted);
        if (back != null && (filter.inRegion(p.trackId(), n.start()) || filter.inRegion(p.trackId(), back.start()))) {
          plan.targets.add(new NoteTargets.Target(n.id(), p.trackId(), back));
          plan.reversions++;
        }
      }
    }
    Set<String> restored = new HashSet<>();
    List<NoteStates.PlacedNote> deleted = states.deletedNotes(now);
    for (NoteStates.PlacedNote d : deleted) {
      String id = d.note().id();
      LedgerEntry deletion = ledger.deleteOf(d.itemId());
      if (!present.containsKey(id) && !restored.contains(id) && byAuthor(deletion, filter)
          && !byAuthor(ledger.insertOf(d.itemId()), filter) && filter.inRegion(d.trackId(), d.note().start())
          && lastDeletionOf(deleted, ledger, id, d.itemId())) {
        plan.targets.add(new NoteTargets.Target(id, d.trackId(), d.note()));
        plan.restorations++;
        restored.add(id);
      }
    }
    return plan;
  }

  /** Whether the item is the note's latest incarnation (an undone deletion makes another item with the same id). */
  private static boolean lastDeletionOf(List<NoteStates.PlacedNote> deleted, Ledger ledger, String noteId, ID itemId) {
    LedgerEntry mine = ledger.deleteOf(itemId);
    for (NoteStates.PlacedNote other : deleted) {
      if (other.note().id().equals(noteId) && !other.itemId().equals(itemId)) {
        LedgerEntry theirs = ledger.deleteOf(other.itemId());
        if (theirs != null && mine != null && theirs.seq() > mine.seq()) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean byAuthor(LedgerEntry entry, RollbackPlan.Filter filter) {
    if (entry == null) {
      return false;
    }
    return "ai".equals(filter.author()) ? entry.attributes().source() == Source.AI
        : filter.author().equals(entry.attributes().actor());
  }

  private static NoteView withFields(NoteView n, Map<String, Object> fields) {
    try {
      return new NoteView(n.id(),
          ((Number) fields.getOrDefault(ProjectSchema.Note.PITCH, n.pitch())).intValue(),
          ((Number) fields.getOrDefault(ProjectSchema.Note.START, n.start())).longValue(),
          ((Number) fields.getOrDefault(ProjectSchema.Note.DURATION, n.duration())).longValue(),
          ((Number) fields.getOrDefault(ProjectSchema.Note.VELOCITY, n.velocity())).intValue());
    } catch (ClassCastException | IllegalArgumentException e) {
      return null;
    }
  }

  List<String> noteIds() {
    List<String> ids = new ArrayList<>();
    targets.forEach(t -> ids.add(t.noteId()));
    return ids;
  }
}
