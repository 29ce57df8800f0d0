// Building and describing the web build (dist-web/), shared by scripts/web.mjs and the e2e setup.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
export const distWeb = join(repoRoot, 'dist-web');

const SOURCES = ['src-renderer', 'src-shared', 'seeds', 'vite.web.config.ts', 'package.json'];

/** @param {string} path @returns {number} the newest modification time under `path` */
function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), info.mtimeMs);
}

/** True when dist-web/ is missing or older than any of its sources. */
export function webBuildIsStale() {
  const built = join(distWeb, 'index.html');
  if (!existsSync(built)) return true;
  const builtAt = statSync(built).mtimeMs;
  return SOURCES.some((source) => newestMtime(join(repoRoot, source)) > builtAt);
}

/**
 * Runs `vite build --config vite.web.config.ts`, into dist-web/ or into `outDir` (the e2e tests
 * build into a directory of their own, so two runs at once do not overwrite each other's pages).
 * @param {{ quiet?: boolean, outDir?: string }} [options]
 * @returns {Promise<void>}
 */
export function buildWeb({ quiet = false, outDir = distWeb } = {}) {
  const vite = join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js');
  const args = [vite, 'build', '--config', 'vite.web.config.ts', '--outDir', outDir, '--emptyOutDir', '--logLevel', quiet ? 'warn' : 'info'];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: repoRoot,
      stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    });
    let output = '';
    child.stdout?.on('data', (chunk) => (output += chunk));
    child.stderr?.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`vite build (web) failed with exit code ${code}\n${output}`))));
  });
}

/**
 * The CSP to send as a header with the built pages: the meta tag's policy plus what only a
 * header can carry (frame-ancestors).
 * @param {string} [dir] the build's directory, dist-web/ unless given
 * @returns {string | undefined}
 */
export function cspHeaderOfBuild(dir = distWeb) {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(html)?.[1];
  return meta ? `${meta}; frame-ancestors 'none'` : undefined;
}
