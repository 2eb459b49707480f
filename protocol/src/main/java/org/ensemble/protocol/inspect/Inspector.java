package org.ensemble.protocol.inspect;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ensemble.protocol.crdt.AbstractType;
import org.ensemble.protocol.crdt.Doc;
import org.ensemble.protocol.crdt.DocOptions;
import org.ensemble.protocol.lib0.DecodingException;
import org.ensemble.protocol.lib0.Json;
import org.ensemble.protocol.lib0.Undefined;

/**
 * Prints what binary Yjs updates describe: applies them in order to a fresh document and prints one
 * JSON object {@code {"json": {...}, "stateVector": "<base64>", "update": "<base64>"}}. Operators use
 * it to look inside stored projects.
 *
 * <pre>
 * inspect [--map NAME] [--array NAME] [--text NAME] [--xml NAME] [--v2] [--no-gc] [--pretty] [FILE...]
 * </pre>
 * Without files, standard input holds one base64 update per line. A malformed update ends the
 * program with status 2 and one line naming the update and the reason.
 */
public final class Inspector {
  static final int EXIT_USAGE = 64;
  static final int EXIT_MALFORMED = 2;

  private record Root(String name, String kind) {}

  private Inspector() {}

  public static void main(String[] args) {
    System.exit(run(args, System.in, System.out, System.err));
  }

  static int run(String[] args, java.io.InputStream stdin, PrintStream out, PrintStream err) {
    List<Root> roots = new ArrayList<>();
    List<String> files = new ArrayList<>();
    boolean v2 = false;
    boolean gc = true;
    boolean pretty = false;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--map", "--array", "--text", "--xml" -> {
          if (i + 1 >= args.length) {
            err.println("inspect: " + a + " needs a root name");
            return EXIT_USAGE;
          }
          roots.add(new Root(args[++i], a.substring(2)));
        }
        case "--v2" -> v2 = true;
        case "--no-gc" -> gc = false;
        case "--pretty" -> pretty = true;
        case "-h", "--help" -> {
          out.println("usage: inspect [--map NAME] [--array NAME] [--text NAME] [--xml NAME] [--v2] [--no-gc] [--pretty] [FILE...]");
          out.println("Applies binary Yjs updates (files, or base64 lines on standard input) and prints the document.");
          return 0;
        }
        default -> {
          if (a.startsWith("--")) {
            err.println("inspect: unknown option " + a);
            return EXIT_USAGE;
          }
          files.add(a);
        }
      }
    }
    Doc doc = new Doc(DocOptions.defaults().gc(gc));
    List<String> labels = new ArrayList<>();
    List<byte[]> updates = new ArrayList<>();
    try {
      if (files.isEmpty()) {
        readBase64Lines(stdin, labels, updates);
      } else {
        for (String f : files) {
          labels.add(f);
          updates.add(Files.readAllBytes(Path.of(f)));
        }
      }
    } catch (NoSuchFileException e) {
      err.println("inspect: no such file: " + e.getFile());
      return EXIT_USAGE;
    } catch (IOException e) {
      err.println("inspect: cannot read input: " + e.getMessage());
      return EXIT_USAGE;
    } catch (IllegalArgumentException e) {
      err.println("inspect: " + e.getMessage());
      return EXIT_MALFORMED;
    }
    for (int i = 0; i < updates.size(); i++) {
      try {
        if (v2) {
          doc.applyUpdateV2(updates.get(i));
        } else {
          doc.applyUpdate(updates.get(i));
        }
      } catch (DecodingException e) {
        err.println("inspect: update " + (i + 1) + " (" + labels.get(i) + ") is malformed: " + e.getMessage());
        return EXIT_MALFORMED;
      }
    }
    Map<String, Object> json = new LinkedHashMap<>();
    for (Root r : roots) {
      AbstractType type = switch (r.kind) {
        case "map" -> doc.getMap(r.name);
        case "array" -> doc.getArray(r.name);
        case "text" -> doc.getText(r.name);
        default -> doc.getXmlFragment(r.name);
      };
      json.put(r.name, printable(type.toJSON()));
    }
    List<String> unnamed = new ArrayList<>(doc.rootNames());
    roots.forEach(r -> unnamed.remove(r.name));
    if (!unnamed.isEmpty()) {
      err.println("inspect: the document also has roots " + unnamed + "; name them with --map/--array/--text/--xml to print them");
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("json", json);
    result.put("stateVector", Base64.getEncoder().encodeToString(doc.encodeStateVector()));
    result.put("update", Base64.getEncoder().encodeToString(v2 ? doc.encodeStateAsUpdateV2() : doc.encodeStateAsUpdate()));
    if (doc.hasPendingUpdates()) {
      result.put("pending", true);
    }
    String text = Json.stringify(result);
    out.println(pretty ? PrettyJson.indent(text) : text);
    return 0;
  }

  private static void readBase64Lines(java.io.InputStream stdin, List<String> labels, List<byte[]> updates)
      throws IOException {
    BufferedReader reader = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8));
    String line;
    int n = 0;
    while ((line = reader.readLine()) != null) {
      n++;
      line = line.trim();
      if (line.isEmpty()) {
        continue;
      }
      try {
        updates.add(Base64.getDecoder().decode(line));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("line " + n + " of standard input is not base64: " + e.getMessage());
      }
      labels.add("line " + n);
    }
  }

  /** Values JSON cannot write as they are: big integers as strings, byte arrays as base64, subdocuments by guid. */
  static Object printable(Object v) {
    if (v instanceof BigInteger) {
      return v.toString();
    }
    if (v instanceof byte[]) {
      return Map.of("base64", Base64.getEncoder().encodeToString((byte[]) v));
    }
    if (v instanceof Doc) {
      return Map.of("subdocument", ((Doc) v).guid());
    }
    if (v instanceof List) {
      List<Object> out = new ArrayList<>();
      for (Object o : (List<?>) v) {
        out.add(printable(o));
      }
      return out;
    }
    if (v instanceof Map) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
        out.put(String.valueOf(e.getKey()), printable(e.getValue()));
      }
      return out;
    }
    return v == Undefined.VALUE ? null : v;
  }
}
