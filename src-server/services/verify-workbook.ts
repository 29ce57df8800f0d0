/**
 * What the server needs from `readSubmissionWorkbook`, as plain data that crosses a worker
 * boundary: the verdict, the identity, the computed checksum and the return's canonical JSON.
 */
import { canonicalJson } from '../../src-shared/return';
import { readSubmissionWorkbook, type SubmissionIdentity } from '../../src-shared/workbook';

export type VerifiedWorkbook =
  | { ok: false; reason: 'not-a-workbook' | 'verifier-failed'; message?: string; issues: Array<{ code: string; message: string }> }
  | { ok: true; intact: boolean; identity: SubmissionIdentity; checksum: string; returnJson: string; errors: number; warnings: number; issues: Array<{ code: string; message: string }> };

export type VerifyWorkbook = (bytes: Uint8Array) => Promise<VerifiedWorkbook>;

export async function verifyWorkbook(bytes: Uint8Array): Promise<VerifiedWorkbook> {
  const read = await readSubmissionWorkbook(bytes);
  const issues = read.issues.map((i) => ({ code: i.code, message: i.message }));
  if (!read.ok) return { ok: false, reason: 'not-a-workbook', issues };
  const w = read.value;
  const errors = w.payload.issues.filter((i) => i.severity === 'error').length;
  return { ok: true, intact: w.intact, identity: w.identity, checksum: w.checksum.computed, returnJson: canonicalJson(w.ret), errors, warnings: w.payload.issues.length - errors, issues };
}
