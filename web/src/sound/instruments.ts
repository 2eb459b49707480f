// The General MIDI instrument set: what the instrument picker offers, in its sixteen families, and
// the percussion key map of channel 10 that the drum lane names its rows with.

/** The 128 General MIDI programs, by zero-based program number. */
export const PROGRAM_NAMES: readonly string[] = [
  'Acoustic Grand Piano', 'Bright Acoustic Piano', 'Electric Grand Piano', 'Honky-tonk Piano',
  'Electric Piano 1', 'Electric Piano 2', 'Harpsichord', 'Clavinet',
  'Celesta', 'Glockenspiel', 'Music Box', 'Vibraphone', 'Marimba', 'Xylophone', 'Tubular Bells', 'Dulcimer',
  'Drawbar Organ', 'Percussive Organ', 'Rock Organ', 'Church Organ', 'Reed Organ', 'Accordion', 'Harmonica',
  'Tango Accordion',
  'Nylon Guitar', 'Steel Guitar', 'Jazz Guitar', 'Clean Electric Guitar', 'Muted Electric Guitar',
  'Overdriven Guitar', 'Distortion Guitar', 'Guitar Harmonics',
  'Acoustic Bass', 'Fingered Bass', 'Picked Bass', 'Fretless Bass', 'Slap Bass 1', 'Slap Bass 2', 'Synth Bass 1',
  'Synth Bass 2',
  'Violin', 'Viola', 'Cello', 'Contrabass', 'Tremolo Strings', 'Pizzicato Strings', 'Orchestral Harp', 'Timpani',
  'String Ensemble 1', 'String Ensemble 2', 'Synth Strings 1', 'Synth Strings 2', 'Choir Aahs', 'Voice Oohs',
  'Synth Voice', 'Orchestra Hit',
  'Trumpet', 'Trombone', 'Tuba', 'Muted Trumpet', 'French Horn', 'Brass Section', 'Synth Brass 1', 'Synth Brass 2',
  'Soprano Sax', 'Alto Sax', 'Tenor Sax', 'Baritone Sax', 'Oboe', 'English Horn', 'Bassoon', 'Clarinet',
  'Piccolo', 'Flute', 'Recorder', 'Pan Flute', 'Blown Bottle', 'Shakuhachi', 'Whistle', 'Ocarina',
  'Square Lead', 'Sawtooth Lead', 'Calliope Lead', 'Chiff Lead', 'Charang Lead', 'Voice Lead', 'Fifths Lead',
  'Bass and Lead',
  'New Age Pad', 'Warm Pad', 'Polysynth Pad', 'Choir Pad', 'Bowed Pad', 'Metallic Pad', 'Halo Pad', 'Sweep Pad',
  'Rain', 'Soundtrack', 'Crystal', 'Atmosphere', 'Brightness', 'Goblins', 'Echoes', 'Sci-fi',
  'Sitar', 'Banjo', 'Shamisen', 'Koto', 'Kalimba', 'Bagpipe', 'Fiddle', 'Shanai',
  'Tinkle Bell', 'Agogo', 'Steel Drums', 'Woodblock', 'Taiko Drum', 'Melodic Tom', 'Synth Drum', 'Reverse Cymbal',
  'Guitar Fret Noise', 'Breath Noise', 'Seashore', 'Bird Tweet', 'Telephone Ring', 'Helicopter', 'Applause',
  'Gunshot',
]

/** The sixteen families, eight programs each, in program order. */
export const FAMILIES: readonly string[] = [
  'Piano', 'Chromatic percussion', 'Organ', 'Guitar', 'Bass', 'Strings', 'Ensemble', 'Brass',
  'Reed', 'Pipe', 'Synth lead', 'Synth pad', 'Synth effects', 'Ethnic', 'Percussive', 'Sound effects',
]

export function programName(program: number): string {
  return PROGRAM_NAMES[program] ?? `Program ${program + 1}`
}

/** General MIDI's percussion keys (channel 10), by MIDI note number. */
export const KIT_PIECES: ReadonlyMap<number, string> = new Map([
  [35, 'Kick 2'], [36, 'Kick'], [37, 'Side stick'], [38, 'Snare'], [39, 'Hand clap'], [40, 'Electric snare'],
  [41, 'Low floor tom'], [42, 'Closed hi-hat'], [43, 'High floor tom'], [44, 'Pedal hi-hat'], [45, 'Low tom'],
  [46, 'Open hi-hat'], [47, 'Low-mid tom'], [48, 'High-mid tom'], [49, 'Crash'], [50, 'High tom'],
  [51, 'Ride'], [52, 'Chinese cymbal'], [53, 'Ride bell'], [54, 'Tambourine'], [55, 'Splash'], [56, 'Cowbell'],
  [57, 'Crash 2'], [58, 'Vibraslap'], [59, 'Ride 2'], [60, 'High bongo'], [61, 'Low bongo'], [62, 'Mute high conga'],
  [63, 'Open high conga'], [64, 'Low conga'], [65, 'High timbale'], [66, 'Low timbale'], [67, 'High agogo'],
  [68, 'Low agogo'], [69, 'Cabasa'], [70, 'Maracas'], [71, 'Short whistle'], [72, 'Long whistle'],
  [73, 'Short guiro'], [74, 'Long guiro'], [75, 'Claves'], [76, 'High wood block'], [77, 'Low wood block'],
  [78, 'Mute cuica'], [79, 'Open cuica'], [80, 'Mute triangle'], [81, 'Open triangle'],
])

/**
 * The pieces a drum lane shows by default, top to bottom the way drummers read a grid: cymbals and
 * hi-hats above, toms in the middle, snare and kick at the bottom.
 */
export const DRUM_ROWS: readonly number[] = [49, 57, 51, 53, 46, 44, 42, 50, 48, 47, 45, 43, 41, 39, 37, 38, 36, 35]

export function kitPieceName(pitch: number): string {
  return KIT_PIECES.get(pitch) ?? `Percussion key ${pitch}`
}
