// A tiny helper for building DOM nodes without a framework.

type Attrs = Record<string, string | number | boolean | EventListener | undefined>

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {},
  ...children: (Node | string | undefined | false)[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag)
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v as EventListener)
    else if (v === true) el.setAttribute(k, '')
    else el.setAttribute(k, String(v))
  }
  for (const c of children) if (c !== undefined && c !== false) el.append(c)
  return el
}

/** Announces a message to screen readers through a polite live region. */
export function announce(region: HTMLElement, message: string): void {
  // Re-setting the same text is not announced again; clear first, then set on the next frame.
  region.textContent = ''
  requestAnimationFrame(() => { region.textContent = message })
}

export function prefersReducedMotion(): boolean {
  return window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false
}
