package org.ensemble.protocol.inspect;

/** Indents compact JSON text by two spaces per level, for people reading the inspector's output. */
final class PrettyJson {
  private PrettyJson() {}

  static String indent(String json) {
    StringBuilder sb = new StringBuilder();
    int depth = 0;
    boolean inString = false;
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      if (inString) {
        sb.append(c);
        if (c == '\\') {
          sb.append(json.charAt(++i));
        } else if (c == '"') {
          inString = false;
        }
        continue;
      }
      switch (c) {
        case '"' -> {
          inString = true;
          sb.append(c);
        }
        case '{', '[' -> {
          char close = c == '{' ? '}' : ']';
          if (i + 1 < json.length() && json.charAt(i + 1) == close) {
            sb.append(c).append(close);
            i++;
          } else {
            sb.append(c).append('\n');
            depth++;
            pad(sb, depth);
          }
        }
        case '}', ']' -> {
          sb.append('\n');
          depth--;
          pad(sb, depth);
          sb.append(c);
        }
        case ',' -> {
          sb.append(",\n");
          pad(sb, depth);
        }
        case ':' -> sb.append(": ");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  private static void pad(StringBuilder sb, int depth) {
    for (int i = 0; i < depth; i++) {
      sb.append("  ");
    }
  }
}
