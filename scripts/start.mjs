#!/usr/bin/env node
// `npm start`: builds the Electron app and launches it. Where the Electron binary is missing
// (it cannot be downloaded here), says so in one paragraph, points to `npm run web`, exits 1.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { electronBinary, MISSING_ELECTRON_MESSAGE } from './electron-binary.mjs';
import { repoRoot } from './web-build.mjs';

const binary = electronBinary();
if (!binary) {
  console.error(MISSING_ELECTRON_MESSAGE);
  process.exit(1);
}

/** @param {string} command @param {string[]} args @returns {Promise<number>} */
function run(command, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: repoRoot, stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

const built = await run(process.execPath, [join(repoRoot, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build']);
if (built !== 0) process.exit(built);
process.exit(await run(binary, [repoRoot]));
