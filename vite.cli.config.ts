import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const root = import.meta.dirname;

// The command line `zone-returns` as plain JavaScript for Node (Vite's SSR build): the CLI, the
// ledger worker it starts, and the server's verify worker, each an entry of its own in out/cli/.
// The packages of package.json stay imports from node_modules; only the project's own
// TypeScript is bundled. Every file is written flat into out/cli/, so a chunk finds a worker
// beside itself (`new URL('./ledger-worker.mjs', import.meta.url)`).
export default defineConfig({
  // The CLI is never a dev server; the main process's build flag as a built app has it.
  define: { __ZR_DEV_SERVER__: 'false' },
  logLevel: 'warn',
  // Large seed files as JSON.parse('…'): parsed faster at start-up than object literals.
  json: { stringify: true },
  build: {
    ssr: true,
    target: 'node20',
    outDir: resolve(root, 'out', 'cli'),
    emptyOutDir: true,
    sourcemap: true,
    minify: false,
    reportCompressedSize: false,
    rolldownOptions: {
      input: {
        main: resolve(root, 'src-main/cli/main.ts'),
        'ledger-worker': resolve(root, 'src-main/excel/ledger-worker.ts'),
        'verify-worker': resolve(root, 'src-server/services/verify-worker.ts'),
      },
      output: {
        format: 'es',
        entryFileNames: '[name].mjs',
        chunkFileNames: 'chunk-[name]-[hash].mjs',
      },
    },
  },
});
