/** `zone-returns status --server URL --key-file F`: this device's submissions (a reader: its city's) with their states. */
import { createCollectClient } from '../../src-shared/collect-protocol';
import { parseFlags, print } from './cli-args';
import { nodeFetch, randomBytes, readKeyFile } from './device-key-file';

const USAGE = '用法: zone-returns status --server http://主机:端口 --key-file 设备密钥.json [--since 游标]';

export async function run(argv: string[]): Promise<number> {
  const args = parseFlags(argv, ['server', 'key-file', 'since']);
  if (typeof args === 'string' || args.positional.length > 0 || !args.flags.has('key-file')) {
    process.stderr.write(`${typeof args === 'string' ? args : '要写 --key-file。'}\n${USAGE}\n`);
    return 2;
  }
  const key = readKeyFile(args.flags.get('key-file')!);
  if (!key.ok) {
    process.stderr.write(`${key.message}\n`);
    return 1;
  }
  const since = args.flags.has('since') ? Number(args.flags.get('since')) : undefined;
  const client = createCollectClient({ server: args.flags.get('server') ?? key.key.server, fetch: nodeFetch, randomBytes });
  const result = await client.list(key.device, since);
  if (!result.ok) {
    print({ ok: false, error: result.error });
    process.stderr.write(`${result.error.message}\n`);
    return 1;
  }
  print({
    ok: true,
    cursor: result.value.cursor,
    submissions: result.value.submissions.map((s) => ({
      submissionId: s.submissionId,
      revision: s.revision,
      sha256: s.sha256,
      state: s.state,
      reason: s.reason,
      superseded: s.superseded,
      zoneId: s.zoneId,
      period: s.periodLabel,
      receivedAt: s.receivedAt,
    })),
  });
  return 0;
}
