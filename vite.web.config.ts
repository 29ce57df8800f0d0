import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The web build: the same renderer as the Electron app, with the browser bridge in place of the
// preload. Served over http by scripts/web.mjs and driven by the end-to-end tests.
export default defineConfig({
  root: resolve(import.meta.dirname, 'src-renderer'),
  // Relative asset URLs: the build works wherever it is served from.
  base: './',
  plugins: [react()],
  worker: { format: 'es' },
  build: {
    outDir: resolve(import.meta.dirname, 'dist-web'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 4096,
  },
});
