/** Every error answer: `{ ok: false, error: { code, message, field?, issues? } }` with the code's HTTP status. */
import type { FastifyReply } from 'fastify';
import { COLLECT_ERRORS, collectError, type CollectError, type CollectErrorCode } from '../src-shared/collect-protocol';

export function sendError(reply: FastifyReply, code: CollectErrorCode, detail?: Parameters<typeof collectError>[1]): FastifyReply {
  const error: CollectError = collectError(code, detail);
  return reply.code(COLLECT_ERRORS[code].status || 500).type('application/json; charset=utf-8').send({ ok: false, error });
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; code: CollectErrorCode; message?: string; field?: string };

export function replyOutcome<T>(reply: FastifyReply, outcome: Outcome<T>, status = 200): FastifyReply {
  if (outcome.ok) return reply.code(status).send(outcome.value);
  return sendError(reply, outcome.code, { ...(outcome.message ? { message: outcome.message } : {}), ...(outcome.field ? { field: outcome.field } : {}) });
}

export const errorReplySchema = {
  type: 'object',
  required: ['ok', 'error'],
  properties: {
    ok: { const: false },
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string' },
        message: { type: 'string' },
        field: { type: 'string' },
        issues: { type: 'array', items: { type: 'object', properties: { code: { type: 'string' }, message: { type: 'string' } } } },
      },
    },
  },
} as const;

/** The error replies a route may give, for its `response` schema. */
export function errorReplies(...statuses: number[]): Record<number, typeof errorReplySchema> {
  return Object.fromEntries([400, 401, 403, 404, 408, 409, 413, 415, 422, 429, 500, 503, ...statuses].map((s) => [s, errorReplySchema]));
}
