/** Rows to the protocol's JSON shapes. */
import type { SubmissionSummary, UploadSignatureRecord } from '../../src-shared/collect-protocol';
import type { SubmissionRow } from '../model/query/submissions';

export function submissionSummary(row: SubmissionRow): SubmissionSummary {
  return {
    seq: row.seq,
    submissionId: row.submission_id,
    revision: row.revision,
    sha256: row.sha256,
    bodySha256: row.body_sha256,
    bytes: row.size,
    zoneId: row.zone_id,
    zoneName: row.identity.zoneName,
    cityCode: row.city_code,
    period: row.identity.period,
    periodLabel: row.identity.periodLabel,
    indicatorSet: { id: row.set_id, version: row.set_version },
    state: row.state,
    reason: row.reason,
    stateChangedAt: row.state_changed_at?.toISOString() ?? null,
    superseded: row.superseded,
    receivedAt: row.received_at.toISOString(),
    deviceId: row.device_id,
  };
}

export function signatureRecord(row: SubmissionRow): UploadSignatureRecord {
  return {
    format: 'zone-returns/upload-signature@1',
    algorithm: 'Ed25519',
    submissionId: row.submission_id,
    revision: row.revision,
    sha256: row.sha256,
    bodySha256: row.body_sha256,
    zoneId: row.zone_id,
    zoneName: row.identity.zoneName,
    cityCode: row.city_code,
    deviceId: row.device_id,
    deviceName: row.device_name,
    publicKey: row.public_key,
    canonicalRequest: row.canonical_request,
    signature: row.signature,
    receivedAt: row.received_at.toISOString(),
  };
}

const period = {
  type: 'object',
  required: ['year', 'endMonth', 'frequency'],
  properties: { year: { type: 'integer' }, endMonth: { type: 'integer' }, frequency: { type: 'string' } },
} as const;

export const submissionSummarySchema = {
  type: 'object',
  required: ['seq', 'submissionId', 'revision', 'sha256', 'zoneId', 'state', 'receivedAt'],
  properties: {
    seq: { type: 'integer' },
    submissionId: { type: 'string' },
    revision: { type: 'integer' },
    sha256: { type: 'string' },
    bodySha256: { type: 'string' },
    bytes: { type: 'integer' },
    zoneId: { type: 'string' },
    zoneName: { type: 'string' },
    cityCode: { type: 'string' },
    period,
    periodLabel: { type: 'string' },
    indicatorSet: { type: 'object', properties: { id: { type: 'string' }, version: { type: 'string' } } },
    state: { type: 'string', enum: ['已接收', '退回修改', '已汇总'] },
    reason: { type: ['string', 'null'] },
    stateChangedAt: { type: ['string', 'null'] },
    superseded: { type: 'boolean' },
    receivedAt: { type: 'string' },
    deviceId: { type: 'string' },
  },
} as const;

export const signatureRecordSchema = {
  type: 'object',
  required: ['format', 'algorithm', 'submissionId', 'revision', 'bodySha256', 'deviceId', 'publicKey', 'canonicalRequest', 'signature'],
  properties: {
    format: { type: 'string' },
    algorithm: { type: 'string' },
    submissionId: { type: 'string' },
    revision: { type: 'integer' },
    sha256: { type: 'string' },
    bodySha256: { type: 'string' },
    zoneId: { type: 'string' },
    zoneName: { type: 'string' },
    cityCode: { type: 'string' },
    deviceId: { type: 'string' },
    deviceName: { type: ['string', 'null'] },
    publicKey: { type: 'string' },
    canonicalRequest: { type: 'string' },
    signature: { type: 'string' },
    receivedAt: { type: 'string' },
  },
} as const;
