// The assignments API (docs/api.md, "Assignments"; docs/assignments.md).
import { call, type User } from '../api'

export type AiPolicy = 'off' | 'hints' | 'on'
export interface Copy { student: User; projectId: string; submittedAt: string | null; aiRequests: number }
export interface Assignment {
  id: string; teacher: User; sourceProjectId: string; title: string; instructions: string
  aiPolicy: AiPolicy; aiHintLimit: number; rules: string[]; createdAt: string; copies: Copy[]
}
export interface OverviewRow {
  student: User; projectId: string; submitted: boolean; submittedAt: string | null
  notes: { student: number; ai: number; given: number }; share: { human: number | null; ai: number | null }
  aiRequests: number; aiSuggestions: number; partWriting: { findings: number; counts: Record<string, number> }
}

const p = (id: string) => `/api/projects/${encodeURIComponent(id)}`

export const assignments = {
  handOut: (token: string, projectId: string, body: { students: User[]; title?: string; instructions: string; aiPolicy: AiPolicy; aiHintLimit?: number; rules?: string[] }) =>
    call<Assignment>('POST', `${p(projectId)}/assignments`, token, body),
  mine: (token: string) => call<{ assignments: Assignment[] }>('GET', '/api/assignments', token).then((r) => r.assignments),
  overview: (token: string, id: string) =>
    call<{ assignment: Assignment; students: OverviewRow[] }>('GET', `/api/assignments/${encodeURIComponent(id)}/overview`, token),
  ofCopy: (token: string, projectId: string) => call<Assignment>('GET', `${p(projectId)}/assignment`, token),
  submit: (token: string, projectId: string) => call<Assignment>('POST', `${p(projectId)}/submit`, token, {}),
}

export function describePolicy(a: Pick<Assignment, 'aiPolicy' | 'aiHintLimit'>): string {
  return a.aiPolicy === 'off' ? 'AI co-writer off' : a.aiPolicy === 'hints'
    ? `AI hints only: one voice at a time, ${a.aiHintLimit} requests` : 'AI co-writer on'
}

/** A teacher's saved list of students (docs/assignments.md, "Classes"). */
export interface SchoolClass { id: string; teacher: User; name: string; students: User[]; createdAt: string }

const c = (id: string) => `/api/classes/${encodeURIComponent(id)}`

export const classes = {
  mine: (token: string) => call<{ classes: SchoolClass[] }>('GET', '/api/classes', token).then((r) => r.classes),
  create: (token: string, name: string, students: User[]) => call<SchoolClass>('POST', '/api/classes', token, { name, students }),
  rename: (token: string, id: string, name: string) => call<SchoolClass>('PATCH', c(id), token, { name }),
  add: (token: string, id: string, students: User[]) => call<SchoolClass>('POST', `${c(id)}/students`, token, { students }),
  remove: (token: string, id: string, studentId: string) =>
    call<SchoolClass>('DELETE', `${c(id)}/students/${encodeURIComponent(studentId)}`, token),
  delete: (token: string, id: string) => call<void>('DELETE', c(id), token),
}
