// An accepted AI suggestion as one undo step of the person who accepted it. The server writes the
// accepted notes into the tracks (as the AI, accepted by this user: the ledger records it so), and
// the change reaches this browser as a remote update, which a Y.UndoManager ignores. So the studio
// says beforehand which suggestion it is accepting; when the update that removes that suggestion
// from the `suggestions` map arrives, its transaction is handed to the undo manager under an origin
// it tracks, for that one transaction only. Undo then takes the accepted notes out and puts back
// what they replaced, as this user's edit (the ledger credits the restored notes to their first
// authors and names who restored them); redo accepts again.
import * as Y from 'yjs'
import { SUGGESTIONS_KEY } from '../generation/suggestions'

/** The origin an accepted suggestion's transaction carries while the undo manager sees it. */
export const ACCEPTED_HERE = { name: 'accepted-here' }

export class AcceptUndo {
  private readonly expected = new Set<string>()
  private readonly marked = new Map<Y.Transaction, unknown>()
  private readonly suggestions: Y.Map<unknown>

  constructor(private readonly doc: Y.Doc, private readonly undo: Y.UndoManager) {
    this.suggestions = doc.getMap(SUGGESTIONS_KEY)
    undo.addTrackedOrigin(ACCEPTED_HERE)
    // Marked before the observers run, unmarked after the undo manager's afterTransaction handler and
    // before the 'update' event (so the provider still sees its own origin and does not send it back).
    doc.on('beforeObserverCalls', this.mark)
    doc.on('afterTransactionCleanup', this.unmark)
  }

  /** This user is about to accept suggestion `id`: its arrival becomes an undo step of theirs. */
  expect(id: string): void {
    this.undo.stopCapturing() // not merged with an edit made just before
    this.expected.add(id)
  }

  /** The accept was refused: nothing will arrive. */
  forget(id: string): void {
    this.expected.delete(id)
  }

  private readonly mark = (tr: Y.Transaction): void => {
    if (tr.local || this.expected.size === 0) return
    const keys = tr.changed.get(this.suggestions as never)
    if (!keys) return
    for (const id of this.expected) {
      if (keys.has(id) && !this.suggestions.has(id)) {
        this.expected.delete(id)
        this.marked.set(tr, tr.origin)
        tr.origin = ACCEPTED_HERE
        return
      }
    }
  }

  private readonly unmark = (tr: Y.Transaction): void => {
    if (!this.marked.has(tr)) return
    tr.origin = this.marked.get(tr)
    this.marked.delete(tr)
    this.undo.stopCapturing() // the next edit is a step of its own
  }

  dispose(): void {
    this.doc.off('beforeObserverCalls', this.mark)
    this.doc.off('afterTransactionCleanup', this.unmark)
  }
}
