/** `POST /api/v1/enroll`: a device enrolls with a one-time code and its public key (no device signature yet: the code is the credential). */
import type { FastifyInstance } from 'fastify';
import { API_PREFIX, type EnrollRequest } from '../../src-shared/collect-protocol';
import type { Database } from '../db/database';
import type { createRateLimiter } from '../plugins/rate-limit';
import { errorReplies, replyOutcome, sendError } from '../reply-error';
import { enrollDevice } from '../services/enroll-device';

export function enrollRoutes(app: FastifyInstance, db: Database, limiter: ReturnType<typeof createRateLimiter>): void {
  app.post<{ Body: EnrollRequest }>(
    `${API_PREFIX}/enroll`,
    {
      schema: {
        body: {
          type: 'object',
          required: ['code', 'publicKey', 'proof'],
          additionalProperties: false,
          properties: {
            code: { type: 'string', minLength: 4, maxLength: 40 },
            publicKey: { type: 'string', pattern: '^[A-Za-z0-9_-]{43}$' },
            proof: { type: 'string', pattern: '^[A-Za-z0-9_-]{86}$' },
            deviceName: { type: 'string', maxLength: 100 },
          },
        },
        response: {
          201: {
            type: 'object',
            required: ['ok', 'deviceId', 'role', 'cityCode'],
            properties: {
              ok: { const: true },
              deviceId: { type: 'string' },
              role: { type: 'string' },
              cityCode: { type: 'string' },
              cityName: { type: 'string' },
              zoneId: { type: ['string', 'null'] },
              zoneName: { type: ['string', 'null'] },
              enrolledAt: { type: 'string' },
            },
          },
          ...errorReplies(),
        },
      },
    },
    async (request, reply) => {
      // Codes are guessed by address, not device: an address that keeps failing is slowed down.
      if (!limiter.take(`enroll:${request.ip}`)) return sendError(reply, 'rate-limited');
      const outcome = await enrollDevice(db, request.body, request.ip);
      if (!outcome.ok) request.log.warn({ code: outcome.code, ip: request.ip }, 'enrollment refused');
      return replyOutcome(reply, outcome, 201);
    },
  );
}
