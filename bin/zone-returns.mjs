#!/usr/bin/env node
// The command line runs as plain JavaScript: the bundle in out/cli/ (vite.cli.config.ts), not
// TypeScript at run time. In a checkout the bundle is built on first run and again whenever a
// source is newer than it (asked while the bundle loads), so it works from a clean clone after
// `npm ci`; an installed copy without the sources just runs the bundle it has.
import { pathToFileURL } from 'node:url';
import { buildCli, cliBuildIsStaleAsync, cliEntry, hasSources } from '../scripts/cli-build.mjs';

const argv = process.argv.slice(2);
const stale = hasSources() ? cliBuildIsStaleAsync() : Promise.resolve(false);
const loading = import(pathToFileURL(cliEntry).href).then(
  (module) => ({ main: module.main }),
  (error) => ({ error }),
);
if (await stale) {
  await loading; // out/cli/main.mjs has no static imports: what was loaded of the stale bundle never runs.
  process.stderr.write('正在构建命令行（out/cli/）…\n');
  buildCli({ quiet: true });
  // The fresh entry under a URL of its own (the chunks it loads on demand have new names where they changed).
  const { main } = await import(`${pathToFileURL(cliEntry).href}?built=${Date.now()}`);
  process.exitCode = await main(argv);
} else {
  const loaded = await loading;
  if (!loaded.main) {
    if (hasSources()) throw loaded.error;
    process.stderr.write(`命令行的程序文件不全（${cliEntry}：${loaded.error instanceof Error ? loaded.error.message : String(loaded.error)}）。请在项目的完整副本中运行 npm ci 后再试，或用 npm run build:cli 重新构建。\n`);
    process.exit(1);
  }
  process.exitCode = await loaded.main(argv);
}
