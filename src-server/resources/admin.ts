/**
 * The local admin endpoint: what `zone-returns server enroll | revoke | list` use while the
 * server runs (the data folder is then locked). Only from the loopback address, and only with the
 * token the server wrote into its data folder (`server.json`, readable by its owner only).
 */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { API_PREFIX } from '../../src-shared/collect-protocol';
import { issueCode, listAll, publishIndicatorSet, revoke } from '../admin/admin-ops';
import type { Database } from '../db/database';
import { errorReplies, replyOutcome, sendError } from '../reply-error';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

function adminGuard(token: string | undefined) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> => {
    const given = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '')?.[1] ?? '';
    const ok = token !== undefined && LOOPBACK.has(request.socket.remoteAddress ?? '') && given.length === token.length && timingSafeEqual(Buffer.from(given), Buffer.from(token));
    return ok ? undefined : sendError(reply, 'admin-only');
  };
}

const anyOk = { type: 'object', required: ['ok'], properties: { ok: { const: true } }, additionalProperties: true } as const;

export function adminRoutes(app: FastifyInstance, db: Database, token: string | undefined): void {
  const preHandler = adminGuard(token);
  app.post<{ Body: { zoneId?: string; city?: string } }>(
    `${API_PREFIX}/admin/enrollment-codes`,
    {
      preHandler,
      schema: {
        body: { type: 'object', additionalProperties: false, minProperties: 1, maxProperties: 1, properties: { zoneId: { type: 'string', maxLength: 100 }, city: { type: 'string', maxLength: 40 } } },
        response: { 201: anyOk, ...errorReplies() },
      },
    },
    async (request, reply) => {
      const target = request.body.zoneId !== undefined ? { zoneId: request.body.zoneId } : { city: request.body.city ?? '' };
      const outcome = await issueCode(db, target, 'admin', request.ip);
      return replyOutcome(reply, outcome.ok ? { ok: true, value: { ok: true, ...outcome.value } } : outcome, 201);
    },
  );
  app.post<{ Params: { deviceId: string }; Body: { reason?: string } }>(
    `${API_PREFIX}/admin/devices/:deviceId/revoke`,
    {
      preHandler,
      schema: {
        params: { type: 'object', required: ['deviceId'], properties: { deviceId: { type: 'string', maxLength: 64 } } },
        body: { type: 'object', additionalProperties: false, properties: { reason: { type: 'string', maxLength: 500 } } },
        response: { 200: anyOk, ...errorReplies() },
      },
    },
    async (request, reply) => {
      const outcome = await revoke(db, request.params.deviceId, request.body?.reason ?? null, 'admin', request.ip);
      return replyOutcome(reply, outcome.ok ? { ok: true, value: { ok: true, device: outcome.value } } : outcome);
    },
  );
  app.post<{ Body: { set: unknown; source?: string } }>(
    `${API_PREFIX}/admin/indicator-sets`,
    {
      preHandler,
      schema: {
        body: { type: 'object', required: ['set'], additionalProperties: false, properties: { set: { type: 'object' }, source: { type: 'string', maxLength: 200 } } },
        response: { 201: anyOk, ...errorReplies() },
      },
    },
    async (request, reply) => replyOutcome(reply, await publishIndicatorSet(db, request.body.set, request.body.source ?? 'indicator-set.json', 'admin', request.ip), 201),
  );
  app.get<{ Querystring: { city?: string } }>(
    `${API_PREFIX}/admin/list`,
    { preHandler, schema: { querystring: { type: 'object', additionalProperties: false, properties: { city: { type: 'string', maxLength: 40 } } }, response: { 200: anyOk, ...errorReplies() } } },
    async (request, reply) => replyOutcome(reply, await listAll(db, request.query.city)),
  );
}
