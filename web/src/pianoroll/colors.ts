// Colours for tracks and collaborators. Colour is never the only cue: lanes carry their names, and
// collaborators' marks carry their names too.

const TRACK_COLORS = ['#3a7bd5', '#d5563a', '#2e9e6a', '#9b59b6', '#d4a017', '#1abc9c', '#c0392b', '#7f8c8d']

export function trackColor(index: number): string {
  return TRACK_COLORS[index % TRACK_COLORS.length]
}

const USER_COLORS = ['#e6194b', '#3cb44b', '#4363d8', '#f58231', '#911eb4', '#008080', '#9a6324', '#800000']

/** A stable colour for a user id, so that a person keeps their colour across sessions. */
export function userColor(userId: string): string {
  let h = 0
  for (const c of userId) h = (h * 31 + c.charCodeAt(0)) >>> 0
  return USER_COLORS[h % USER_COLORS.length]
}
