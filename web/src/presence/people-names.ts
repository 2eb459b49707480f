// The names people go by, for the user ids that records carry (the ledger says who requested and who
// accepted an AI suggestion by id: "alice"). Learned from what the studio already knows: the signed-in
// user, the project's owner and members, the ledger's own credits and the people present. One studio
// is open at a time, so one table serves the page.
const names = new Map<string, string>()

/** Remembers that `id` goes by `name` (the latest name wins: people rename themselves). */
export function learnName(id: string | undefined, name: string | undefined): void {
  if (id && name && id !== 'ai') names.set(id, name)
}

/** The name `id` goes by, or the id itself when nobody has said. */
export function displayName(id: string): string {
  return names.get(id) ?? id
}

export function forgetNames(): void {
  names.clear()
}
