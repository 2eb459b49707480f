// The studio's service worker: keeps the page itself (index.html and its hashed scripts and styles)
// so that the studio opens while the server is down, with the project from the browser's local copy.
// Network first: a running server always serves the current build; the cache is only the fallback.
// The API, the sync socket and the SoundFont are never cached here.
const CACHE = 'ensemble-shell-v1'

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE)
    const page = await fetch('./', { cache: 'no-store' })
    if (!page.ok) return
    await cache.put('./', page.clone())
    // The build's index.html names its assets (./assets/index-<hash>.js and .css): keep them too.
    const html = await page.text()
    const assets = [...html.matchAll(/(?:src|href)="(\.?\/?assets\/[^"]+)"/g)].map((m) => m[1])
    await cache.addAll(assets)
    await self.skipWaiting()
  })())
})

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) if (name !== CACHE) await caches.delete(name)
    await self.clients.claim()
  })())
})

self.addEventListener('fetch', (event) => {
  const req = event.request
  const url = new URL(req.url)
  if (req.method !== 'GET' || url.origin !== self.location.origin) return
  if (url.pathname.startsWith('/api/') || url.pathname.startsWith('/sync') || url.pathname === '/health') return
  // The SoundFont (6 MB) is not the page: the browser's HTTP cache keeps it (the server lets it keep it a
  // day), and copying it into this cache on the first sound cost the page a busy second.
  if (url.pathname.startsWith('/sounds/')) return
  event.respondWith((async () => {
    const key = req.mode === 'navigate' ? './' : req
    try {
      const res = await fetch(req)
      // Kept in the background: the page does not wait for the cache.
      if (res.ok) {
        const copy = res.clone() // now, before the page reads the body
        event.waitUntil(caches.open(CACHE).then((cache) => cache.put(key, copy)))
      }
      return res
    } catch (err) {
      const hit = await caches.match(key, { cacheName: CACHE, ignoreSearch: req.mode === 'navigate' })
      if (hit) return hit
      throw err
    }
  })())
})
