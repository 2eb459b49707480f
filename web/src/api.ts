// The server's REST API (docs/api.md). Errors come back as {error, status}; they are thrown as ApiError
// with the server's reason, which the pages show as is.

export interface User { id: string; name: string }
export type Role = 'owner' | 'editor' | 'viewer'
export interface ProjectRecord { id: string; title: string; owner: User; createdAt: string; role: Role; changedAt?: string }
export interface Member extends User { role: Role }

export class ApiError extends Error {
  constructor(readonly status: number, message: string) {
    super(message)
  }
}

/** One JSON call to the server's API; a refusal becomes an ApiError with the server's reason. */
export async function call<T>(method: string, path: string, token: string | undefined, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {}
  if (token) headers.authorization = `Bearer ${token}`
  if (body !== undefined) headers['content-type'] = 'application/json'
  let res: Response
  try {
    res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) })
  } catch {
    throw new ApiError(0, 'the server cannot be reached')
  }
  if (res.status === 204) return undefined as T
  const json = await res.json().catch(() => ({}))
  if (!res.ok) throw new ApiError(res.status, json.error ?? `${res.status} ${res.statusText}`)
  return json as T
}

export const api = {
  devToken: (name: string) => call<{ token: string; user: User }>('POST', '/api/dev/token', undefined, { name }),
  me: (token: string) => call<User>('GET', '/api/me', token),
  projects: (token: string) => call<{ projects: ProjectRecord[] }>('GET', '/api/projects', token).then((r) => r.projects),
  createProject: (token: string, title: string, template: 'empty' | 'four-part-chorale', key: string) =>
    call<ProjectRecord>('POST', '/api/projects', token, { title, template, key }),
  project: (token: string, id: string) => call<ProjectRecord>('GET', `/api/projects/${encodeURIComponent(id)}`, token),
  deleteProject: (token: string, id: string) => call<void>('DELETE', `/api/projects/${encodeURIComponent(id)}`, token),
  renameProject: (token: string, id: string, title: string) =>
    call<ProjectRecord>('PATCH', `/api/projects/${encodeURIComponent(id)}`, token, { title }),
  duplicateProject: (token: string, id: string) =>
    call<ProjectRecord>('POST', `/api/projects/${encodeURIComponent(id)}/duplicate`, token, {}),
  members: (token: string, id: string) =>
    call<{ members: Member[] }>('GET', `/api/projects/${encodeURIComponent(id)}/members`, token).then((r) => r.members),
  putMember: (token: string, id: string, userId: string, role: 'editor' | 'viewer', name: string) =>
    call<unknown>('PUT', `/api/projects/${encodeURIComponent(id)}/members/${encodeURIComponent(userId)}`, token, { role, name }),
  removeMember: (token: string, id: string, userId: string) =>
    call<void>('DELETE', `/api/projects/${encodeURIComponent(id)}/members/${encodeURIComponent(userId)}`, token),
}

/**
 * Downloads a file of the API as `fileName`, the token in the Authorization header: a link with the
 * token in its URL would put it in the browser's history, the download list and server logs.
 */
export async function download(token: string, path: string, fileName: string): Promise<void> {
  let res: Response
  try {
    res = await fetch(path, { headers: { authorization: `Bearer ${token}` } })
  } catch {
    throw new ApiError(0, 'the server cannot be reached')
  }
  if (!res.ok) throw new ApiError(res.status, (await res.json().catch(() => ({}))).error ?? `${res.status} ${res.statusText}`)
  const url = URL.createObjectURL(await res.blob())
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  document.body.append(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/** A file name from a project's title: its words, without characters file systems refuse. */
export function fileNameOf(title: string, extension: string): string {
  const base = title.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 120) || 'Untitled'
  return `${base}.${extension}`
}

export interface InviteLink { code: string; role: 'editor' | 'viewer'; link: string; state: 'active' | 'revoked'; createdAt: string }

export const invites = {
  list: (token: string, id: string) =>
    call<{ invites: InviteLink[] }>('GET', `/api/projects/${encodeURIComponent(id)}/invites`, token).then((r) => r.invites),
  create: (token: string, id: string, role: 'editor' | 'viewer') =>
    call<InviteLink>('POST', `/api/projects/${encodeURIComponent(id)}/invites`, token, { role }),
  revoke: (token: string, id: string, code: string) =>
    call<void>('DELETE', `/api/projects/${encodeURIComponent(id)}/invites/${encodeURIComponent(code)}`, token),
  join: (token: string, id: string, code: string) =>
    call<{ projectId: string; title: string; role: string }>('POST',
      `/api/projects/${encodeURIComponent(id)}/invites/${encodeURIComponent(code)}/join`, token),
}

export interface Imported extends ProjectRecord {
  imported: { tracks: number; notes: number; tempoBpm: number; key: string; timeSignature: string; roles: string[] }
}

/**
 * Sends a MIDI file, or an uncompressed MusicXML score (`musicXml`), to become a new project; a refused
 * file comes back as an ApiError with the reason.
 */
export async function importMidi(token: string, file: Blob, title: string, musicXml = false): Promise<Imported> {
  let res: Response
  try {
    res = await fetch(`/api/projects/import${musicXml ? '.musicxml' : ''}?title=${encodeURIComponent(title)}`, {
      method: 'POST', headers: { authorization: `Bearer ${token}`,
        'content-type': musicXml ? 'application/vnd.recordare.musicxml+xml' : 'audio/midi' }, body: file })
  } catch {
    throw new ApiError(0, 'the server cannot be reached')
  }
  const json = await res.json().catch(() => ({}))
  if (!res.ok) throw new ApiError(res.status, json.error ?? `${res.status} ${res.statusText}`)
  return json as Imported
}

export interface ImportedInto { tracks: { id: string; name: string; role: string; notes: number }[]; notes: number;
  file: { tempoBpm: number; key: string; timeSignature: string } }

/** Sends a MIDI file whose tracks the server adds to an open project (one edit of the caller's); refusals carry the reason. */
export async function importMidiInto(token: string, projectId: string, file: Blob): Promise<ImportedInto> {
  let res: Response
  try {
    res = await fetch(`/api/projects/${encodeURIComponent(projectId)}/import`, {
      method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'audio/midi' }, body: file })
  } catch {
    throw new ApiError(0, 'the server cannot be reached')
  }
  const json = await res.json().catch(() => ({}))
  if (!res.ok) throw new ApiError(res.status, json.error ?? `${res.status} ${res.statusText}`)
  return json as ImportedInto
}

export const midiPath = (id: string) => `/api/projects/${encodeURIComponent(id)}/export.mid`
export const musicXmlPath = (id: string) => `/api/projects/${encodeURIComponent(id)}/export.musicxml`

/** The user id the server derives from a development name (lower case, spaces as dashes). */
export function userIdOf(name: string): string {
  return name.trim().toLowerCase().replace(/\s+/g, '-').replace(/[^\p{L}\p{N}._-]/gu, '')
}

/** An audio export on the server: its state and the share rendered (0 to 1). */
export interface AudioRender { id: string; state: 'rendering' | 'done' | 'failed'; progress: number; seconds: number; error?: string }

export const audioPath = (id: string) => `/api/projects/${encodeURIComponent(id)}/export.wav`
export const audio = {
  start: (token: string, id: string) => call<AudioRender>('POST', audioPath(id), token),
  status: (token: string, id: string, render: string) => call<AudioRender>('GET', `${audioPath(id)}/${encodeURIComponent(render)}`, token),
  filePath: (id: string, render: string) => `${audioPath(id)}/${encodeURIComponent(render)}/file`,
}
