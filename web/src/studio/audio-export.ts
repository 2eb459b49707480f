// "Export audio": the server renders the mix (volume, pan, mute and solo as they are now) to a WAV
// named after the project's title. A render takes a while (about a third of the music's length), so
// the button gives way to a progress bar with the share done until the file downloads; the result is
// said in the studio's notice line (and the live region).
import { ApiError, audio, download, fileNameOf } from '../api'
import { announce, h } from '../ui/dom'

const POLL_MS = 400

export function buildAudioExport(token: string, projectId: string, title: () => string, live: HTMLElement,
  notify: (text: string) => void): { button: HTMLButtonElement; status: HTMLElement } {
  const bar = h('progress', { id: 'audio-progress', max: 100, value: 0, 'aria-label': 'Audio export' }) as HTMLProgressElement
  const text = h('span', { id: 'audio-status' })
  const status = h('span', { class: 'audio-export', hidden: true, title: 'Rendering the audio' }, bar, text)
  const button = h('button', { type: 'button', class: 'link', id: 'export-audio', onclick: () => void run() }, 'Audio (WAV)')
  const show = (percent: number, words: string) => {
    bar.value = percent
    text.textContent = words
  }
  const run = async () => {
    const name = fileNameOf(title(), 'wav')
    button.hidden = true
    status.hidden = false
    show(0, '0 %')
    announce(live, 'Rendering the audio')
    try {
      let job = await audio.start(token, projectId)
      while (job.state === 'rendering') {
        show(Math.round(job.progress * 100), `${Math.round(job.progress * 100)} %`)
        await new Promise((r) => setTimeout(r, POLL_MS))
        job = await audio.status(token, projectId, job.id)
      }
      if (job.state === 'failed') throw new ApiError(500, job.error ?? 'the audio could not be rendered')
      show(100, '100 %')
      await download(token, audio.filePath(projectId, job.id), name)
      notify(`Exported ${name} (${formatLength(job.seconds)}).`)
    } catch (e) {
      notify(`Audio export failed: ${e instanceof ApiError ? e.message : String(e)}`)
    } finally {
      status.hidden = true
      button.hidden = false
    }
  }
  return { button, status }
}

function formatLength(seconds: number): string {
  const s = Math.round(seconds)
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`
}
