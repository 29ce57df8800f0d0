/**
 * `zone-returns server enroll --zone <id> | --city <市>`, `server revoke <设备编号>`, `server list [--city …]`,
 * each with `[--data DIR | --database postgres://…]`. With a running server on the data folder
 * they go through its local admin endpoint (address and token in DIR/server.json); otherwise
 * they open the folder (locked meanwhile) or the PostgreSQL database themselves.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { join } from 'node:path';
import { issueCode, listAll, publishIndicatorSet, revoke } from '../../src-server/admin/admin-ops';
import { lockHolder } from '../../src-server/data-lock';
import { openStorage } from '../../src-server/open-database';
import type { Outcome } from '../../src-server/reply-error';
import { RUNTIME_FILE } from '../../src-server/start-server';
import { parseFlags, print } from './cli-args';

const USAGE = [
  '用法: zone-returns server enroll --zone <开发区id> [--data 数据目录 | --database postgres://…]   为开发区发放一次性报送码（7 天有效）',
  '      zone-returns server enroll --city <市名或代码> [...]                                     为市商务局自己的程序发放查阅码',
  '      zone-returns server revoke <设备编号> [--reason 原因] [...]                               停用一台设备',
  '      zone-returns server list [--city <市>] [...]                                               列出设备、报送码和报送（JSON）',
  '      zone-returns server publish-set <指标体系.json> [...]                                      发布新的指标体系及省定目标（开发区程序校验后安装）',
].join('\n');

interface Runtime {
  pid: number;
  url: string;
  adminToken: string;
}

function runningServer(dataDir: string): Runtime | undefined {
  const pid = lockHolder(dataDir);
  if (pid === undefined) return undefined;
  try {
    const runtime = JSON.parse(readFileSync(join(dataDir, RUNTIME_FILE), 'utf8')) as Runtime;
    return runtime.pid === pid ? runtime : undefined;
  } catch {
    return undefined;
  }
}

async function viaEndpoint(runtime: Runtime, method: string, path: string, body?: unknown): Promise<{ ok: boolean; value: unknown; message?: string }> {
  try {
    const response = await fetch(`${runtime.url}/api/v1/admin${path}`, {
      method,
      headers: { authorization: `Bearer ${runtime.adminToken}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const json = (await response.json()) as { ok: boolean; error?: { message: string } };
    return json.ok ? { ok: true, value: json } : { ok: false, value: json, message: json.error?.message ?? '' };
  } catch (error) {
    return { ok: false, value: null, message: `无法连接正在运行的报送服务器 ${runtime.url}（${error instanceof Error ? error.message : String(error)}）。` };
  }
}

function finish(outcome: Outcome<unknown> | { ok: boolean; value: unknown; message?: string }): number {
  if (outcome.ok) {
    print(outcome.value);
    return 0;
  }
  const message = 'message' in outcome && outcome.message ? outcome.message : '操作失败。';
  print({ ok: false, error: { code: 'code' in outcome ? outcome.code : 'failed', message } });
  process.stderr.write(`${message}\n`);
  return 1;
}

export async function run(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  const args = parseFlags(rest, ['zone', 'city', 'data', 'database', 'reason']);
  if (typeof args === 'string' || !sub || !['enroll', 'revoke', 'list', 'publish-set'].includes(sub)) {
    process.stderr.write(`${typeof args === 'string' ? args : sub ? `未知的子命令「${sub}」。` : '缺少子命令。'}\n${USAGE}\n`);
    return 2;
  }
  const f = args.flags;
  if (f.has('data') && f.has('database')) {
    process.stderr.write('--data 与 --database 只能选一个。\n');
    return 2;
  }
  let op: { method: string; path: string; body?: unknown };
  if (sub === 'enroll') {
    if (f.has('zone') === f.has('city') || args.positional.length > 0) {
      process.stderr.write(`server enroll 要写 --zone <开发区id> 或 --city <市>（二选一）。\n${USAGE}\n`);
      return 2;
    }
    op = { method: 'POST', path: '/enrollment-codes', body: f.has('zone') ? { zoneId: f.get('zone') } : { city: f.get('city') } };
  } else if (sub === 'revoke') {
    if (args.positional.length !== 1) {
      process.stderr.write(`server revoke 要写一个设备编号（见 server list）。\n${USAGE}\n`);
      return 2;
    }
    op = { method: 'POST', path: `/devices/${encodeURIComponent(args.positional[0]!)}/revoke`, body: f.has('reason') ? { reason: f.get('reason') } : {} };
  } else if (sub === 'publish-set') {
    if (args.positional.length !== 1) {
      process.stderr.write(`server publish-set 要写一个指标体系 JSON 文件。\n${USAGE}\n`);
      return 2;
    }
    let set: unknown;
    try {
      set = JSON.parse(readFileSync(args.positional[0]!, 'utf8'));
    } catch (error) {
      process.stderr.write(`无法读取指标体系文件 ${args.positional[0]}（${error instanceof Error ? error.message : String(error)}）。\n`);
      return 1;
    }
    op = { method: 'POST', path: '/indicator-sets', body: { set, source: basename(args.positional[0]!) } };
  } else {
    op = { method: 'GET', path: `/list${f.has('city') ? `?city=${encodeURIComponent(f.get('city')!)}` : ''}` };
  }

  const database = f.get('database');
  const dataDir = f.get('data') ?? 'collect-data';
  if (!database) {
    const runtime = runningServer(dataDir);
    if (runtime) return finish(await viaEndpoint(runtime, op.method, op.path, op.body));
  }
  const opened = await openStorage(database ? { database } : { dataDir }, `server ${sub}`);
  if (!opened.ok) {
    process.stderr.write(`${opened.message}\n`);
    return 1;
  }
  try {
    if (sub === 'enroll') {
      const outcome = await issueCode(opened.db, f.has('zone') ? { zoneId: f.get('zone')! } : { city: f.get('city')! }, 'admin-cli', null);
      return finish(outcome.ok ? { ok: true, value: { ok: true, ...outcome.value } } : outcome);
    }
    if (sub === 'revoke') {
      const outcome = await revoke(opened.db, args.positional[0]!, f.get('reason') ?? null, 'admin-cli', null);
      return finish(outcome.ok ? { ok: true, value: { ok: true, device: outcome.value } } : outcome);
    }
    if (sub === 'publish-set') {
      const body = op.body as { set: unknown; source: string };
      return finish(await publishIndicatorSet(opened.db, body.set, body.source, 'admin-cli', null));
    }
    return finish(await listAll(opened.db, f.get('city')));
  } finally {
    await opened.close();
  }
}
