import { defineConfig } from 'vite'

// Preact's automatic JSX runtime; the gateway serves dist/ at `/` (gateway/src/dashboard).
export default defineConfig({
  root: import.meta.dirname,
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: { outDir: 'dist', emptyOutDir: true, assetsInlineLimit: 0, chunkSizeWarningLimit: 600 },
  server: { proxy: { '/live': { target: 'ws://127.0.0.1:8080', ws: true }, '^/(?!src|@|node_modules).*': 'http://127.0.0.1:8080' } },
})
