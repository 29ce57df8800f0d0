import type { TestProject } from 'vitest/node';
import { serveStatic } from '../../scripts/serve-static.mjs';
import { buildWeb, cspHeaderOfBuild, distWeb } from '../../scripts/web-build.mjs';
import { chromiumProblem } from './chromium';

declare module 'vitest' {
  export interface ProvidedContext {
    /** http://127.0.0.1:PORT/ serving dist-web/ for this test run. */
    webUrl: string;
    /** Why Chromium cannot run, or null; every e2e test fails with this message when set. */
    chromiumProblem: string | null;
  }
}

/**
 * vitest globalSetup of the `e2e` project: builds the web renderer once per run (always fresh,
 * so the tests see the current code) and serves dist-web/ on a free loopback port.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  await buildWeb({ quiet: true });
  const csp = cspHeaderOfBuild();
  const served = await serveStatic({ root: distWeb, port: 0, headers: csp ? { 'Content-Security-Policy': csp } : {} });
  project.provide('webUrl', served.url);
  project.provide('chromiumProblem', chromiumProblem());
  return () => served.close();
}
