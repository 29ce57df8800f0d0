/** Published indicator sets (with their targets): the zone's app installs them after checking the checksum. */
import type { FastifyInstance, preHandlerAsyncHookHandler } from 'fastify';
import { API_PREFIX } from '../../src-shared/collect-protocol';
import type { Database } from '../db/database';
import { findSet, listSets, type IndicatorSetRow } from '../model/query/indicator-sets';
import { errorReplies, sendError } from '../reply-error';

const summarySchema = {
  type: 'object',
  required: ['id', 'version', 'year', 'name', 'sha256', 'publishedAt'],
  properties: { id: { type: 'string' }, version: { type: 'string' }, year: { type: 'integer' }, name: { type: 'string' }, sha256: { type: 'string' }, publishedAt: { type: 'string' } },
} as const;

function summary(r: IndicatorSetRow) {
  return { id: r.id, version: r.version, year: r.year, name: r.name, sha256: r.sha256, publishedAt: r.published_at.toISOString() };
}

export function indicatorSetRoutes(app: FastifyInstance, db: Database, authenticate: preHandlerAsyncHookHandler): void {
  app.get(
    `${API_PREFIX}/indicator-sets`,
    { preHandler: authenticate, schema: { response: { 200: { type: 'object', required: ['ok', 'sets'], properties: { ok: { const: true }, sets: { type: 'array', items: summarySchema } } }, ...errorReplies() } } },
    async () => ({ ok: true, sets: (await listSets(db)).map(summary) }),
  );
  app.get<{ Params: { id: string; version: string } }>(
    `${API_PREFIX}/indicator-sets/:id/:version`,
    {
      preHandler: authenticate,
      schema: {
        params: { type: 'object', required: ['id', 'version'], properties: { id: { type: 'string', maxLength: 100 }, version: { type: 'string', maxLength: 40 } } },
        response: { 200: { type: 'object', required: ['ok', 'summary', 'set'], properties: { ok: { const: true }, summary: summarySchema, set: { type: 'object', additionalProperties: true } } }, ...errorReplies() },
      },
    },
    async (request, reply) => {
      const row = await findSet(db, request.params.id, request.params.version);
      if (!row) return sendError(reply, 'not-found', { message: `服务器没有发布指标体系「${request.params.id} ${request.params.version}」。` });
      return { ok: true, summary: summary(row), set: row.body };
    },
  );
}
