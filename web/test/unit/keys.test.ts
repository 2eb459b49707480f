import { describe, expect, it } from 'vitest'
import { commandFor } from '../../src/pianoroll/keys'

const key = (k: string, mods: Partial<{ shiftKey: boolean; ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) =>
  commandFor({ key: k, shiftKey: false, ctrlKey: false, metaKey: false, altKey: false, ...mods }, 120)

describe('piano roll keys', () => {
  it('moves the cursor by grid steps and semitones', () => {
    expect(key('ArrowRight')).toEqual({ kind: 'caret', dTicks: 120, dPitch: 0 })
    expect(key('ArrowUp', { shiftKey: true })).toEqual({ kind: 'caret', dTicks: 0, dPitch: 12 })
  })
  it('edits the selection with Alt and Shift', () => {
    expect(key('ArrowLeft', { altKey: true })).toEqual({ kind: 'move', dTicks: -120, dPitch: 0 })
    expect(key('ArrowDown', { altKey: true, shiftKey: true })).toEqual({ kind: 'move', dTicks: 0, dPitch: -12 })
    expect(key('ArrowRight', { shiftKey: true })).toEqual({ kind: 'resize', dTicks: 120 })
  })
  it('moves notes between tracks and zooms one lane with Alt', () => {
    expect(key('PageDown', { altKey: true })).toEqual({ kind: 'moveToLane', delta: 1 })
    expect(key('PageUp', { altKey: true })).toEqual({ kind: 'moveToLane', delta: -1 })
    expect(key('PageDown')).toEqual({ kind: 'lane', delta: 1 })
    expect(key('=', { altKey: true })).toEqual({ kind: 'laneZoom', delta: 1 })
    expect(key('-', { altKey: true })).toEqual({ kind: 'laneZoom', delta: -1 })
    expect(key('-')).toEqual({ kind: 'zoom', factor: 0.8 })
  })
  it('maps Enter, Delete, clipboard and undo', () => {
    expect(key('Enter')).toEqual({ kind: 'add' })
    expect(key('Backspace')).toEqual({ kind: 'delete' })
    expect(key('c', { ctrlKey: true })).toEqual({ kind: 'copy' })
    expect(key('V', { metaKey: true })).toEqual({ kind: 'paste' })
    expect(key('z', { ctrlKey: true })).toEqual({ kind: 'undo' })
    expect(key('Z', { ctrlKey: true, shiftKey: true })).toEqual({ kind: 'redo' })
    expect(key('.')).toEqual({ kind: 'selectNext', direction: 1, extend: false })
    expect(key('<', { shiftKey: true })).toEqual({ kind: 'selectNext', direction: -1, extend: true })
  })
  it('leaves other keys (Tab among them) to the browser', () => {
    expect(key('Tab')).toBeUndefined()
    expect(key('q')).toBeUndefined()
    expect(key('r', { ctrlKey: true })).toBeUndefined()
  })
})
