/**
 * `zone-returns serve`: opens the storage, listens, writes `server.json` (address and admin token,
 * owner-only) into the data folder for the admin commands, and on SIGTERM / SIGINT stops taking
 * requests, finishes those in flight, closes the database and removes the lock.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import { buildServer, type ServerLimits } from './build-server';
import { openStorage, type StorageOptions } from './open-database';

export const RUNTIME_FILE = 'server.json';

export interface StartOptions {
  storage: StorageOptions;
  /** Where server.json goes; the data folder (also with --database). */
  dataDir: string;
  host: string;
  port: number;
  logger?: FastifyServerOptions['logger'];
  limits?: Partial<ServerLimits>;
}

export type Started = { ok: true; app: FastifyInstance; url: string; stop: () => Promise<void> } | { ok: false; message: string };

export async function startServer(options: StartOptions): Promise<Started> {
  const opened = await openStorage(options.storage, 'serve');
  if (!opened.ok) return opened;
  const adminToken = randomBytes(24).toString('base64url');
  const app = await buildServer({ db: opened.db, logger: options.logger ?? false, adminToken, ...(options.limits ? { limits: options.limits } : {}) });
  let url: string;
  try {
    url = await app.listen({ host: options.host, port: options.port });
  } catch (error) {
    await app.close();
    await opened.close();
    return { ok: false, message: `无法在 ${options.host}:${options.port} 上启动（${error instanceof Error ? error.message : String(error)}）。端口可能已被占用，请换一个 --port。` };
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const local = `http://${options.host === '0.0.0.0' || options.host === '::' ? '127.0.0.1' : options.host}:${port}`;
  mkdirSync(options.dataDir, { recursive: true });
  const runtime = join(options.dataDir, RUNTIME_FILE);
  writeFileSync(runtime, JSON.stringify({ pid: process.pid, url: local, adminToken, database: 'database' in options.storage ? 'postgres' : 'pglite' }), { mode: 0o600 });
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      rmSync(runtime, { force: true });
      await app.close();
      await opened.close();
    })();
    return stopping;
  };
  return { ok: true, app, url: url.startsWith('http') ? local : url, stop };
}
