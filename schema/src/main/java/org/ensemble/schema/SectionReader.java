package org.ensemble.schema;

import static org.ensemble.schema.ProjectSchema.SECTIONS;
import static org.ensemble.schema.SchemaLimits.MAX_TICK;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.ensemble.schema.ProjectSchema.Section;

/** Reads {@code sections}. A section without a valid span is skipped; a bad name becomes "". */
final class SectionReader {
  private static final String SKIPPED = "the section is skipped";

  private SectionReader() {}

  static List<SectionView> readAll(List<Object> elements, Problems problems) {
    List<SectionView> sections = new ArrayList<>();
    for (int i = 0; i < elements.size(); i++) {
      String path = Problems.index(SECTIONS, i);
      Map<String, Object> entries = Containers.sharedMap(elements.get(i), path, SKIPPED, problems);
      if (entries == null) {
        continue;
      }
      FieldReader fields = new FieldReader(entries, path, problems);
      String name = fields.string(Section.NAME, "using \"\"").orElse("");
      OptionalLong start = fields.integer(Section.START, 0, MAX_TICK - 1, SKIPPED);
      OptionalLong length = fields.integer(Section.LENGTH, 1, MAX_TICK, SKIPPED);
      if (start.isEmpty() || length.isEmpty()) {
        continue;
      }
      long end = start.getAsLong() + length.getAsLong();
      if (end > MAX_TICK) {
        fields.report(Section.LENGTH, "the section ends at tick " + end + ", after the last tick (" + MAX_TICK + ")",
            SKIPPED);
        continue;
      }
      sections.add(new SectionView(name, start.getAsLong(), length.getAsLong()));
    }
    return sections;
  }
}
