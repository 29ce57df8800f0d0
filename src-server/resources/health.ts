/** `/api/v1/health`: the process answers. `/api/v1/ready`: the database answers and is migrated. */
import type { FastifyInstance } from 'fastify';
import { API_PREFIX } from '../../src-shared/collect-protocol';
import type { Database } from '../db/database';
import { MIGRATIONS } from '../db/migrate';
import { errorReplies, sendError } from '../reply-error';

export function healthRoutes(app: FastifyInstance, db: Database): void {
  const okSchema = { type: 'object', required: ['ok'], properties: { ok: { const: true }, status: { type: 'string' }, database: { type: 'string' }, schemaVersion: { type: 'integer' } } } as const;
  app.get(`${API_PREFIX}/health`, { schema: { response: { 200: okSchema } } }, async () => ({ ok: true, status: 'alive' }));
  app.get(`${API_PREFIX}/ready`, { schema: { response: { 200: okSchema, ...errorReplies() } } }, async (_request, reply) => {
    const latest = Math.max(...MIGRATIONS.map((m) => m.version));
    try {
      const rows = await db.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_migrations');
      const version = rows[0]?.v ?? 0;
      if (version < latest) return sendError(reply, 'not-ready', { message: `数据库结构为第 ${version} 版，服务器需要第 ${latest} 版，正在升级。请稍后再试。` });
      return { ok: true, status: 'ready', database: db.kind, schemaVersion: version };
    } catch {
      return sendError(reply, 'not-ready');
    }
  });
}
