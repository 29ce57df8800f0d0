/**
 * The collection server as a Fastify app. `buildServer(options)` wires the database, the
 * limits and the routes; tests start it on 127.0.0.1 and `start-server.ts` runs it for real.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { availableParallelism } from 'node:os';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { COLLECT_ERRORS, collectError } from '../src-shared/collect-protocol';
import type { Database } from './db/database';
import { deviceAuth } from './plugins/auth';
import { registerBodyParsers } from './plugins/body-parsers';
import { registerCors } from './plugins/cors';
import { registerErrorHandling } from './plugins/errors';
import { createRateLimiter, type RateLimitOptions } from './plugins/rate-limit';
import { adminRoutes } from './resources/admin';
import { deviceRoutes } from './resources/devices';
import { enrollRoutes } from './resources/enroll';
import { healthRoutes } from './resources/health';
import { indicatorSetRoutes } from './resources/indicator-sets';
import { submissionRoutes } from './resources/submissions';
import { createVerifyPool } from './services/verify-pool';
import { verifyWorkbook } from './services/verify-workbook';

export interface ServerLimits {
  /** Largest request body in bytes (a workbook with thousands of projects is a few MB). */
  bodyLimit: number;
  /** A request must arrive whole within this many ms (headers and body). */
  requestTimeoutMs: number;
  /** Headers must arrive within this many ms of the connection. */
  headersTimeoutMs: number;
  /** An idle keep-alive connection is closed after this many ms. */
  keepAliveTimeoutMs: number;
  rate: RateLimitOptions;
  /** Worker threads verifying workbooks (0: on the event loop), their heap ceiling and time per workbook. */
  verifyWorkers: number;
  verifyHeapMb: number;
  verifyTimeoutMs: number;
}

export const DEFAULT_LIMITS: ServerLimits = {
  bodyLimit: 20 * 1024 * 1024,
  requestTimeoutMs: 60_000,
  headersTimeoutMs: 20_000,
  keepAliveTimeoutMs: 10_000,
  rate: { burst: 60, perMinute: 120 },
  verifyWorkers: Math.max(1, Math.min(4, availableParallelism() - 1)),
  verifyHeapMb: 1024,
  verifyTimeoutMs: 60_000,
};

export interface BuildOptions {
  db: Database;
  logger?: FastifyServerOptions['logger'];
  limits?: Partial<ServerLimits>;
  /** Enables the local admin endpoint; absent, every admin request is refused. */
  adminToken?: string;
  now?: () => number;
}

function timeoutReply(): string {
  const body = JSON.stringify({ ok: false, error: collectError('request-timeout') });
  return `HTTP/1.1 ${COLLECT_ERRORS['request-timeout'].status} Request Timeout\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`;
}

export async function buildServer(options: BuildOptions): Promise<FastifyInstance> {
  const limits: ServerLimits = { ...DEFAULT_LIMITS, ...options.limits, rate: { ...DEFAULT_LIMITS.rate, ...options.limits?.rate } };
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: limits.bodyLimit,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    // Node checks the request and headers timeouts on this interval; a short one answers a silent client promptly.
    serverFactory: (handler: (req: IncomingMessage, res: ServerResponse) => void) => {
      const server = createServer(
        { requestTimeout: limits.requestTimeoutMs, headersTimeout: limits.headersTimeoutMs, keepAliveTimeout: limits.keepAliveTimeoutMs, connectionsCheckingInterval: Math.min(1000, limits.requestTimeoutMs) },
        handler,
      );
      return server;
    },
    clientErrorHandler: (error, socket) => {
      if (!socket.writable) return;
      if ((error as { code?: string }).code === 'ERR_HTTP_REQUEST_TIMEOUT') {
        socket.end(timeoutReply());
        return;
      }
      const body = JSON.stringify({ ok: false, error: collectError('bad-request', { message: '请求不是有效的 HTTP 请求，连接已关闭。' }) });
      socket.end(`HTTP/1.1 400 Bad Request\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
    },
  });
  const limiter = createRateLimiter(limits.rate, options.now);
  const authenticate = deviceAuth(options.db, limiter, options.now);
  registerBodyParsers(app);
  registerErrorHandling(app);
  registerCors(app);
  healthRoutes(app, options.db);
  enrollRoutes(app, options.db, limiter);
  const pool = limits.verifyWorkers > 0 ? createVerifyPool({ size: limits.verifyWorkers, maxHeapMb: limits.verifyHeapMb, timeoutMs: limits.verifyTimeoutMs }) : undefined;
  if (pool) app.addHook('onClose', async () => pool.close());
  submissionRoutes(app, options.db, authenticate, pool?.verify ?? verifyWorkbook);
  indicatorSetRoutes(app, options.db, authenticate);
  deviceRoutes(app, options.db, authenticate);
  adminRoutes(app, options.db, options.adminToken);
  return app;
}
