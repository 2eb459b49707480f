package org.ensemble.cowriter.generation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class GenerationRequestTest {
  private static String refusal(String json) {
    GenerationException e = assertThrows(GenerationException.class, () -> GenerationRequest.parse(new JsonObject(json), 1));
    assertEquals(400, e.status());
    return e.getMessage();
  }

  @Test
  void modesChooseTheirVoicesWhenNoneAreGiven() {
    GenerationRequest r = GenerationRequest.parse(new JsonObject("{\"mode\":\"harmonize\",\"region\":{\"startBar\":0,\"endBar\":2}}"), 7);
    assertEquals(EnumSet.of(Voice.ALTO, Voice.TENOR, Voice.BASS), r.voices());
    assertEquals(7, r.seed());
    assertEquals(GenerationRequest.DEFAULT_CANDIDATES, r.candidates());
  }

  @Test
  void badShapesAreRefusedWithReasons() {
    assertTrue(refusal("{\"region\":{\"startBar\":0}}").contains("needs a start and an end"));
    assertTrue(refusal("{\"mode\":\"continue\",\"region\":{\"startBar\":0,\"endBar\":1}}").contains("give \"bars\""));
    assertTrue(refusal("{\"region\":{\"startBar\":0,\"endBar\":1},\"candidates\":0}").contains("from 1 to 8"));
    assertTrue(refusal("{\"region\":{\"startBar\":\"a\",\"endBar\":1}}").contains("whole number"));
    assertTrue(refusal("{\"region\":{\"startBar\":0,\"endBar\":1},\"seed\":-4}").contains("from 0 to"));
    assertTrue(refusal("{\"region\":{\"startBar\":0,\"endBar\":1},\"rangeLock\":{\"alto\":[70,60]}}").contains("range of alto"));
    assertTrue(refusal("{\"mode\":\"melody\",\"region\":{\"startBar\":0,\"endBar\":1,\"voices\":[\"bass\"]}}").contains("soprano"));
    assertTrue(refusal("{\"mode\":\"variation\",\"strength\":2,\"region\":{\"startBar\":0,\"endBar\":1}}").contains("strength"));
  }
}
