package org.ensemble.server.store;

import static org.ensemble.server.testing.Await.failure;
import static org.ensemble.server.testing.Await.result;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What every {@link MetadataStore} promises, run against each implementation by a subclass. */
public abstract class MetadataStoreContract {
  protected static final int MAX_VALUE_BYTES = 64 * 1024;

  private final List<MetadataStore> opened = new ArrayList<>();

  /** Opens a store on this test's storage (the same each time), accepting {@link #MAX_VALUE_BYTES}. */
  protected abstract MetadataStore open();

  private MetadataStore openTracked() {
    MetadataStore store = open();
    opened.add(store);
    return store;
  }

  @AfterEach
  void closeStores() {
    opened.forEach(MetadataStore::close);
  }

  private static byte[] json(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String text(Optional<byte[]> value) {
    return new String(value.orElseThrow(), StandardCharsets.UTF_8);
  }

  @Test
  void getOfAnUnknownKeyIsEmpty() throws Exception {
    assertEquals(Optional.empty(), result(openTracked().get("project:404")));
  }

  @Test
  void aPutValueIsReadBack() throws Exception {
    MetadataStore store = openTracked();
    result(store.put("project:1", json("{\"name\":\"Chorale\"}")));
    assertEquals("{\"name\":\"Chorale\"}", text(result(store.get("project:1"))));
  }

  @Test
  void aPutReplacesTheValue() throws Exception {
    MetadataStore store = openTracked();
    result(store.put("project:1", json("{\"name\":\"Chorale\"}")));
    result(store.put("project:1", json("{\"name\":\"Fugue\"}")));
    assertEquals("{\"name\":\"Fugue\"}", text(result(store.get("project:1"))));
    assertEquals(List.of("project:1"), result(store.keys("")));
  }

  @Test
  void putsOfOneKeyLandInTheOrderTheyWereCalled() throws Exception {
    MetadataStore store = openTracked();
    List<CompletableFuture<Void>> puts = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      puts.add(store.put("counter", json(String.valueOf(i))).toCompletableFuture());
    }
    for (CompletableFuture<Void> put : puts) {
      result(put);
    }
    assertEquals("49", text(result(store.get("counter"))));
  }

  @Test
  void anEmptyValueIsAValue() throws Exception {
    MetadataStore store = openTracked();
    result(store.put("empty", new byte[0]));
    assertArrayEquals(new byte[0], result(store.get("empty")).orElseThrow());
  }

  @Test
  void deleteRemovesTheValueAndTheKey() throws Exception {
    MetadataStore store = openTracked();
    result(store.put("project:1", json("{}")));
    result(store.put("project:2", json("{}")));
    result(store.delete("project:1"));
    assertEquals(Optional.empty(), result(store.get("project:1")));
    assertEquals(List.of("project:2"), result(store.keys("project:")));
    result(store.delete("never-written"));
  }

  @Test
  void keysListsThoseWithThePrefixSorted() throws Exception {
    MetadataStore store = openTracked();
    for (String key : List.of("project:2", "user:7", "project:10", "projects", "project:1:members",
        "project:1", "proj")) {
      result(store.put(key, json("{}")));
    }
    // String order: '0' comes before ':'
    assertEquals(List.of("project:1", "project:10", "project:1:members", "project:2"),
        result(store.keys("project:")));
    assertEquals(List.of("proj", "project:1", "project:10", "project:1:members", "project:2",
        "projects", "user:7"), result(store.keys("")));
    assertEquals(List.of(), result(store.keys("nothing")));
  }

  @Test
  void keysWithAnyCharactersStayApartAndListBack() throws Exception {
    MetadataStore store = openTracked();
    List<String> keys = List.of("a/b", "../a", "a", "A", "ä♪", "𝄞 clef", "{a}", "a b");
    for (String key : keys) {
      result(store.put(key, json(key)));
    }
    for (String key : keys) {
      assertEquals(key, text(result(store.get(key))));
    }
    List<String> sorted = new ArrayList<>(keys);
    sorted.sort(null);
    assertEquals(sorted, result(store.keys("")));
  }

  @Test
  void anEmptyKeyIsRefused() throws Exception {
    assertInstanceOf(StoreException.class, failure(openTracked().put("", json("{}"))));
  }

  @Test
  void valuesSurviveAReopen() throws Exception {
    try (MetadataStore store = open()) {
      result(store.put("user:1", json("{\"name\":\"Ada\"}")));
    }
    assertEquals("{\"name\":\"Ada\"}", text(result(openTracked().get("user:1"))));
  }

  @Test
  void anOversizeValueIsRefusedWithAReason() throws Exception {
    MetadataStore store = openTracked();
    Throwable refused = failure(store.put("big", new byte[MAX_VALUE_BYTES + 1]));
    assertInstanceOf(StoreException.class, refused);
    assertTrue(refused.getMessage().contains(String.valueOf(MAX_VALUE_BYTES + 1)), refused.getMessage());
    assertEquals(Optional.empty(), result(store.get("big")));
  }

  @Test
  void operationsAfterCloseFailWithAStoreException() throws Exception {
    MetadataStore store = open();
    store.close();
    assertInstanceOf(StoreException.class, failure(store.put("k", json("{}"))));
    assertInstanceOf(StoreException.class, failure(store.get("k")));
  }
}
