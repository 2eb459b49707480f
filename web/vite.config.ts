import { defineConfig } from 'vitest/config'

// The server serves dist/ from its own origin; `npm run dev` proxies the API and the sync socket to a
// local server on :8080 so that the page can be developed with hot reload.
export default defineConfig({
  base: './',
  build: { target: 'es2022', outDir: 'dist', emptyOutDir: true, sourcemap: false, reportCompressedSize: true },
  server: {
    proxy: {
      '/api': 'http://localhost:8080',
      '/sounds': 'http://localhost:8080',
      '/sync': { target: 'ws://localhost:8080', ws: true },
    },
  },
  test: { include: ['test/unit/**/*.test.ts'], environment: 'node' },
})
