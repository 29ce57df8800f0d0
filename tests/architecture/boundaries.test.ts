import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|mts)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

function importsOf(source: string): string[] {
  const found: string[] = [];
  const pattern = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g;
  for (const match of source.matchAll(pattern)) found.push(match[1] ?? match[2] ?? match[3] ?? '');
  return found;
}

// The domain core runs in main, in the renderer and in workers: it may not depend on any of them.
const forbiddenInShared = [/^electron/, /^react/, /^dexie/, /^ag-grid/, /^node:/, /^(fs|path|os|child_process|worker_threads|crypto|url|stream|buffer|util)(\/|$)/];

describe('dependency direction', () => {
  it.each(sourceFiles(join(root, 'src-shared')).map((f) => [relative(root, f), f]))('%s imports no Electron, React, Dexie, DOM or Node module', (_name, file) => {
    const bad = importsOf(readFileSync(file, 'utf8')).filter((spec) => forbiddenInShared.some((re) => re.test(spec)));
    expect(bad).toEqual([]);
  });

  it.each(sourceFiles(join(root, 'src-shared')).map((f) => [relative(root, f), f]))('%s does not reach into src-main or src-renderer', (_name, file) => {
    const bad = importsOf(readFileSync(file, 'utf8')).filter((spec) => /src-(main|renderer)/.test(spec));
    expect(bad).toEqual([]);
  });

  // The collection server depends inward on src-shared only: it checks every workbook with the same core code.
  it('src-server never imports src-main or src-renderer', () => {
    const bad = sourceFiles(join(root, 'src-server')).filter((file) => importsOf(readFileSync(file, 'utf8')).some((spec) => /src-(main|renderer)/.test(spec)));
    expect(bad.map((f) => relative(root, f))).toEqual([]);
  });

  it('src-renderer never imports src-main', () => {
    const bad = sourceFiles(join(root, 'src-renderer')).filter((file) => importsOf(readFileSync(file, 'utf8')).some((spec) => /src-main/.test(spec)));
    expect(bad.map((f) => relative(root, f))).toEqual([]);
  });

  it('the forbidden-import check recognises what it must refuse', () => {
    const sample = "import { app } from 'electron';\nimport fs from 'node:fs';\nconst x = await import('dexie');";
    expect(importsOf(sample)).toEqual(['electron', 'node:fs', 'dexie']);
  });
});
