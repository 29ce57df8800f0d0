/**
 * Submissions: a zone uploads its workbooks and asks for their states; the bureau's reader lists
 * its city's since a cursor, downloads the bytes with their signature record, sends one back
 * (退回修改) with a reason or records it as taken into a consolidation (已汇总).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { API_PREFIX, WORKBOOK_MEDIA_TYPE, type SubmissionState } from '../../src-shared/collect-protocol';
import type { Database } from '../db/database';
import { signatureRecord, signatureRecordSchema, submissionSummary, submissionSummarySchema } from '../frames/submission-summary';
import { appendAudit } from '../model/query/audit-log';
import type { DeviceRow } from '../model/query/devices';
import { insertStateChange } from '../model/query/state-changes';
import { findSubmission, listForCity, listForZone, setState, workbookBytes, type SubmissionRow } from '../model/query/submissions';
import { bodySha256 } from '../plugins/auth';
import { errorReplies, sendError } from '../reply-error';
import { receiveSubmission } from '../services/receive-submission';
import type { VerifyWorkbook } from '../services/verify-workbook';

type Params = { submissionId: string; revision: number };
const paramsSchema = {
  type: 'object',
  required: ['submissionId', 'revision'],
  properties: { submissionId: { type: 'string', pattern: '^[0-9a-f-]{36}$' }, revision: { type: 'integer', minimum: 1, maximum: 100000 } },
} as const;
const oneSubmission = { type: 'object', required: ['ok', 'submission'], properties: { ok: { const: true }, submission: submissionSummarySchema } } as const;

/** A zone sees its own zone's submissions, a reader its own city's; nobody else's. */
function mayRead(device: DeviceRow, row: SubmissionRow): boolean {
  return device.role === 'zone' ? device.zone_id === row.zone_id : device.city_code === row.city_code;
}

async function visible(db: Database, request: FastifyRequest<{ Params: Params }>, reply: FastifyReply): Promise<SubmissionRow | FastifyReply> {
  const row = await findSubmission(db, request.params.submissionId, request.params.revision);
  if (!row) return sendError(reply, 'not-found', { message: `没有报送编号 ${request.params.submissionId} 第 ${request.params.revision} 版的报送。` });
  const device = request.device!;
  if (!mayRead(device, row)) return sendError(reply, device.role === 'zone' ? 'forbidden' : 'wrong-city', device.role === 'zone' ? { message: '该报送不属于本设备登记的开发区，无权查看。' } : {});
  return row;
}

