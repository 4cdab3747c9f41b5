// Vite builds the app into web/dist: index.html plus hashed files under assets/, which the server
// (src/http/plugins/web.ts) serves with a year of cache. No plugin: Vite compiles TSX with React's
// automatic runtime itself; `npm run dev -w web` proxies /v1 to a local server on :3000.
import { defineConfig } from 'vite'

export default defineConfig({
  build: {
    outDir: 'dist',
    assetsDir: 'assets',
    // The server's page CSP allows scripts and styles from this origin only: never inline anything.
    assetsInlineLimit: 0,
    sourcemap: false,
    target: 'es2022',
    rollupOptions: {
      // TanStack Query marks its modules "use client" for server components; a browser bundle has none.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning)
      },
    },
  },
  server: { proxy: { '/v1': 'http://127.0.0.1:3000' } },
})
