// Names the author of a note as well as the studio can on its own: the Yjs client that created the
// note, named by the awareness states seen in this session. The authorship ledger (a later issue)
// replaces this with the server's record, which also knows authors who are no longer connected.
import type { Awareness } from 'y-protocols/awareness'
import type { ProjectModel } from '../model/project'
import type { AuthorLookup } from '../pianoroll/describe'

export class SessionAuthors implements AuthorLookup {
  private names = new Map<number, string>()

  constructor(private readonly model: ProjectModel, awareness: Awareness) {
    const learn = () => awareness.getStates().forEach((s, client) => {
      const name = (s as { user?: { name?: unknown } }).user?.name
      if (typeof name === 'string') this.names.set(client, client === awareness.clientID ? 'you' : name)
    })
    learn()
    awareness.on('change', learn)
  }

  authorOf(noteId: string): string | undefined {
    const client = this.model.creatorClient(noteId)
    return client === undefined ? undefined : this.names.get(client)
  }
}
