/**
 * The collection server for integration tests: the real app on 127.0.0.1 (free port) over a real
 * database — PGlite in a temporary folder, or a database of a temporary PostgreSQL cluster —
 * and clients that sign like the apps do.
 */
import { getRandomValues } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { createCollectClient, keyPairFromSeed, nobleSigner, type CollectClient, type Device, type FetchLike } from '../../src-shared/collect-protocol';
import { issueCode } from '../../src-server/admin/admin-ops';
import { buildServer, type ServerLimits } from '../../src-server/build-server';
import type { Database } from '../../src-server/db/database';
import { openStorage } from '../../src-server/open-database';
import { startPostgres } from './postgres-cluster';

export const randomBytes = (n: number): Uint8Array => getRandomValues(new Uint8Array(n));

export const nodeFetch: FetchLike = async (url, init) => {
  const response = await fetch(url, { method: init.method, headers: init.headers, ...(init.body ? { body: Buffer.from(init.body) } : {}) });
  return { status: response.status, headers: response.headers, arrayBuffer: () => response.arrayBuffer() };
};

export type Backend = 'pglite' | 'postgres';

export interface TestServer {
  app: FastifyInstance;
  db: Database;
  url: string;
  port: number;
  client: CollectClient;
  close(): Promise<void>;
}

/** `port` 0 takes a free one; a restart passes the port of the first start so that clients find the server again. */
export async function startTestServer(storage: { dataDir: string } | { database: string }, limits?: Partial<ServerLimits>, port = 0): Promise<TestServer> {
  const opened = await openStorage(storage, 'test');
  if (!opened.ok) throw new Error(opened.message);
  const app = await buildServer({ db: opened.db, adminToken: 'test-admin-token', ...(limits ? { limits } : {}) });
  await app.listen({ host: '127.0.0.1', port });
  const address = app.server.address();
  const bound = typeof address === 'object' && address ? address.port : 0;
  const url = `http://127.0.0.1:${bound}`;
  return {
    app,
    db: opened.db,
    url,
    port: bound,
    client: createCollectClient({ server: url, fetch: nodeFetch, randomBytes }),
    async close() {
      await app.close();
      await opened.close();
    },
  };
}

/** The test server over `backend`: PGlite in a temporary folder, or a database of a temporary PostgreSQL cluster; `dispose` removes it all. */
export async function startOnBackend(backend: Backend, prefix: string, limits?: Partial<ServerLimits>): Promise<TestServer & { dispose(): Promise<void> }> {
  const dir = tempDir(prefix);
  const cluster = backend === 'postgres' ? await startPostgres() : undefined;
  cluster?.createDatabase('collect');
  const server = await startTestServer(cluster ? { database: cluster.url('collect') } : { dataDir: dir.path }, limits);
  return {
    ...server,
    async dispose() {
      await server.close();
      cluster?.stop();
      dir.remove();
    },
  };
}

export interface RestartableTestServer {
  /** The port of the first start, kept for every restart. */
  readonly port: number;
  readonly url: string;
  readonly db: Database;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Stops the server if it runs and removes its folder. */
  dispose(): Promise<void>;
  rows(): Promise<Array<{ revision: number; state: string; reason: string | null }>>;
}

/** A PGlite server in a temporary folder that a test can stop and start again on the same port (the offline cases). */
export function restartableTestServer(prefix: string): RestartableTestServer {
  const dir = tempDir(prefix);
  let port = 0;
  let running: TestServer | undefined;
  const db = (): Database => {
    if (running === undefined) throw new Error('the test server is stopped');
    return running.db;
  };
  return {
    get port() {
      return port;
    },
    get url() {
      return `http://127.0.0.1:${port}`;
    },
    get db() {
      return db();
    },
    async start() {
      running = await startTestServer({ dataDir: dir.path }, { verifyWorkers: 0 }, port);
      port = running.port;
    },
    async stop() {
      await running?.close();
      running = undefined;
    },
    async dispose() {
      await this.stop();
      dir.remove();
    },
    rows: () => db().query<{ revision: number; state: string; reason: string | null }>('SELECT revision, state, reason FROM submissions ORDER BY seq'),
  };
}

