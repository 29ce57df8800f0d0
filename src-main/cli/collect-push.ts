/**
 * `zone-returns push <workbook.xlsx> --server URL --key-file F [--retries N]`: uploads a submission
 * workbook signed by this device. Safe to repeat (the server stores it once), so a failed
 * connection or a server error is retried. The server's signature record is saved beside the file
 * as `<workbook>.xlsx.sig.json`, which `zone-returns verify` reads.
 */
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { createCollectClient } from '../../src-shared/collect-protocol';
import { MAX_WORKBOOK_BYTES } from '../../src-shared/workbook';
import { writeFileAtomic } from '../files/atomic-write';
import { parseFlags, print } from './cli-args';
import { nodeFetch, randomBytes, readKeyFile } from './device-key-file';

const USAGE = '用法: zone-returns push <报送工作簿.xlsx> --server http://主机:端口 --key-file 设备密钥.json [--retries 次数]';

export function signatureFileOf(workbook: string): string {
  return `${workbook}.sig.json`;
}

export async function run(argv: string[]): Promise<number> {
  const args = parseFlags(argv, ['server', 'key-file', 'retries']);
  if (typeof args === 'string' || args.positional.length !== 1 || !args.flags.has('key-file')) {
    process.stderr.write(`${typeof args === 'string' ? args : '要写一个报送工作簿和 --key-file。'}\n${USAGE}\n`);
    return 2;
  }
  const file = args.positional[0]!;
  const key = readKeyFile(args.flags.get('key-file')!);
  if (!key.ok) {
    process.stderr.write(`${key.message}\n`);
    return 1;
  }
  let bytes: Uint8Array;
  try {
    if (statSync(file).size > MAX_WORKBOOK_BYTES) throw new Error('文件太大');
    bytes = new Uint8Array(readFileSync(file));
  } catch (error) {
    process.stderr.write(`无法读取 ${basename(file)}（${error instanceof Error ? error.message : String(error)}）。\n`);
    return 1;
  }
  const retries = Math.max(0, Math.min(20, Number(args.flags.get('retries') ?? '5') || 0));
  const client = createCollectClient({ server: args.flags.get('server') ?? key.key.server, fetch: nodeFetch, randomBytes });
  let result = await client.push(key.device, bytes);
  for (let attempt = 1; attempt <= retries && !result.ok && (result.status === 0 || result.status >= 500) && result.error.code !== 'bad-response'; attempt += 1) {
    process.stderr.write(`${result.error.message} ${attempt} 秒后第 ${attempt} 次重试…\n`);
    await new Promise((r) => setTimeout(r, attempt * 1000));
    result = await client.push(key.device, bytes);
  }
  if (!result.ok) {
    print({ ok: false, file: basename(file), error: result.error });
    process.stderr.write(`${basename(file)} 未报送：${result.error.message}\n`);
    return 1;
  }
  const { submission, duplicate, signatureRecord } = result.value;
  const sidecar = signatureFileOf(file);
  const saved = await writeFileAtomic(sidecar, new TextEncoder().encode(JSON.stringify(signatureRecord, null, 2) + '\n'));
  print({ ok: true, file: basename(file), duplicate, submission, signatureFile: saved.kind === 'written' ? sidecar : null });
  process.stderr.write(
    `${submission.zoneName} ${submission.periodLabel} 第 ${submission.revision} 版${duplicate ? '此前已报送，服务器未重复保存' : '已报送'}（${submission.state}）。${saved.kind === 'written' ? `签名记录：${sidecar}` : `签名记录未能保存：${saved.message}`}\n`,
  );
  return 0;
}
