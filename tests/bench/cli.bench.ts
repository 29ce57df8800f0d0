/**
 * Command line start-up benchmark (`npm run bench cli`): `zone-returns check <return.json>` as a
 * clerk runs it — bin/zone-returns.mjs starting the bundle in out/cli/ (built first when stale,
 * not counted), checking a shipped example and printing its JSON — against `node -e 0`, Node
 * starting and doing nothing. Each run is a whole process, timed from spawn to exit; the two
 * sides alternate, 11 pairs after one warm-up of each; min and median of each side and of the
 * ratio pair by pair. Goal: ≤ 2× `node -e 0`.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildCli, cliBuildIsStale } from '../../scripts/cli-build.mjs';

const PAIRS = Math.max(5, Number(process.env.CLI_BENCH_PAIRS ?? 11));
const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'bin', 'zone-returns.mjs');
const example = join(root, 'seeds', 'examples', 'jincheng-kfq-2024-q1.json');

function timed(args: string[]): number {
  const t = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

function stats(values: number[]): { min: number; median: number } {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return { min: s[0] ?? NaN, median: s.length % 2 ? (s[mid] ?? NaN) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2 };
}

if (cliBuildIsStale()) buildCli({ quiet: true });
const check = [bin, 'check', example];
const bare = ['-e', '0'];
timed(check);
timed(bare);
const ours: number[] = [];
const base: number[] = [];
for (let i = 0; i < PAIRS; i++) {
  base.push(timed(bare));
  ours.push(timed(check));
}
const o = stats(ours);
const b = stats(base);
const ratio = stats(ours.map((ms, i) => ms / (base[i] ?? NaN)));
console.log(`cli: ${PAIRS} interleaved pairs, each a whole process (spawn to exit)`);
console.log(`  zone-returns check (bundle)   min ${o.min.toFixed(0)} ms, median ${o.median.toFixed(0)} ms`);
console.log(`  node -e 0                     min ${b.min.toFixed(0)} ms, median ${b.median.toFixed(0)} ms`);
console.log(`  ratio                         min ${ratio.min.toFixed(2)}×, median ${ratio.median.toFixed(2)}× (goal ≤ 2×: ${ratio.median <= 2 ? 'met' : 'NOT met'})`);
