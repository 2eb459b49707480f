package org.ensemble.protocol.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.ensemble.protocol.bench.BenchInputs.B4Task;
import org.ensemble.protocol.bench.BenchInputs.Delete;
import org.ensemble.protocol.bench.BenchInputs.Insert;
import org.ensemble.protocol.bench.BenchInputs.Op;
import org.ensemble.protocol.lib0.Json;

/**
 * Reads the B4 editing trace ({@code shared/data/editing-trace/automerge-paper.json.gz}, format in
 * its README): every patch {@code [pos, del, ins]} becomes a delete of {@code del} characters, then
 * an insert of {@code ins}, each its own transaction (in this trace a patch is one or the other).
 */
final class EditingTrace {
  private EditingTrace() {}

  static B4Task read(Path file) throws IOException {
    String json;
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 1 << 16)) {
      json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Map<?, ?> trace = (Map<?, ?>) Json.parse(json);
    List<Op> ops = new ArrayList<>();
    for (Object txn : (List<?>) trace.get("txns")) {
      for (Object p : (List<?>) ((Map<?, ?>) txn).get("patches")) {
        List<?> patch = (List<?>) p;
        int pos = ((Number) patch.get(0)).intValue();
        int delete = ((Number) patch.get(1)).intValue();
        String insert = (String) patch.get(2);
        if (delete > 0) {
          ops.add(new Delete(pos, delete));
        }
        if (!insert.isEmpty()) {
          ops.add(new Insert(pos, insert));
        }
      }
    }
    return new B4Task("B4", BenchInputs.NAMES.get("B4"), ops, (String) trace.get("endContent"));
  }
}
