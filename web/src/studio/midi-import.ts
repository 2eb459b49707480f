// "Import MIDI…" in the studio: a Standard MIDI File's tracks added to the open project as new tracks.
// The server reads the file and writes the tracks in one edit of this user's (the ledger credits
// them); a refused file changes nothing and its reason is shown and spoken. The project keeps its own
// tempo, key and time signature; the file's are said, so that the user can take them if they wish.
import { ApiError, importMidiInto } from '../api'
import type { ProjectModel } from '../model/project'
import type { PianoRoll } from '../pianoroll/editor'
import { h } from '../ui/dom'

export function buildMidiImport(token: string, projectId: string, model: ProjectModel, roll: PianoRoll,
  tell: (text: string) => void): HTMLElement {
  const input = h('input', { type: 'file', id: 'import-into-file', accept: '.mid,.midi,audio/midi,audio/x-midi', hidden: true,
    'aria-label': 'MIDI file to import into this project' })
  const button = h('button', { type: 'button', class: 'link', id: 'import-midi', onclick: () => input.click() }, 'Import MIDI…')
  input.addEventListener('change', async () => {
    const file = input.files?.[0]
    input.value = ''
    if (!file) return
    tell(`Importing ${file.name}…`)
    try {
      const r = await importMidiInto(token, projectId, file)
      const first = r.tracks[0]?.id
      // The new tracks arrive through the document like anyone's edit; the first becomes the one written.
      const select = () => {
        if (!first || !model.read().tracks.some((t) => t.id === first)) return false
        roll.setActiveTrack(first)
        return true
      }
      if (!select()) {
        const stop = model.onChange(() => { if (select()) stop() })
      }
      tell(`Imported ${r.tracks.length} track${r.tracks.length === 1 ? '' : 's'} (${r.notes} notes) from ${file.name}: `
        + `${r.tracks.map((t) => t.name).join(', ')}. The file is in ${r.file.key}, ${r.file.timeSignature}, ${r.file.tempoBpm} bpm; `
        + 'the project keeps its own settings.')
    } catch (e) {
      tell(`Could not import ${file.name}: ${e instanceof ApiError ? e.message : String(e)}. Nothing was changed.`)
    }
  })
  const both = h('span', { class: 'midi-import' }, button, input)
  return both
}