export function submissionRoutes(app: FastifyInstance, db: Database, authenticate: preHandlerAsyncHookHandler, verify: VerifyWorkbook): void {
  app.post(
    `${API_PREFIX}/submissions`,
    {
      preHandler: authenticate,
      schema: {
        headers: { type: 'object', required: ['content-type'], properties: { 'content-type': { type: 'string' } } },
        response: {
          200: { type: 'object', required: ['ok', 'duplicate', 'submission', 'signatureRecord'], properties: { ok: { const: true }, duplicate: { type: 'boolean' }, submission: submissionSummarySchema, signatureRecord: signatureRecordSchema } },
          201: { type: 'object', required: ['ok', 'duplicate', 'submission', 'signatureRecord'], properties: { ok: { const: true }, duplicate: { type: 'boolean' }, submission: submissionSummarySchema, signatureRecord: signatureRecordSchema } },
          ...errorReplies(),
        },
      },
    },
    async (request, reply) => {
      const device = request.device!;
      if (device.role !== 'zone') return sendError(reply, 'forbidden', { message: '市商务局的查阅设备不能报送报表；报表由开发区的设备报送。' });
      if (!Buffer.isBuffer(request.body) || request.headers['content-type']?.split(';')[0]?.trim() === 'application/json') {
        return sendError(reply, 'unsupported-media-type', { field: 'Content-Type' });
      }
      const received = await receiveSubmission(db, { bytes: request.body, bodySha256: bodySha256(request), device, canonical: request.signed!.canonical, signature: request.signed!.signature, from: request.ip }, verify);
      if (!received.ok) {
        request.log.warn({ code: received.code, device: device.id }, 'upload refused');
        return sendError(reply, received.code, { ...(received.message ? { message: received.message } : {}), ...(received.issues ? { issues: received.issues.slice(0, 50) } : {}) });
      }
      return reply.code(received.duplicate ? 200 : 201).send({ ok: true, duplicate: received.duplicate, submission: submissionSummary(received.row), signatureRecord: signatureRecord(received.row) });
    },
  );

  app.get<{ Querystring: { since?: number; limit?: number } }>(
    `${API_PREFIX}/submissions`,
    {
      preHandler: authenticate,
      schema: {
        querystring: { type: 'object', additionalProperties: false, properties: { since: { type: 'integer', minimum: 0 }, limit: { type: 'integer', minimum: 1, maximum: 1000 } } },
        response: { 200: { type: 'object', required: ['ok', 'submissions', 'cursor'], properties: { ok: { const: true }, submissions: { type: 'array', items: submissionSummarySchema }, cursor: { type: ['integer', 'null'] } } }, ...errorReplies() },
      },
    },
    async (request) => {
      const device = request.device!;
      const since = request.query.since ?? 0;
      const rows = device.role === 'zone' ? (await listForZone(db, device.zone_id!)).filter((r) => r.seq > since) : await listForCity(db, device.city_code, since, request.query.limit ?? 500);
      const last = rows.at(-1);
      return { ok: true, submissions: rows.map(submissionSummary), cursor: last ? last.seq : since === 0 ? null : since };
    },
  );

  app.get<{ Params: Params }>(
    `${API_PREFIX}/submissions/:submissionId/revisions/:revision`,
    { preHandler: authenticate, schema: { params: paramsSchema, response: { 200: oneSubmission, ...errorReplies() } } },
    async (request, reply) => {
      const row = await visible(db, request, reply);
      return 'seq' in row ? { ok: true, submission: submissionSummary(row) } : row;
    },
  );

  app.get<{ Params: Params }>(
    `${API_PREFIX}/submissions/:submissionId/revisions/:revision/signature`,
    { preHandler: authenticate, schema: { params: paramsSchema, response: { 200: { type: 'object', required: ['ok', 'signatureRecord'], properties: { ok: { const: true }, signatureRecord: signatureRecordSchema } }, ...errorReplies() } } },
    async (request, reply) => {
      const row = await visible(db, request, reply);
      return 'seq' in row ? { ok: true, signatureRecord: signatureRecord(row) } : row;
    },
  );

  app.get<{ Params: Params }>(
    `${API_PREFIX}/submissions/:submissionId/revisions/:revision/workbook`,
    { preHandler: authenticate, schema: { params: paramsSchema, response: { ...errorReplies() } } },
    async (request, reply) => {
      const row = await visible(db, request, reply);
      if (!('seq' in row)) return row;
      const bytes = await workbookBytes(db, row.seq);
      return reply
        .type(WORKBOOK_MEDIA_TYPE)
        .header('content-disposition', `attachment; filename="${row.submission_id}-r${row.revision}.xlsx"`)
        .header('x-zr-body-sha256', row.body_sha256)
        .send(Buffer.from(bytes!));
    },
  );

  const transition = (action: 'send-back' | 'accept', to: SubmissionState, from: SubmissionState[]) =>
    app.post<{ Params: Params; Body: { reason?: string; consolidation?: string } }>(
      `${API_PREFIX}/submissions/:submissionId/revisions/:revision/${action}`,
      {
        preHandler: authenticate,
        schema: {
          params: paramsSchema,
          body:
            action === 'send-back'
              ? { type: 'object', required: ['reason'], additionalProperties: false, properties: { reason: { type: 'string', minLength: 1, maxLength: 2000, pattern: '\\S' } } }
              : { type: 'object', required: ['consolidation'], additionalProperties: false, properties: { consolidation: { type: 'string', minLength: 1, maxLength: 200 } } },
          response: { 200: oneSubmission, ...errorReplies() },
        },
      },
      async (request, reply) => {
        const device = request.device!;
        if (device.role !== 'reader') return sendError(reply, 'forbidden', { message: '只有市商务局的设备可以退回或汇总报送。' });
        const found = await visible(db, request, reply);
        if (!('seq' in found)) return found;
        const outcome = await db.transaction(async (tx) => {
          const row = (await findSubmission(tx, found.submission_id, found.revision))!;
          await tx.query('SELECT seq FROM submissions WHERE seq = $1 FOR UPDATE', [row.seq]);
          if (row.superseded) return { ok: false as const, message: `第 ${row.revision} 版已被新版次取代，请对最新版次操作。` };
          if (!from.includes(row.state)) return { ok: false as const, message: `该报送当前为「${row.state}」，不能${action === 'send-back' ? '退回修改' : '记为已汇总'}。` };
          const reason = request.body.reason?.trim() ?? null;
          await setState(tx, row.seq, to, action === 'send-back' ? reason : row.reason);
          await insertStateChange(tx, { seq: row.seq, state: to, reason, consolidation: request.body.consolidation ?? null, actor: `device:${device.id}` });
          await appendAudit(tx, { actor: `device:${device.id}`, action: `submission.${action}`, target: `${row.submission_id}@${row.revision}`, detail: { ...request.body }, from: request.ip });
          return { ok: true as const, row: (await findSubmission(tx, row.submission_id, row.revision))! };
        });
        if (!outcome.ok) return sendError(reply, 'invalid-transition', { message: outcome.message });
        return { ok: true, submission: submissionSummary(outcome.row) };
      },
    );
  transition('send-back', '退回修改', ['已接收', '已汇总']);
  transition('accept', '已汇总', ['已接收']);
}
