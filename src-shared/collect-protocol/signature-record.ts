/** Checks an upload's signature record against workbook bytes: who signed which bytes. */
import { sha256Hex } from '../crypto';
import { canonicalRequest, parseAuthHeader } from './canonical-request';
import { verifySignature } from './signer';
import type { UploadSignatureRecord } from './types';

export type SignatureCheck =
  | { ok: true; record: UploadSignatureRecord; message: string }
  | { ok: false; code: 'record-malformed' | 'bytes-differ' | 'request-mismatch' | 'signature-invalid'; message: string };

function isRecord(value: unknown): value is UploadSignatureRecord {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  const texts = ['submissionId', 'sha256', 'bodySha256', 'zoneId', 'zoneName', 'cityCode', 'deviceId', 'publicKey', 'canonicalRequest', 'signature', 'receivedAt'];
  return v.format === 'zone-returns/upload-signature@1' && v.algorithm === 'Ed25519' && typeof v.revision === 'number' && texts.every((k) => typeof v[k] === 'string');
}

/** The canonical request must name these bytes' SHA-256 and this device; the signature must hold. */
export function checkSignatureRecord(value: unknown, bytes: Uint8Array): SignatureCheck {
  if (!isRecord(value)) return { ok: false, code: 'record-malformed', message: '签名记录的格式不对（应为 zone-returns/upload-signature@1）。' };
  const record = value;
  const bodySha256 = sha256Hex(bytes);
  if (bodySha256 !== record.bodySha256) return { ok: false, code: 'bytes-differ', message: `工作簿文件与签名记录不符：文件的 SHA-256 为 ${bodySha256}，签名记录为 ${record.bodySha256}。文件在签名后被改动过。` };
  const lines = record.canonicalRequest.split('\n');
  const rebuilt = lines.length === 7 ? canonicalRequest({ deviceId: lines[1]!, method: lines[2]!, path: lines[3]!, timestamp: Number(lines[4]), nonce: lines[5]!, bodySha256: lines[6]! }) : '';
  if (rebuilt !== record.canonicalRequest || lines[1] !== record.deviceId || lines[6] !== bodySha256) {
    return { ok: false, code: 'request-mismatch', message: '签名记录中的请求与记录的设备或文件不符。' };
  }
  if (!verifySignature(record.publicKey, record.canonicalRequest, record.signature)) {
    return { ok: false, code: 'signature-invalid', message: '签名无效：签名不是该设备公钥对这份文件的签名。' };
  }
  return { ok: true, record, message: `由 ${record.zoneName} 的设备 ${record.deviceId}${record.deviceName ? `（${record.deviceName}）` : ''} 签名报送，服务器于 ${record.receivedAt} 接收。` };
}

export { parseAuthHeader };
