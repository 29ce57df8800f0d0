/**
 * The server as the bureau runs it (`zone-returns serve` in a child process), killed with SIGKILL
 * in the middle of uploads and started again: the clients' retries store every submission
 * exactly once and nothing stored before is lost or damaged — PGlite on disk and PostgreSQL.
 * Also the admin commands through the running server's endpoint and on the stopped data folder,
 * and the lock that keeps a second process off a PGlite folder in use.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src-shared/crypto';
import { createCollectClient, fromHexString, nobleSigner, WORKBOOK_MEDIA_TYPE, type Device } from '../../src-shared/collect-protocol';
import { openStorage } from '../../src-server/open-database';
import { nodeFetch, rawExchange, randomBytes, signedRequest, tempDir, type Backend } from './harness';
import { freePort, postgresMissing, startPostgres, type PostgresCluster } from './postgres-cluster';
import { makeWorkbook, type MadeWorkbook } from './workbooks';

const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'bin', 'zone-returns.mjs');
const missing = postgresMissing();
if (missing) console.warn(`\n!!! SKIPPING the PostgreSQL half of tests/server/crash-restart.test.ts: ${missing}\n`);

const children = new Set<ChildProcess>();
afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
});

function cli(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', timeout: 90_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

async function serve(storage: string[], dataDir: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [bin, 'serve', '--data', dataDir, ...storage, '--port', String(port), '--log-level', 'warn'], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
  children.add(child);
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`serve exited ${child.exitCode}: ${stderr}`);
    try {
      const r = await fetch(`http://127.0.0.1:${port}/api/v1/ready`);
      if (r.status === 200) return child;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`serve not ready within 90 s: ${stderr}`);
}

async function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
  return new Promise((resolveExit) => child.once('exit', (code) => resolveExit(code)));
}

function deviceFrom(keyFile: string): Device {
  const key = JSON.parse(readFileSync(keyFile, 'utf8')) as { deviceId: string; secretKey: string };
  return { deviceId: key.deviceId, signer: nobleSigner(fromHexString(key.secretKey)!) };
}

describe.each<Backend>(['pglite', 'postgres'])('serve over %s, killed and restarted', (backend) => {
  const skip = backend === 'postgres' && missing !== undefined;

  it.skipIf(skip)('SIGKILL in the middle of uploads: every retried submission is stored once, the earlier ones intact; SIGTERM finishes the upload in flight', async () => {
    const dir = tempDir('zr-crash-');
    let cluster: PostgresCluster | undefined;
    try {
      const dataDir = join(dir.path, 'collect-data');
      let storage: string[] = [];
      if (backend === 'postgres') {
        cluster = await startPostgres();
        cluster.createDatabase('collect');
        storage = ['--database', cluster.url('collect')];
      }
      let port = await freePort();
      let server = await serve(storage, dataDir, port);

      // The administrator issues a code through the running server; the zone enrolls with the CLI.
      const admin = storage.length ? [...storage] : ['--data', dataDir];
      const issued = cli(['server', 'enroll', '--zone', 'jincheng-kfq', ...admin]);
      expect(issued.status, issued.stderr).toBe(0);
      const { code, expires } = JSON.parse(issued.stdout) as { code: string; expires: string };
      expect(Date.parse(expires) - Date.now()).toBeGreaterThan(6.9 * 86_400_000);
      const keyFile = join(dir.path, 'jincheng.key.json');
      const enrolled = cli(['enroll', '--server', `http://127.0.0.1:${port}`, '--code', code, '--key-file', keyFile]);
      expect(enrolled.status, enrolled.stderr).toBe(0);
      if (backend === 'pglite') {
        const twice = cli(['serve', '--data', dataDir, '--port', String(await freePort())]);
        expect(twice.status).toBe(1);
        expect(twice.stderr).toContain('正由另一个进程');
      }
      const device = deviceFrom(keyFile);
      const client = () => createCollectClient({ server: `http://127.0.0.1:${port}`, fetch: nodeFetch, randomBytes });

      // Three stored before the crash, pushed by the CLI (which also saves the signature record).
      const before: MadeWorkbook[] = [];
      for (const endMonth of [1, 2, 3]) before.push(await makeWorkbook({ zone: 'jincheng-kfq', period: { year: 2024, endMonth, frequency: 'month' } }));
      const firstFile = join(dir.path, 'jc-2024-01.xlsx');
      writeFileSync(firstFile, before[0]!.bytes);
      const pushed = cli(['push', firstFile, '--server', `http://127.0.0.1:${port}`, '--key-file', keyFile]);
      expect(pushed.status, pushed.stderr).toBe(0);
      expect(existsSync(`${firstFile}.sig.json`)).toBe(true);
      if (backend === 'pglite') {
        // verify reads the signature record beside the workbook and names the zone's device.
        const verified = cli(['verify', firstFile]);
        expect(verified.status, verified.stderr).toBe(0);
        expect(verified.stderr).toContain(`signed by 晋城开发区's device ${device.deviceId}`);
        expect(JSON.parse(verified.stdout)).toMatchObject({ intact: true, signature: { ok: true, deviceId: device.deviceId, zoneId: 'jincheng-kfq' } });
        const forged = join(dir.path, 'forged.sig.json');
        const record = JSON.parse(readFileSync(`${firstFile}.sig.json`, 'utf8')) as { publicKey: string };
        writeFileSync(forged, JSON.stringify({ ...record, publicKey: nobleSigner(randomBytes(32)).publicKey }));
        const refusedSig = cli(['verify', firstFile, '--signature', forged]);
        expect(refusedSig.status).toBe(1);
        expect(JSON.parse(refusedSig.stdout)).toMatchObject({ intact: true, signature: { ok: false } });
      }
      for (const wb of before.slice(1)) expect((await client().push(device, wb.bytes)).status).toBe(201);

      // One upload stalled halfway through its body, eight more in flight: then SIGKILL.
      const inFlight: MadeWorkbook[] = [];
      for (let i = 0; i < 8; i += 1) inFlight.push(await makeWorkbook({ zone: 'jincheng-kfq', period: { year: 2024, endMonth: 4 + i, frequency: 'month' } }));
      const stalled = inFlight[0]!;
      const req = await signedRequest(device, 'POST', '/api/v1/submissions', { bytes: stalled.bytes, type: WORKBOOK_MEDIA_TYPE });
      const head = `POST /api/v1/submissions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: ${WORKBOOK_MEDIA_TYPE}\r\nAuthorization: ${req.headers.authorization}\r\nContent-Length: ${stalled.bytes.length}\r\n\r\n`;
      const half = rawExchange(port, head + Buffer.from(stalled.bytes.subarray(0, stalled.bytes.length >> 1)).toString('latin1'), 60_000);
      const racing = inFlight.slice(1).map((wb) => client().push(device, wb.bytes));
      await new Promise((r) => setTimeout(r, 150));
      server.kill('SIGKILL');
      await exited(server);
      expect(await half).not.toMatch(/^HTTP\/1\.1 2/);
      const outcomes = await Promise.all(racing);

      // Restarted (a PGlite folder's stale lock is taken over), the clients retry everything.
      port = await freePort();
      server = await serve(storage, dataDir, port);
      for (const wb of inFlight) {
        const r = await client().push(device, wb.bytes);
        expect(r.ok, JSON.stringify(r)).toBe(true);
      }
      for (const wb of [...before, ...inFlight]) {
        const again = await client().push(device, wb.bytes);
        expect(again.ok && again.value.duplicate).toBe(true);
      }
      const pushedAgain = cli(['push', firstFile, '--server', `http://127.0.0.1:${port}`, '--key-file', keyFile]);
      expect(pushedAgain.status, pushedAgain.stderr).toBe(0);
      expect(JSON.parse(pushedAgain.stdout)).toMatchObject({ ok: true, duplicate: true });
      const listed = cli(['server', 'list', ...admin, '--city', '晋城市']);
      expect(listed.status, listed.stderr).toBe(0);
      expect((JSON.parse(listed.stdout) as { submissions: unknown[] }).submissions).toHaveLength(11);

      // SIGTERM while an upload is half sent: the server finishes it, answers, then exits.
      const last = await makeWorkbook({ zone: 'jincheng-kfq', period: { year: 2024, endMonth: 12, frequency: 'month' } });
      const lastReq = await signedRequest(device, 'POST', '/api/v1/submissions', { bytes: last.bytes, type: WORKBOOK_MEDIA_TYPE });
      const answered = await new Promise<string>((resolveAnswer, reject) => {
        const socket = connect(port, '127.0.0.1');
        let text = '';
        const bound = setTimeout(() => reject(new Error('no answer to the upload in flight within 60 s')), 60_000);
        socket.on('data', (c) => (text += c.toString('utf8')));
        socket.on('close', () => {
          clearTimeout(bound);
          resolveAnswer(text);
        });
        socket.on('connect', () => {
          const head = `POST /api/v1/submissions HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Type: ${WORKBOOK_MEDIA_TYPE}\r\nAuthorization: ${lastReq.headers.authorization}\r\nContent-Length: ${last.bytes.length}\r\n\r\n`;
          socket.write(head);
          socket.write(Buffer.from(last.bytes.subarray(0, 2000)));
          setTimeout(() => {
            server.kill('SIGTERM');
            setTimeout(() => socket.write(Buffer.from(last.bytes.subarray(2000))), 300);
          }, 300);
        });
      });
      expect(answered).toMatch(/^HTTP\/1\.1 201/);
      expect(await exited(server)).toBe(0);
      if (backend === 'pglite') expect(existsSync(join(dataDir, 'server.lock'))).toBe(false);
      void outcomes;

      // The stored rows, read straight from the database: each once, bytes as sent.
      const opened = await openStorage(storage.length ? { database: cluster!.url('collect') } : { dataDir }, 'test');
      if (!opened.ok) throw new Error(opened.message);
      try {
        const rows = await opened.db.query<{ submission_id: string; body_sha256: string; stored: string; sha256: string }>(
          "SELECT submission_id, body_sha256, encode(sha256(workbook), 'hex') AS stored, sha256 FROM submissions ORDER BY seq",
        );
        const sent = [...before, ...inFlight, last];
        expect(rows).toHaveLength(sent.length);
        expect(new Set(rows.map((r) => r.submission_id)).size).toBe(sent.length);
        for (const wb of sent) {
          const row = rows.find((r) => r.submission_id === wb.submissionId);
          expect(row, wb.submissionId).toBeDefined();
          expect(row!.body_sha256).toBe(sha256Hex(wb.bytes));
          expect(row!.stored).toBe(row!.body_sha256);
          expect(row!.sha256).toBe(wb.checksum);
        }
        const states = await opened.db.query<{ n: number }>('SELECT count(*)::int AS n FROM state_changes');
        expect(states[0]!.n).toBe(sent.length);
      } finally {
        await opened.close();
      }

      // Stopped: the admin commands open the folder themselves.
      const offline = cli(['server', 'list', ...admin]);
      expect(offline.status, offline.stderr).toBe(0);
      expect((JSON.parse(offline.stdout) as { devices: Array<{ deviceId: string }> }).devices.map((d) => d.deviceId)).toContain(device.deviceId);
      const revoked = cli(['server', 'revoke', device.deviceId, '--reason', '测试', ...admin]);
      expect(revoked.status, revoked.stderr).toBe(0);
      expect(JSON.parse(revoked.stdout)).toMatchObject({ ok: true, device: { deviceId: device.deviceId } });
      const unknownZone = cli(['server', 'enroll', '--zone', 'no-such-zone', ...admin]);
      expect(unknownZone.status).toBe(1);
      expect(unknownZone.stderr).toContain('开发区名录中没有');
    } finally {
      for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
      cluster?.stop();
      dir.remove();
    }
  }, 300_000);
});
