package org.ensemble.protocol.crdt;

import static org.ensemble.protocol.support.Replicas.doc;
import static org.ensemble.protocol.support.Replicas.sync;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a long-edited document keeps per struct stays small: deleted content is shared, map key names
 * are one string per document, single values and integer runs carry no list of their own. Each of
 * these must leave the document's behaviour exactly as before.
 */
class CompactStructsTest {

  @Test
  void overwrittenMapValuesShareOneDeletedContent() {
    Doc d = doc(1);
    YMap note = d.getMap("note");
    for (int i = 0; i < 50; i++) {
      int pitch = 60 + i;
      d.transact(t -> {
        note.set("pitch", pitch);
        note.set("velocity", pitch); // between two pitches: their deleted items cannot merge
      });
    }
    Item current = note.mapGet("pitch");
    assertEquals(109, note.get("pitch"));
    int deleted = 0;
    for (Item old = current.left; old != null; old = old.left) {
      assertSame(ContentDeleted.of(1), old.content);
      deleted++;
    }
    assertEquals(49, deleted);
  }

  @Test
  void aDeletedRunSplitByARemoteInsertLeavesTheSharedContentsIntact() {
    Doc a = doc(1);
    Doc b = doc(2);
    a.getText("t").insert(0, "abcdefghij");
    sync(a, b);
    a.getText("t").delete(0, 10);
    b.getText("t").insert(5, "X");
    sync(a, b); // a splits its deleted run of 10 at the insert's origin

    assertEquals("X", a.getText("t").toString());
    assertEquals("X", b.getText("t").toString());
    assertEquals(10, ContentDeleted.of(10).length());
    assertEquals(5, ContentDeleted.of(5).length());
    Doc fresh = doc(3);
    fresh.applyUpdate(a.encodeStateAsUpdate());
    assertEquals("X", fresh.getText("t").toString());
    assertEquals(a.store.getStateVector().get(1), fresh.store.getStateVector().get(1));

    b.getText("t").delete(0, 1); // the insert goes too: deleted runs of both clients side by side
    sync(a, b);
    Doc again = doc(4);
    again.applyUpdate(b.encodeStateAsUpdate());
    assertEquals("", a.getText("t").toString());
    assertEquals("", again.getText("t").toString());
  }

  @Test
  void keyNamesFromDecodedUpdatesAreOneStringPerDocument() {
    Doc writer = doc(1);
    YArray notes = writer.getArray("notes");
    for (int i = 0; i < 3; i++) {
      Map<String, Object> fields = new LinkedHashMap<>();
      fields.put(new String("pitch"), 60 + i);
      notes.push(List.of(new YMap(fields)));
    }
    Doc reader = doc(2);
    reader.applyUpdate(writer.encodeStateAsUpdate());

    YArray read = reader.getArray("notes");
    String first = ((YMap) read.get(0)).mapGet("pitch").parentSub;
    for (int i = 1; i < 3; i++) {
      assertSame(first, ((YMap) read.get(i)).mapGet("pitch").parentSub);
    }
    assertEquals(62, ((YMap) read.get(2)).get("pitch"));
  }

  @Test
  void keyNamesStopCollectingAtTheirBound() {
    KeyNames names = new KeyNames();
    List<String> kept = new ArrayList<>();
    for (int i = 0; i < KeyNames.MAX_NAMES; i++) {
      String key = "k" + i;
      kept.add(key);
      assertSame(key, names.canonical(key));
    }
    assertSame(kept.get(7), names.canonical(new String("k7")));
    String past = new String("k" + KeyNames.MAX_NAMES);
    assertSame(past, names.canonical(past));
    assertNotSame(past, names.canonical(new String(past)));
    String tooLong = "x".repeat(KeyNames.MAX_LENGTH + 1);
    KeyNames fresh = new KeyNames();
    fresh.canonical(tooLong);
    assertNotSame(tooLong, fresh.canonical(new String(tooLong)));
  }

  @Test
  void singleValuesAndIntegerRunsCarryNoBoxedList() {
    Doc d = doc(1);
    YArray a = d.getArray("a");
    d.transact(t -> a.push(List.of(1)));
    d.transact(t -> a.push(List.of(2))); // merged with the first item at the end of the transaction
    d.transact(t -> a.push(List.of(3, 4)));
    Item run = a.start;
    assertEquals(List.of(1, 2, 3, 4), a.toArray());
    assertInstanceOf(IntValueList.class, run.content.getContent());
    assertEquals(4, run.length);

    d.transact(t -> a.insert(1, List.of(1.5))); // splits the run
    assertInstanceOf(IntValueList.class, a.start.content.getContent());
    assertInstanceOf(IntValueList.class, a.start.right.right.content.getContent());
    d.transact(t -> a.push(List.of("five"))); // joins the run's end, boxed from here on
    assertEquals(List.of(1, 1.5, 2, 3, 4, "five"), a.toArray());

    YMap m = d.getMap("m");
    m.set("sentAt", 1_700_000_000_000L);
    assertEquals(List.of(1_700_000_000_000L), m.mapGet("sentAt").content.getContent());
    Doc copy = doc(2);
    copy.applyUpdate(d.encodeStateAsUpdate());
    assertEquals(a.toArray(), copy.getArray("a").toArray());
    assertEquals(1_700_000_000_000L, copy.getMap("m").get("sentAt"));
  }
}
