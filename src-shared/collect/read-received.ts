/**
 * Reads one received file for the inbox: a submission workbook (through `readSubmissionWorkbook`,
 * the same reader as `verify`) or a return JSON file. Never throws; what it could not read is in
 * `problems`, in Chinese.
 */
import { sha256Hex } from '../crypto';
import { decodeUtf8Strict } from '../ledger/decode-text';
import { periodKey } from '../period';
import { canonicalJson, parseReturn } from '../return';
import { MAX_WORKBOOK_BYTES, readSubmissionWorkbook } from '../workbook';

export interface ReadReceived {
  fileName: string;
  bytes: Uint8Array;
  fileSha256: string;
  identity?: { submissionId: string; revision: number; exportedAt: string; zoneId: string; periodKey: string; indicatorSet: { id: string; version: string }; draft?: boolean };
  intact: boolean;
  problems: string[];
  returnJson?: string;
}

export async function readReceivedFile(bytes: Uint8Array, fileName: string, receivedAt: string = new Date().toISOString()): Promise<ReadReceived> {
  const base = { fileName, bytes, fileSha256: sha256Hex(bytes) };
  if (bytes.length > MAX_WORKBOOK_BYTES) return { ...base, intact: false, problems: [`文件太大（${bytes.length} 字节），不是报送工作簿`] };
  if (/\.json$/i.test(fileName)) {
    let json: unknown;
    const text = decodeUtf8Strict(bytes);
    try {
      if (text === null) throw new Error('not utf-8');
      json = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch {
      return { ...base, intact: false, problems: ['不是有效的 JSON 文件'] };
    }
    const r = parseReturn(json, fileName);
    if (!r.ok) return { ...base, intact: false, problems: r.issues.map((i) => i.message) };
    const ret = r.value;
    return {
      ...base,
      intact: true,
      problems: [],
      returnJson: canonicalJson(ret),
      identity: { submissionId: `json:${base.fileSha256}`, revision: 0, exportedAt: receivedAt, zoneId: ret.zoneId, periodKey: periodKey(ret.period), indicatorSet: ret.indicatorSet },
    };
  }
  const read = await readSubmissionWorkbook(bytes, { fileName });
  if (!read.ok) return { ...base, intact: false, problems: read.issues.map((i) => i.message) };
  const { identity, intact, ret } = read.value;
  return {
    ...base,
    intact,
    problems: read.issues.map((i) => i.message),
    returnJson: canonicalJson(ret),
    identity: { submissionId: identity.submissionId, revision: identity.revision, exportedAt: identity.exportedAt, zoneId: identity.zoneId, periodKey: periodKey(identity.period), indicatorSet: identity.indicatorSet, ...(identity.draft ? { draft: true } : {}) },
  };
}