export function tempDir(prefix: string): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** Issues a code (as the administrator) and enrolls a new device with it. */
export async function enrolledDevice(server: TestServer, target: { zoneId: string } | { city: string }): Promise<Device & { secretKey: Uint8Array }> {
  const code = await issueCode(server.db, target, 'test', null);
  if (!code.ok) throw new Error(code.code);
  const { secretKey } = keyPairFromSeed(randomBytes(32));
  const signer = nobleSigner(secretKey);
  const enrolled = await server.client.enroll(code.value.code, signer);
  if (!enrolled.ok) throw new Error(enrolled.error.message);
  return { deviceId: enrolled.value.deviceId, signer, secretKey };
}

/**
 * Everything a refused request must leave as it was (request_nonces, the replay guard's
 * bookkeeping, is left out: a well-signed request claims its nonce before it is judged).
 */
export async function snapshot(db: Database): Promise<string> {
  const parts = await Promise.all([
    db.query("SELECT seq, submission_id, revision, sha256, body_sha256, md5(workbook) AS bytes, state, reason, superseded FROM submissions ORDER BY seq"),
    db.query('SELECT id, revoked_at, public_key FROM devices ORDER BY id'),
    db.query('SELECT code, used_at, used_by_device FROM enrollment_codes ORDER BY code'),
    db.query('SELECT count(*)::int AS n FROM state_changes'),
    db.query('SELECT count(*)::int AS n FROM audit_log'),
    db.query('SELECT id, version, sha256 FROM indicator_sets ORDER BY id, version'),
  ]);
  return JSON.stringify(parts);
}

export interface RawAnswer {
  status: number;
  body: { ok: boolean; error?: { code: string; message: string; field?: string; issues?: unknown[] } } & Record<string, unknown>;
  headers: Record<string, string>;
}

/** A signed request built by hand, so a test can replay it, skew its clock or sign with the wrong key. */
export function signedRequest(
  device: Device,
  method: string,
  path: string,
  body?: { bytes: Uint8Array; type: string },
  opts: { timestamp?: number; nonce?: string; signWith?: Device['signer'] } = {},
): Promise<{ headers: Record<string, string>; body?: Uint8Array }> {
  return (async () => {
    const { canonicalRequest, formatAuthHeader, signText, toHexString } = await import('../../src-shared/collect-protocol');
    const { sha256Hex } = await import('../../src-shared/crypto');
    const timestamp = opts.timestamp ?? Date.now();
    const nonce = opts.nonce ?? toHexString(randomBytes(16));
    const text = canonicalRequest({ deviceId: device.deviceId, method, path, timestamp, nonce, bodySha256: sha256Hex(body?.bytes ?? new Uint8Array(0)) });
    const signature = await signText(opts.signWith ?? device.signer, text);
    const headers: Record<string, string> = { authorization: formatAuthHeader({ deviceId: device.deviceId, timestamp, nonce, signature }) };
    if (body) headers['content-type'] = body.type;
    return { headers, ...(body ? { body: body.bytes } : {}) };
  })();
}

export async function send(url: string, method: string, path: string, init: { headers?: Record<string, string>; body?: Uint8Array | string }): Promise<RawAnswer> {
  const response = await fetch(url + path, { method, headers: init.headers ?? {}, ...(init.body !== undefined ? { body: typeof init.body === 'string' ? init.body : Buffer.from(init.body) } : {}) });
  const text = await response.text();
  let body: RawAnswer['body'];
  try {
    body = JSON.parse(text) as RawAnswer['body'];
  } catch {
    body = { ok: false, raw: text };
  }
  return { status: response.status, body, headers: Object.fromEntries(response.headers.entries()) };
}

/** Opens a TCP connection, writes `data` (maybe nothing), and returns whatever the server answers before it closes. */
export async function rawExchange(port: number, data: string, boundMs: number): Promise<string> {
  const { connect } = await import('node:net');
  return new Promise((resolveText, reject) => {
    const socket = connect(port, '127.0.0.1');
    let received = '';
    const bound = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer within ${boundMs} ms`));
    }, boundMs);
    socket.on('connect', () => {
      if (data) socket.write(data);
    });
    socket.on('data', (chunk) => {
      received += chunk.toString('utf8');
    });
    socket.on('close', () => {
      clearTimeout(bound);
      resolveText(received);
    });
    socket.on('error', () => undefined);
  });
}
