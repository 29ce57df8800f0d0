import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { serveStatic } from '../../scripts/serve-static.mjs';
import { buildWeb, cspHeaderOfBuild, repoRoot } from '../../scripts/web-build.mjs';
import { chromiumProblem } from './chromium';

declare module 'vitest' {
  export interface ProvidedContext {
    /** http://127.0.0.1:PORT/ serving this test run's web build. */
    webUrl: string;
    /** Why Chromium cannot run, or null; every e2e test fails with this message when set. */
    chromiumProblem: string | null;
  }
}

/**
 * vitest globalSetup of the `e2e` project: builds the web renderer once per run (always fresh,
 * so the tests see the current code) into a directory of this run's own under tests/.tmp/ (two
 * runs at once would otherwise overwrite each other's pages), and serves it on a free loopback
 * port. The directory is removed when the run ends.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const tmp = join(repoRoot, 'tests', '.tmp');
  mkdirSync(tmp, { recursive: true });
  const outDir = mkdtempSync(join(tmp, 'web-build-'));
  await buildWeb({ quiet: true, outDir });
  const csp = cspHeaderOfBuild(outDir);
  const served = await serveStatic({ root: outDir, port: 0, headers: csp ? { 'Content-Security-Policy': csp } : {} });
  project.provide('webUrl', served.url);
  project.provide('chromiumProblem', chromiumProblem());
  return async () => {
    await served.close();
    rmSync(outDir, { recursive: true, force: true });
  };
}
