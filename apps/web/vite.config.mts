import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  plugins: [react()],
  resolve: {
    alias: [
      { find: '@rubricon/contracts', replacement: fileURLToPath(new URL('../../libs/contracts/src', import.meta.url)) },
      { find: '@rubricon/collab', replacement: fileURLToPath(new URL('../../libs/collab/src', import.meta.url)) },
      // y-monaco imports monaco's old deep entry (editor.api.js), which monaco-editor 0.56+ no longer
      // exports; this resolves it to the file itself.
      {
        find: /^monaco-editor\/esm\/vs\/(.*)$/,
        replacement: fileURLToPath(new URL('../../node_modules/monaco-editor/esm/vs/', import.meta.url)) + '$1',
      },
    ],
  },
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 4096,
    // Scanning Monaco's TypeScript worker (~7 MB) for worker URLs dominates the build time by
    // design; the timing report is noise, not something to fix.
    rolldownOptions: { checks: { bundlerTimings: false } },
  },
  // The editor's workers are ES modules (code-split), served from 'self' as the CSP requires.
  worker: { format: 'es' },
  server: { proxy: { '/api': 'http://localhost:3000', '/socket.io': { target: 'http://localhost:3000', ws: true } } },
});
