/**
 * One upload: the workbook is checked with the same core code the app and `verify` use, its
 * zone must be the device's and its period one of its indicator set's; then, in one transaction
 * under a lock on the zone and period, it is stored once. The same (submission id, revision,
 * SHA-256) again is the same answer; other bytes under that id and revision are a conflict.
 */
import { isUuidV4 } from '../../src-shared/crypto';
import type { CollectErrorCode } from '../../src-shared/collect-protocol';
import type { IndicatorSet } from '../../src-shared/model';
import { periodKey, periodsOf } from '../../src-shared/period';
import type { Database } from '../db/database';
import type { DeviceRow } from '../model/query/devices';
import { appendAudit } from '../model/query/audit-log';
import { findSet } from '../model/query/indicator-sets';
import { insertStateChange } from '../model/query/state-changes';
import { verifyWorkbook, type VerifyWorkbook } from './verify-workbook';
import { findByZoneRevision, findSubmission, insertSubmission, markSuperseded, type SubmissionRow } from '../model/query/submissions';

export type Received =
  | { ok: true; duplicate: boolean; row: SubmissionRow }
  | { ok: false; code: CollectErrorCode; message?: string; issues?: Array<{ code: string; message: string }> };

export interface Upload {
  bytes: Buffer;
  bodySha256: string;
  device: DeviceRow;
  canonical: string;
  signature: string;
  from: string | null;
}

function periodInSet(set: IndicatorSet, p: { year: number; endMonth: number; frequency: 'quarter' | 'month' }): boolean {
  return set.year === p.year && set.frequencies.includes(p.frequency) && periodsOf(p.year, p.frequency).some((q) => q.endMonth === p.endMonth);
}

export async function receiveSubmission(db: Database, upload: Upload, verify: VerifyWorkbook = verifyWorkbook): Promise<Received> {
  const w = await verify(new Uint8Array(upload.bytes.buffer, upload.bytes.byteOffset, upload.bytes.byteLength));
  if (!w.ok) {
    if (w.reason === 'verifier-failed') return { ok: false, code: 'not-a-workbook', message: `无法校验上传的文件（${w.message ?? ''}），未接收。文件可能过大或构造异常；请从程序中重新导出后再报送。`, issues: w.issues };
    return { ok: false, code: 'not-a-workbook', issues: w.issues };
  }
  if (!w.intact) {
    const first = w.issues[0]?.message;
    return { ok: false, code: 'workbook-tampered', ...(first ? { message: `报送工作簿未通过完整性校验：${first}。未接收；请从程序中重新导出后再报送。` } : {}), issues: w.issues };
  }
  const { identity } = w;
  if (identity.draft) return { ok: false, code: 'workbook-draft', message: `${identity.zoneName} ${identity.periodLabel} 的工作簿是草稿（导出草稿），不是报送，未接收。请校验后在程序中点“报送”，再发送报送工作簿。` };
  if (!isUuidV4(identity.submissionId)) return { ok: false, code: 'not-a-workbook', message: '报送工作簿的报送编号不是 UUID，未接收。' };
  if (identity.zoneId !== upload.device.zone_id) {
    return { ok: false, code: 'wrong-zone', message: `报送工作簿属于「${identity.zoneName}」，本设备登记的是「${upload.device.zone_name ?? ''}」，未接收。开发区只能报送本开发区的报表。` };
  }
  const setRow = await findSet(db, identity.indicatorSet.id, identity.indicatorSet.version);
  if (!setRow) return { ok: false, code: 'unknown-indicator-set', message: `服务器没有发布指标体系「${identity.indicatorSet.id} ${identity.indicatorSet.version}」，未接收。` };
  if (!periodInSet(setRow.body as IndicatorSet, identity.period)) {
    return { ok: false, code: 'period-not-in-set', message: `报告期 ${identity.periodLabel} 不属于指标体系「${setRow.name}」（${setRow.year} 年），未接收。` };
  }
  const key = periodKey(identity.period);

  return db.transaction(async (tx): Promise<Received> => {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`${identity.zoneId}|${key}`]);
    const same = await findSubmission(tx, identity.submissionId, identity.revision);
    if (same) {
      if (same.sha256 === w.checksum) return { ok: true, duplicate: true, row: same };
      return { ok: false, code: 'submission-conflict', message: `报送编号 ${identity.submissionId} 第 ${identity.revision} 版已于 ${same.received_at.toISOString()} 收到，内容（SHA-256 ${same.sha256}）与本次不同，未接收。修改后请按新版次重新导出。` };
    }
    const taken = await findByZoneRevision(tx, identity.zoneId, key, identity.revision);
    if (taken) return { ok: false, code: 'revision-conflict', message: `${identity.zoneName} ${identity.periodLabel} 第 ${identity.revision} 版已由报送编号 ${taken.submission_id} 报送，未接收。请按第 ${identity.revision + 1} 版重新导出。` };
    const seq = await insertSubmission(tx, {
      submissionId: identity.submissionId,
      revision: identity.revision,
      sha256: w.checksum,
      bodySha256: upload.bodySha256,
      workbook: upload.bytes,
      parsedReturn: w.returnJson,
      identity: JSON.stringify(identity),
      verdict: JSON.stringify({ intact: w.intact, errors: w.errors, warnings: w.warnings }),
      zoneId: identity.zoneId,
      cityCode: upload.device.city_code,
      periodKey: key,
      setId: identity.indicatorSet.id,
      setVersion: identity.indicatorSet.version,
      deviceId: upload.device.id,
      canonicalRequest: upload.canonical,
      signature: upload.signature,
      from: upload.from,
    });
    await markSuperseded(tx, identity.zoneId, key, identity.revision);
    await insertStateChange(tx, { seq, state: '已接收', reason: null, consolidation: null, actor: `device:${upload.device.id}` });
    await appendAudit(tx, {
      actor: `device:${upload.device.id}`,
      action: 'submission.received',
      target: `${identity.submissionId}@${identity.revision}`,
      detail: { zoneId: identity.zoneId, period: key, sha256: w.checksum, bodySha256: upload.bodySha256, bytes: upload.bytes.length },
      from: upload.from,
    });
    const row = await findSubmission(tx, identity.submissionId, identity.revision);
    return { ok: true, duplicate: false, row: row! };
  });
}
