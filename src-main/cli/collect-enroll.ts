/**
 * `zone-returns enroll --server URL --code CODE --key-file F [--name 设备名称]`: makes an Ed25519
 * key pair here, enrolls its public key with the one-time code, and keeps the key in F (owner-only).
 */
import { existsSync } from 'node:fs';
import { createCollectClient, nobleSigner } from '../../src-shared/collect-protocol';
import { parseFlags, print } from './cli-args';
import { KEY_FILE_FORMAT, newSecretKey, nodeFetch, randomBytes, secretHex, writeKeyFile } from './device-key-file';

const USAGE = '用法: zone-returns enroll --server http://主机:端口 --code 报送码 --key-file 设备密钥.json [--name 设备名称]';

export async function run(argv: string[]): Promise<number> {
  const args = parseFlags(argv, ['server', 'code', 'key-file', 'name']);
  if (typeof args === 'string' || args.positional.length > 0 || !args.flags.has('server') || !args.flags.has('code') || !args.flags.has('key-file')) {
    process.stderr.write(`${typeof args === 'string' ? args : '要写 --server、--code 和 --key-file。'}\n${USAGE}\n`);
    return 2;
  }
  const server = args.flags.get('server')!;
  const keyFile = args.flags.get('key-file')!;
  if (existsSync(keyFile)) {
    process.stderr.write(`设备密钥文件 ${keyFile} 已存在，本设备已登记过。如需重新登记，请换一个文件名（旧设备可由市商务局停用）。\n`);
    return 1;
  }
  const secret = newSecretKey();
  const signer = nobleSigner(secret);
  const client = createCollectClient({ server, fetch: nodeFetch, randomBytes });
  const result = await client.enroll(args.flags.get('code')!, signer, args.flags.get('name'));
  if (!result.ok) {
    print({ ok: false, error: result.error });
    process.stderr.write(`登记失败：${result.error.message}\n`);
    return 1;
  }
  const e = result.value;
  const saved = await writeKeyFile(keyFile, {
    format: KEY_FILE_FORMAT,
    server,
    deviceId: e.deviceId,
    role: e.role,
    cityCode: e.cityCode,
    zoneId: e.zoneId,
    zoneName: e.zoneName,
    publicKey: signer.publicKey,
    secretKey: secretHex(secret),
  });
  if (!saved.ok) {
    process.stderr.write(`已登记，但设备密钥未能保存：${saved.message} 请让市商务局停用设备 ${e.deviceId} 并重新发放报送码。\n`);
    return 1;
  }
  print({ ok: true, deviceId: e.deviceId, role: e.role, zoneId: e.zoneId, zoneName: e.zoneName, cityCode: e.cityCode, cityName: e.cityName, publicKey: signer.publicKey, keyFile });
  process.stderr.write(`已登记：${e.zoneName ?? e.cityName}的设备 ${e.deviceId}。密钥保存在 ${keyFile}，请勿外传。\n`);
  return 0;
}
