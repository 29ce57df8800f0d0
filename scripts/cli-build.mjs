// The command line's bundle (out/cli/, vite.cli.config.ts): when it is stale and how it is built.
// Used by bin/zone-returns.mjs (which builds it on first run from a checkout), the unit tests'
// globalSetup and `npm run build:cli`.
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
export const cliOut = join(repoRoot, 'out', 'cli');
/** The entry bin/zone-returns.mjs imports. */
export const cliEntry = join(cliOut, 'main.mjs');

const TEST_FILE = /\.test\.tsx?$/;
const SOURCES = ['src-main', 'src-shared', 'src-server', 'seeds', 'vite.cli.config.ts', 'package.json'];

/** @returns {string[]} every source path of the bundle (folders and files) */
function sourcePaths() {
  return SOURCES.flatMap((source) => {
    const path = join(repoRoot, source);
    let info;
    try {
      info = statSync(path);
    } catch {
      return [];
    }
    if (!info.isDirectory()) return [path];
    // Tests are never bundled: their files are not asked about.
    const names = readdirSync(path, { recursive: true }).map(String).filter((name) => !TEST_FILE.test(name));
    return [path, ...names.map((name) => join(path, name))];
  });
}

/** True when the project's sources are here (a checkout, not an installed copy that has only out/). */
export function hasSources() {
  return existsSync(join(repoRoot, 'vite.cli.config.ts')) && existsSync(join(repoRoot, 'node_modules', 'vite'));
}

/** True when out/cli/ is missing or older than any of its sources. */
export function cliBuildIsStale() {
  if (!existsSync(cliEntry)) return true;
  const builtAt = statSync(cliEntry).mtimeMs;
  return sourcePaths().some((path) => statSync(path, { throwIfNoEntry: false })?.mtimeMs > builtAt);
}

/**
 * The same, with the stats run on libuv's threads: bin/zone-returns.mjs asks this while it
 * loads the bundle, so a checkout pays (almost) nothing for the question at start-up.
 * @returns {Promise<boolean>}
 */
export async function cliBuildIsStaleAsync() {
  const built = await stat(cliEntry).catch(() => undefined);
  if (!built) return true;
  const times = await Promise.all(sourcePaths().map((path) => stat(path).then((info) => info.mtimeMs, () => 0)));
  return times.some((time) => time > built.mtimeMs);
}

/**
 * Runs `vite build --config vite.cli.config.ts` into a folder of its own and then puts it in
 * place of out/cli/, so a command started meanwhile never sees half a bundle.
 * @param {{ quiet?: boolean }} [options]
 */
export function buildCli({ quiet = false } = {}) {
  const staging = `${cliOut}.build-${process.pid}`;
  const vite = join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js');
  // Loaded only to build: the command's every start would otherwise pay for child_process.
  const { spawnSync } = process.getBuiltinModule('node:child_process');
  const result = spawnSync(process.execPath, [vite, 'build', '--config', 'vite.cli.config.ts', '--outDir', staging, '--emptyOutDir', '--logLevel', quiet ? 'warn' : 'info'], {
    cwd: repoRoot,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (result.status !== 0) {
    rmSync(staging, { recursive: true, force: true });
    throw new Error(`命令行构建失败（vite build --config vite.cli.config.ts，退出码 ${result.status ?? result.signal}）：\n${result.stdout}${result.stderr}`);
  }
  if (!quiet) process.stderr.write(result.stdout);
  // Two commands started at once may both build: the first to put its bundle in place wins, the other's is dropped.
  const old = `${cliOut}.old-${process.pid}`;
  try {
    renameSync(cliOut, old);
  } catch {
    // No bundle yet, or another build has just moved it.
  }
  try {
    renameSync(staging, cliOut);
  } catch {
    rmSync(staging, { recursive: true, force: true });
  }
  rmSync(old, { recursive: true, force: true });
}
