/**
 * The project document: its schema ({@code docs/document-schema.md}), and the server-side code that
 * reads, validates, creates and exports it. Pure Java on top of {@code protocol/}; no Vert.x. Like a
 * {@link org.ensemble.protocol.crdt.Doc}, everything that touches a document runs on the thread that
 * owns it; views are immutable and may go anywhere.
 *
 * <ul>
 *   <li>Names: {@link org.ensemble.schema.ProjectSchema} (keys, roots, version) and
 *       {@link org.ensemble.schema.SchemaLimits} (ranges, defaults).
 *   <li>Reading: {@link org.ensemble.schema.ProjectReader} gives a
 *       {@link org.ensemble.schema.ValidatedProject}: a {@link org.ensemble.schema.ProjectView}
 *       (meta, tracks, notes, sections as records) and the
 *       {@link org.ensemble.schema.ValidationProblem}s. Package-private helpers do the work:
 *       {@code Roots} (root types without creating them), {@code Containers} and {@code DocValues}
 *       (maps and lists of either kind, values named for messages), {@code FieldReader} (typed fields),
 *       and one reader per level ({@code MetaReader}, {@code TrackReader}, {@code NoteReader},
 *       {@code SectionReader}).
 *   <li>Writing: {@link org.ensemble.schema.ProjectMaps} (views to Y.Maps) and
 *       {@link org.ensemble.schema.Templates} (the empty project and the four-part chorale,
 *       whose cadence is in {@code ChoraleCadence}).
 *   <li>Output: {@link org.ensemble.schema.MidiExport} (Standard MIDI File; {@code ConductorTrack},
 *       {@code PartTrack}, {@code MidiChannels}, {@code MidiMessages}) and
 *       {@link org.ensemble.schema.ProjectJson} (the REST view).
 *   <li>Feedback: {@code org.ensemble.schema.partwriting}, the four-part-writing checker over the views.
 * </ul>
 */
package org.ensemble.schema;
