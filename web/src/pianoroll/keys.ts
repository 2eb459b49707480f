// The piano roll's keyboard: which key does what. Kept apart from the handlers so that it can be
// tested and shown to the user as one table.

export type Command =
  | { kind: 'caret'; dTicks: number; dPitch: number }
  | { kind: 'lane'; delta: 1 | -1 }
  | { kind: 'moveToLane'; delta: 1 | -1 }
  | { kind: 'add' }
  | { kind: 'move'; dTicks: number; dPitch: number }
  | { kind: 'resize'; dTicks: number }
  | { kind: 'delete' }
  | { kind: 'selectNext'; direction: 1 | -1; extend: boolean }
  | { kind: 'selectAll' }
  | { kind: 'deselect' }
  | { kind: 'copy' } | { kind: 'cut' } | { kind: 'paste' }
  | { kind: 'undo' } | { kind: 'redo' }
  | { kind: 'zoom'; factor: number }
  | { kind: 'laneZoom'; delta: 1 | -1 }
  | { kind: 'playStop' }
  | { kind: 'velocity'; delta: number }

export interface KeyInput { key: string; shiftKey: boolean; ctrlKey: boolean; metaKey: boolean; altKey: boolean }

/** The command for a key press, in units of one grid step (`grid` ticks) and one semitone. */
export function commandFor(e: KeyInput, grid: number): Command | undefined {
  const mod = e.ctrlKey || e.metaKey
  const k = e.key.length === 1 ? e.key.toLowerCase() : e.key
  if (mod && k === 'z') return e.shiftKey ? { kind: 'redo' } : { kind: 'undo' }
  if (mod && k === 'y') return { kind: 'redo' }
  if (mod && k === 'c') return { kind: 'copy' }
  if (mod && k === 'x') return { kind: 'cut' }
  if (mod && k === 'v') return { kind: 'paste' }
  if (mod && k === 'a') return { kind: 'selectAll' }
  if (mod) return undefined
  const octave = e.shiftKey ? 12 : 1
  if (e.altKey) {
    // Alt + arrows act on the selected notes: move in time, transpose.
    switch (k) {
      case 'ArrowLeft': return { kind: 'move', dTicks: -grid, dPitch: 0 }
      case 'ArrowRight': return { kind: 'move', dTicks: grid, dPitch: 0 }
      case 'ArrowUp': return { kind: 'move', dTicks: 0, dPitch: octave }
      case 'ArrowDown': return { kind: 'move', dTicks: 0, dPitch: -octave }
      case '+': case '=': return { kind: 'laneZoom', delta: 1 }
      case '-': case '_': return { kind: 'laneZoom', delta: -1 }
      case 'PageUp': return { kind: 'moveToLane', delta: -1 }
      case 'PageDown': return { kind: 'moveToLane', delta: 1 }
    }
    return undefined
  }
  switch (k) {
    case 'ArrowLeft': return e.shiftKey ? { kind: 'resize', dTicks: -grid } : { kind: 'caret', dTicks: -grid, dPitch: 0 }
    case 'ArrowRight': return e.shiftKey ? { kind: 'resize', dTicks: grid } : { kind: 'caret', dTicks: grid, dPitch: 0 }
    case 'ArrowUp': return { kind: 'caret', dTicks: 0, dPitch: octave }
    case 'ArrowDown': return { kind: 'caret', dTicks: 0, dPitch: -octave }
    case 'PageUp': return { kind: 'lane', delta: -1 }
    case 'PageDown': return { kind: 'lane', delta: 1 }
    case 'Enter': return { kind: 'add' }
    case 'Delete': case 'Backspace': return { kind: 'delete' }
    case '.': return { kind: 'selectNext', direction: 1, extend: false }
    case ',': return { kind: 'selectNext', direction: -1, extend: false }
    case '>': return { kind: 'selectNext', direction: 1, extend: true }
    case '<': return { kind: 'selectNext', direction: -1, extend: true }
    case 'Escape': return { kind: 'deselect' }
    case '+': case '=': return { kind: 'zoom', factor: 1.25 }
    case '-': case '_': return { kind: 'zoom', factor: 0.8 }
    case ' ': return { kind: 'playStop' }
    case ']': return { kind: 'velocity', delta: 8 }
    case '[': return { kind: 'velocity', delta: -8 }
  }
  return undefined
}

/** The table shown in the studio's keyboard help. */
export const KEY_HELP: [string, string][] = [
  ['← → ↑ ↓', 'move the cursor by one grid step or semitone (Shift+↑↓: an octave)'],
  ['Page Up / Page Down', 'previous / next track lane'],
  ['Enter', 'add a note of the chosen note length at the cursor, and move the cursor past it'],
  [', and .', 'select the previous / next note (with Shift: add it to the selection)'],
  ['Alt + ← →', 'move the selected notes by one grid step'],
  ['Alt + Page Up / Page Down', 'move the selected notes to the previous / next track'],
  ['Alt + ↑ ↓', 'transpose the selected notes by a semitone (Alt+Shift: an octave)'],
  ['Shift + ← →', 'shorten / lengthen the selected notes by one grid step'],
  ['[ and ]', 'softer / louder (velocity) for the selected notes'],
  ['Delete', 'delete the selected notes'],
  ['Ctrl+A, Ctrl+C, Ctrl+X, Ctrl+V', 'select all in the lane, copy, cut, paste at the cursor'],
  ['Ctrl+Z, Ctrl+Shift+Z', 'undo / redo your own edits'],
  ['+ and −', 'zoom in / out (time)'],
  ['Alt + + and Alt + −', 'taller / shorter rows in the current track\'s lane only'],
  ['Space', 'play / stop'],
  ['Escape', 'clear the selection'],
  ['?', 'this table'],
]
