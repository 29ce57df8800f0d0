import { defineConfig } from 'vitest/config';

// Two projects, both run by plain `vitest run`: `unit` (everything beside the code, plus the
// architecture and Electron smoke tests) and `e2e` (Chromium against the web build, which the
// e2e globalSetup builds and serves once per run).
export default defineConfig({
  // Main's build-time flag as a built app has it (electron.vite.config.ts writes it in).
  define: { __ZR_DEV_SERVER__: 'false' },
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          // Builds the CLI's bundle (out/cli/) once when stale: the tests that start bin/zone-returns.mjs run it.
          globalSetup: ['tests/cli/global-setup.ts'],
          include: ['src-shared/**/*.test.ts', 'src-main/**/*.test.ts', 'src-server/**/*.test.ts', 'src-renderer/**/*.test.{ts,tsx}', 'tests/**/*.test.ts'],
          exclude: ['tests/e2e/**', '**/node_modules/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.e2e.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          // Each file drives its own Chromium; two cores are shared, so run the files one at a time.
          fileParallelism: false,
          testTimeout: 90_000,
        },
      },
    ],
  },
});
