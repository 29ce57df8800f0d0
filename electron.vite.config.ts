import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { rendererCsp } from './src-main/window/csp';

const root = import.meta.dirname;

/**
 * `electron-vite dev` only: React Refresh injects an inline preamble and HMR talks over a
 * websocket, which the production CSP forbids. The built app keeps the strict meta tag.
 */
function devCspPlugin(): Plugin {
  return {
    name: 'zone-returns:dev-csp',
    apply: 'serve',
    transformIndexHtml(html) {
      const devPolicy = rendererCsp('meta', { dev: { origin: 'http://localhost:*' } });
      return html.replace(/(<meta\s+http-equiv="Content-Security-Policy"\s+content=")[^"]*(")/, `$1${devPolicy}$2`);
    },
  };
}

/** `define` of the main process: the dev server is trusted only by a main built for `electron-vite dev`. */
export function mainDefines(command: 'build' | 'serve'): Record<string, string> {
  return { __ZR_DEV_SERVER__: JSON.stringify(command === 'serve') };
}

export default defineConfig(({ command }) => ({
  main: {
    define: mainDefines(command),
    build: {
      rolldownOptions: { input: { index: resolve(root, 'src-main/index.ts') } },
    },
  },
  preload: {
    build: {
      // A sandboxed preload cannot be an ES module and may require only 'electron': one CJS file.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(root, 'src-main/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
      },
    },
  },
  renderer: {
    root: resolve(root, 'src-renderer'),
    plugins: [react(), devCspPlugin()],
    worker: { format: 'es' },
    build: {
      target: 'es2022',
      chunkSizeWarningLimit: 4096,
      rolldownOptions: { input: { index: resolve(root, 'src-renderer/index.html') } },
    },
  },
}));
