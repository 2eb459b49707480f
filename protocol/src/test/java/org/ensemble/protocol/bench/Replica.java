package org.ensemble.protocol.bench;

import java.util.List;
import java.util.function.Consumer;
import org.ensemble.protocol.bench.BenchInputs.ArrayInsert;
import org.ensemble.protocol.bench.BenchInputs.Delete;
import org.ensemble.protocol.bench.BenchInputs.Insert;
import org.ensemble.protocol.bench.BenchInputs.Op;
import org.ensemble.protocol.crdt.Doc;
import org.ensemble.protocol.crdt.YArray;
import org.ensemble.protocol.crdt.YMap;
import org.ensemble.protocol.crdt.YText;

/**
 * A document as the suite's yjs factory makes one: roots "array", "map" and "text", and a listener
 * for the v2 update of every transaction (so each transaction encodes its update, as it does in
 * the suite and in an editor that sends its changes).
 */
final class Replica {
  final Doc doc = new Doc();
  final YArray array;
  final YMap map;
  final YText text;

  Replica(long clientId, Consumer<byte[]> onUpdate) {
    doc.setClientId(clientId);
    doc.onUpdateV2((update, origin, txn) -> onUpdate.accept(update));
    array = doc.getArray("array");
    map = doc.getMap("map");
    text = doc.getText("text");
  }

  Replica(long clientId) {
    this(clientId, update -> {});
  }

  void apply(Op op) {
    if (op instanceof Insert ins) {
      text.insert(ins.index(), ins.text());
    } else if (op instanceof Delete del) {
      text.delete(del.index(), del.length());
    } else {
      ArrayInsert a = (ArrayInsert) op;
      array.insert(a.index(), a.values());
    }
  }

  /** Null when the replica holds {@code expected} (a String: the text; a list: the array), else why not. */
  String contentProblem(Object expected) {
    if (expected instanceof List<?> numbers) {
      List<Object> actual = array.toArray();
      if (actual.size() != numbers.size()) {
        return "array has " + actual.size() + " elements, expected " + numbers.size();
      }
      for (int i = 0; i < actual.size(); i++) {
        Object a = actual.get(i);
        if (!(a instanceof Number n) || n.doubleValue() != ((Number) numbers.get(i)).doubleValue()) {
          return "array differs from the expected numbers at index " + i;
        }
      }
      return null;
    }
    return text.toString().equals(expected) ? null : "text differs from the expected text";
  }
}
