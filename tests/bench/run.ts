/**
 * `npm run bench`: runs every `tests/bench/*.bench.ts` in a process of its own (so one suite's
 * memory does not colour another's), or only those whose name contains an argument.
 * Each suite prints its own figures, as ratios against a baseline it measures in the same run.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const dir = import.meta.dirname;
const filters = process.argv.slice(2);
const suites = readdirSync(dir)
  .filter((name) => name.endsWith('.bench.ts'))
  .filter((name) => filters.length === 0 || filters.some((f) => name.includes(f)))
  .sort();

let failed = 0;
for (const suite of suites) {
  console.log(`\n=== ${suite}`);
  const result = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=8192', '--import', 'tsx', join(dir, suite)], { stdio: 'inherit' });
  if (result.status !== 0) {
    failed += 1;
    console.log(`!!! ${suite} exited with ${result.status ?? result.signal}`);
  }
}
console.log(`\n${suites.length - failed} of ${suites.length} benchmark suites completed`);
process.exitCode = failed === 0 ? 0 : 1;
