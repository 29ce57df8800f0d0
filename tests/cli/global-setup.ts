import { buildCli, cliBuildIsStale } from '../../scripts/cli-build.mjs';

/**
 * vitest globalSetup of the `unit` project: the tests that start `bin/zone-returns.mjs` run the
 * CLI's bundle (out/cli/), so it is built here once, before any test, when it is missing or
 * older than its sources — not by the first of several test files starting the command at once.
 */
export default function setup(): void {
  if (cliBuildIsStale()) buildCli({ quiet: true });
}
