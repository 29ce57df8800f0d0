import type { Queryable } from '../../db/database';

export interface SubmissionRow {
  seq: number;
  submission_id: string;
  revision: number;
  sha256: string;
  body_sha256: string;
  size: number;
  identity: { zoneName: string; period: { year: number; endMonth: number; frequency: 'quarter' | 'month' }; periodLabel: string };
  zone_id: string;
  city_code: string;
  period_key: string;
  set_id: string;
  set_version: string;
  device_id: string;
  device_name: string | null;
  public_key: string;
  canonical_request: string;
  signature: string;
  received_at: Date;
  state: '已接收' | '退回修改' | '已汇总';
  reason: string | null;
  /** When the bureau last changed the state (退回修改, 已汇总); null while 已接收. */
  state_changed_at: Date | null;
  superseded: boolean;
}

const SELECT = `SELECT s.seq, s.submission_id, s.revision, s.sha256, s.body_sha256, s.size, s.identity, s.zone_id, s.city_code, s.period_key,
  s.set_id, s.set_version, s.device_id, d.device_name, d.public_key, s.canonical_request, s.signature, s.received_at, s.state, s.reason, s.state_changed_at, s.superseded
  FROM submissions s JOIN devices d ON d.id = s.device_id`;

export interface NewSubmission {
  submissionId: string;
  revision: number;
  sha256: string;
  bodySha256: string;
  workbook: Uint8Array;
  parsedReturn: string;
  identity: string;
  verdict: string;
  zoneId: string;
  cityCode: string;
  periodKey: string;
  setId: string;
  setVersion: string;
  deviceId: string;
  canonicalRequest: string;
  signature: string;
  from: string | null;
}

export async function insertSubmission(db: Queryable, s: NewSubmission): Promise<number> {
  const rows = await db.query<{ seq: number }>(
    `INSERT INTO submissions (submission_id, revision, sha256, body_sha256, workbook, size, parsed_return, identity, verdict, zone_id, city_code,
       period_key, set_id, set_version, device_id, canonical_request, signature, received_from,
       superseded)
     VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb, $9::jsonb, $10, $11, $12, $13, $14, $15, $16, $17, $18,
       EXISTS (SELECT 1 FROM submissions WHERE zone_id = $10 AND period_key = $12 AND revision > $2))
     RETURNING seq`,
    [s.submissionId, s.revision, s.sha256, s.bodySha256, s.workbook, s.workbook.length, s.parsedReturn, s.identity, s.verdict, s.zoneId, s.cityCode,
      s.periodKey, s.setId, s.setVersion, s.deviceId, s.canonicalRequest, s.signature, s.from],
  );
  return rows[0]!.seq;
}

/** A newer revision supersedes the older ones of the same zone and period. */
export async function markSuperseded(db: Queryable, zoneId: string, periodKey: string, revision: number): Promise<void> {
  await db.query('UPDATE submissions SET superseded = true WHERE zone_id = $1 AND period_key = $2 AND revision < $3 AND NOT superseded', [zoneId, periodKey, revision]);
}

export async function findSubmission(db: Queryable, submissionId: string, revision: number): Promise<SubmissionRow | undefined> {
  return (await db.query<SubmissionRow>(`${SELECT} WHERE s.submission_id = $1 AND s.revision = $2`, [submissionId, revision]))[0];
}

export async function findByZoneRevision(db: Queryable, zoneId: string, periodKey: string, revision: number): Promise<SubmissionRow | undefined> {
  return (await db.query<SubmissionRow>(`${SELECT} WHERE s.zone_id = $1 AND s.period_key = $2 AND s.revision = $3`, [zoneId, periodKey, revision]))[0];
}

export async function listForZone(db: Queryable, zoneId: string): Promise<SubmissionRow[]> {
  return db.query<SubmissionRow>(`${SELECT} WHERE s.zone_id = $1 ORDER BY s.seq`, [zoneId]);
}

export async function listForCity(db: Queryable, cityCode: string | undefined, since: number, limit: number): Promise<SubmissionRow[]> {
  return cityCode === undefined
    ? db.query<SubmissionRow>(`${SELECT} WHERE s.seq > $1 ORDER BY s.seq LIMIT $2`, [since, limit])
    : db.query<SubmissionRow>(`${SELECT} WHERE s.city_code = $1 AND s.seq > $2 ORDER BY s.seq LIMIT $3`, [cityCode, since, limit]);
}

export async function workbookBytes(db: Queryable, seq: number): Promise<Uint8Array | undefined> {
  const row = (await db.query<{ workbook: Uint8Array }>('SELECT workbook FROM submissions WHERE seq = $1', [seq]))[0];
  return row?.workbook;
}

export async function setState(db: Queryable, seq: number, state: string, reason: string | null): Promise<void> {
  await db.query('UPDATE submissions SET state = $2, reason = $3, state_changed_at = now() WHERE seq = $1', [seq, state, reason]);
}

export async function countSubmissions(db: Queryable): Promise<number> {
  const rows = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM submissions');
  return rows[0]?.n ?? 0;
}
