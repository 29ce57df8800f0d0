/**
 * The command line as shipped: the bundle in out/cli/ (built by tests/cli/global-setup.ts) run by
 * bin/zone-returns.mjs in a copy of the package that has neither the TypeScript sources nor tsx
 * nor vite — every command, the ledger worker and the server's verify workers included, must
 * run from the bundle alone.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliOut } from '../../scripts/cli-build.mjs';
import { writeLedgerFixtures } from '../fixtures/ledgers/make-ledgers';
import { freePort } from '../server/postgres-cluster';

const root = join(import.meta.dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
let copy = '';
const children = new Set<ChildProcess>();

beforeAll(() => {
  copy = mkdtempSync(join(tmpdir(), 'zr-cli-bundle-'));
  mkdirSync(join(copy, 'bin'));
  mkdirSync(join(copy, 'scripts'));
  cpSync(join(root, 'bin', 'zone-returns.mjs'), join(copy, 'bin', 'zone-returns.mjs'));
  cpSync(join(root, 'scripts', 'cli-build.mjs'), join(copy, 'scripts', 'cli-build.mjs'));
  cpSync(join(root, 'package.json'), join(copy, 'package.json'));
  cpSync(cliOut, join(copy, 'out', 'cli'), { recursive: true });
  // node_modules as `npm ci --omit=dev` leaves it, near enough: everything but tsx and vite.
  mkdirSync(join(copy, 'node_modules'));
  for (const name of readdirSync(join(root, 'node_modules'))) {
    if (name === 'tsx' || name === 'vite' || name === '.bin' || name === '.vite') continue;
    symlinkSync(join(root, 'node_modules', name), join(copy, 'node_modules', name));
  }
});

afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
  rmSync(copy, { recursive: true, force: true });
});

function cli(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(copy, 'bin', 'zone-returns.mjs'), ...args], { cwd: copy, encoding: 'utf8', timeout: 90_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the shipped command line', () => {
  it('needs tsx only to develop: tsx is a devDependency and the bundle has every worker', () => {
    expect(pkg.dependencies.tsx).toBeUndefined();
    expect(pkg.devDependencies.tsx).toMatch(/^\d+\.\d+\.\d+$/);
    const files = readdirSync(join(copy, 'out', 'cli'));
    expect(files).toEqual(expect.arrayContaining(['main.mjs', 'ledger-worker.mjs', 'verify-worker.mjs']));
    expect(files.filter((f) => f.endsWith('.ts'))).toEqual([]);
  });

  it('checks, exports and verifies a return', () => {
    const example = join(root, 'seeds', 'examples', 'jincheng-kfq-2024-q1.json');
    const checked = cli(['check', example]);
    expect(checked.status, checked.stderr).toBe(0);
    expect(JSON.parse(checked.stdout)).toMatchObject({ return: { zoneId: 'jincheng-kfq' } });
    const workbook = join(copy, 'jc.xlsx');
    const exported = cli(['export', example, '-o', workbook]);
    expect(exported.status, exported.stderr).toBe(0);
    const verified = cli(['verify', workbook]);
    expect(verified.status, verified.stderr).toBe(0);
    expect(JSON.parse(verified.stdout)).toMatchObject({ intact: true, identity: { zoneName: '晋城开发区' } });
  });

  it('reads a ledger in the bundled worker', () => {
    const paths = writeLedgerFixtures(join(copy, 'ledgers'));
    const read = cli(['import-ledger', paths['titled-merged.xlsx']!]);
    expect(read.status, read.stderr).toBe(0);
    const json = JSON.parse(read.stdout) as { ok: boolean; rows: Array<{ values: Record<string, unknown> }> };
    expect(json.ok).toBe(true);
    expect(json.rows[0]!.values).toMatchObject({ name: '康佳智慧科技城项目', totalInvestment: 50 });
  });

  it('serves, and the server verifies a pushed workbook in its bundled verify workers', async () => {
    const dataDir = join(copy, 'collect-data');
    const issued = cli(['server', 'enroll', '--zone', 'jincheng-kfq', '--data', dataDir]);
    expect(issued.status, issued.stderr).toBe(0);
    const { code } = JSON.parse(issued.stdout) as { code: string };
    const port = await freePort();
    const server = spawn(process.execPath, [join(copy, 'bin', 'zone-returns.mjs'), 'serve', '--data', dataDir, '--port', String(port), '--log-level', 'warn'], { cwd: copy, stdio: ['ignore', 'ignore', 'pipe'] });
    children.add(server);
    let stderr = '';
    server.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
    const url = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 120_000;
    for (let ready = false; !ready; ) {
      if (server.exitCode !== null) throw new Error(`serve exited ${server.exitCode}: ${stderr}`);
      if (Date.now() > deadline) throw new Error(`serve not ready within 120 s: ${stderr}`);
      ready = await fetch(`${url}/api/v1/ready`).then((r) => r.status === 200, () => false);
      if (!ready) await new Promise((r) => setTimeout(r, 200));
    }
    const keyFile = join(copy, 'jc.key.json');
    const enrolled = cli(['enroll', '--server', url, '--code', code, '--key-file', keyFile]);
    expect(enrolled.status, enrolled.stderr).toBe(0);
    const workbook = join(copy, 'jc-push.xlsx');
    expect(cli(['export', join(root, 'seeds', 'examples', 'jincheng-kfq-2024-q1.json'), '-o', workbook]).status).toBe(0);
    const pushed = cli(['push', workbook, '--server', url, '--key-file', keyFile]);
    expect(pushed.status, pushed.stderr).toBe(0);
    // The server stores a workbook only after its verify worker has read it back.
    expect(JSON.parse(pushed.stdout)).toMatchObject({ ok: true, duplicate: false });
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    expect(stderr).not.toMatch(/tsx|ERR_MODULE_NOT_FOUND|Cannot find/);
  }, 300_000);
});
