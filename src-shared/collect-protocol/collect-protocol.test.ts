import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../crypto';
import {
  canonicalRequest,
  checkSignatureRecord,
  decodeUtf8,
  formatAuthHeader,
  fromBase64Url,
  fromHexString,
  keyPairFromSeed,
  nobleSigner,
  parseAuthHeader,
  signText,
  toBase64Url,
  toHexString,
  verifySignature,
  type UploadSignatureRecord,
} from '.';

const seed = (n: number) => new Uint8Array(32).fill(n);

describe('encodings', () => {
  it.each([[''], ['f'], ['fo'], ['foo'], ['foob'], ['fooba'], ['foobar']])('base64url round trip of %j', (text) => {
    const bytes = new TextEncoder().encode(text);
    const encoded = toBase64Url(bytes);
    expect(encoded).toBe(Buffer.from(bytes).toString('base64url'));
    expect(fromBase64Url(encoded)).toEqual(bytes);
  });

  it('refuses text that is not base64url or hex', () => {
    expect(fromBase64Url('a+b/')).toBeUndefined();
    expect(fromBase64Url('a')).toBeUndefined();
    expect(fromHexString('abc')).toBeUndefined();
    expect(toHexString(fromHexString('00ff10')!)).toBe('00ff10');
  });

  it.each([['晋城开发区 2024年1–3月'], ['a\u{1F600}b'], ['']])('decodes UTF-8 like TextDecoder: %j', (text) => {
    expect(decodeUtf8(new TextEncoder().encode(text))).toBe(text);
  });

  it('a broken UTF-8 sequence becomes U+FFFD', () => {
    expect(decodeUtf8(new Uint8Array([0x61, 0xe6, 0x62]))).toBe('a\uFFFDb');
  });
});

describe('signed requests', () => {
  const signer = nobleSigner(keyPairFromSeed(seed(7)).secretKey);
  const request = { deviceId: 'dev-1', method: 'post', path: '/api/v1/submissions?x=1', timestamp: 1_700_000_000_000, nonce: 'ab'.repeat(16), bodySha256: sha256Hex('body') };

  it('the canonical request names the scheme, device, method, path, time, nonce and body hash, one per line', () => {
    expect(canonicalRequest(request).split('\n')).toEqual(['ZR1-Ed25519', 'dev-1', 'POST', '/api/v1/submissions?x=1', '1700000000000', 'ab'.repeat(16), sha256Hex('body')]);
  });

  it('the header round-trips and malformed headers are refused', async () => {
    const signature = await signText(signer, canonicalRequest(request));
    const header = formatAuthHeader({ deviceId: 'dev-1', timestamp: request.timestamp, nonce: request.nonce, signature });
    expect(parseAuthHeader(header)).toEqual({ deviceId: 'dev-1', timestamp: request.timestamp, nonce: request.nonce, signature });
    expect(parseAuthHeader(undefined)).toBeUndefined();
    expect(parseAuthHeader('Bearer abc')).toBeUndefined();
    expect(parseAuthHeader(header.replace('nonce=', 'nonce=zz'))).toBeUndefined();
  });

  it('a signature verifies under its key only, and only for the text signed', async () => {
    const text = canonicalRequest(request);
    const signature = await signText(signer, text);
    expect(verifySignature(signer.publicKey, text, signature)).toBe(true);
    expect(verifySignature(signer.publicKey, text.replace('POST', 'GET'), signature)).toBe(false);
    expect(verifySignature(nobleSigner(keyPairFromSeed(seed(8)).secretKey).publicKey, text, signature)).toBe(false);
    expect(verifySignature('not-a-key', text, signature)).toBe(false);
  });
});

describe('signature records', () => {
  it('prove which device sent which bytes, and notice changed bytes or a forged signature', async () => {
    const signer = nobleSigner(keyPairFromSeed(seed(9)).secretKey);
    const bytes = new TextEncoder().encode('workbook bytes');
    const canonical = canonicalRequest({ deviceId: 'dev-9', method: 'POST', path: '/api/v1/submissions', timestamp: 1, nonce: 'cd'.repeat(16), bodySha256: sha256Hex(bytes) });
    const record: UploadSignatureRecord = {
      format: 'zone-returns/upload-signature@1',
      algorithm: 'Ed25519',
      submissionId: 's',
      revision: 1,
      sha256: 'x',
      bodySha256: sha256Hex(bytes),
      zoneId: 'jincheng-kfq',
      zoneName: '晋城开发区',
      cityCode: '140500',
      deviceId: 'dev-9',
      deviceName: null,
      publicKey: signer.publicKey,
      canonicalRequest: canonical,
      signature: await signText(signer, canonical),
      receivedAt: '2024-04-08T08:30:00.000Z',
    };
    const ok = checkSignatureRecord(record, bytes);
    expect(ok.ok && ok.message).toContain('晋城开发区');
    expect(checkSignatureRecord(record, new TextEncoder().encode('other bytes'))).toMatchObject({ ok: false, code: 'bytes-differ' });
    expect(checkSignatureRecord({ ...record, signature: record.signature.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')) }, bytes)).toMatchObject({ ok: false, code: 'signature-invalid' });
    expect(checkSignatureRecord({ ...record, deviceId: 'dev-10' }, bytes)).toMatchObject({ ok: false, code: 'request-mismatch' });
    expect(checkSignatureRecord({ format: 'x' }, bytes)).toMatchObject({ ok: false, code: 'record-malformed' });
  });
});
