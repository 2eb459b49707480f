/**
 * The four-part-writing checker ({@code docs/part-writing.md}): {@link
 * org.ensemble.schema.partwriting.PartWritingChecker} runs chosen {@link
 * org.ensemble.schema.partwriting.Rule}s, one class per rule, over a {@link
 * org.ensemble.schema.partwriting.Texture} (the soprano, alto, tenor and bass tracks of a project view as
 * events and sounding notes) and gives {@link org.ensemble.schema.partwriting.Finding}s: rule, bar and
 * beat, voices, note ids and an explanation for a student. Reads only the schema's views.
 */
package org.ensemble.schema.partwriting;
