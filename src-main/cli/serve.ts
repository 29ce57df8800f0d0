/**
 * `zone-returns serve [--data DIR] [--database postgres://…] [--host 127.0.0.1] [--port N]`:
 * the collection server. PGlite in DIR (default ./collect-data) unless --database names a
 * PostgreSQL server. Logs are pino JSON lines on stdout; SIGTERM / SIGINT stop it gracefully.
 */
import { startServer } from '../../src-server/start-server';
import { parseFlags } from './cli-args';

const USAGE = '用法: zone-returns serve [--data 数据目录] [--database postgres://用户@主机/库] [--host 127.0.0.1] [--port 8470] [--body-limit 字节数] [--request-timeout 毫秒]';

export async function run(argv: string[]): Promise<number> {
  const args = parseFlags(argv, ['data', 'database', 'host', 'port', 'body-limit', 'request-timeout', 'log-level']);
  if (typeof args === 'string' || args.positional.length > 0) {
    process.stderr.write(`${typeof args === 'string' ? args : `多余的参数「${args.positional[0]}」。`}\n${USAGE}\n`);
    return 2;
  }
  const port = Number(args.flags.get('port') ?? '8470');
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`--port 应为 0–65535 的整数，实为「${args.flags.get('port')}」。\n`);
    return 2;
  }
  const limits: { bodyLimit?: number; requestTimeoutMs?: number; headersTimeoutMs?: number } = {};
  const bodyLimit = args.flags.get('body-limit');
  if (bodyLimit !== undefined) limits.bodyLimit = Number(bodyLimit);
  const timeout = args.flags.get('request-timeout');
  if (timeout !== undefined) {
    limits.requestTimeoutMs = Number(timeout);
    limits.headersTimeoutMs = Number(timeout);
  }
  const dataDir = args.flags.get('data') ?? 'collect-data';
  const database = args.flags.get('database');
  const started = await startServer({
    storage: database ? { database } : { dataDir },
    dataDir,
    host: args.flags.get('host') ?? '127.0.0.1',
    port,
    logger: { level: args.flags.get('log-level') ?? 'info' },
    limits,
  });
  if (!started.ok) {
    process.stderr.write(`${started.message}\n`);
    return 1;
  }
  process.stderr.write(`报送服务器已启动：${started.url}（${database ? 'PostgreSQL' : `PGlite，数据目录 ${dataDir}`}）。按 Ctrl+C 停止。\n`);
  return new Promise<number>((resolveExit) => {
    const shutdown = (signal: string) => {
      started.app.log.info({ signal }, 'shutting down');
      started.stop().then(
        () => resolveExit(0),
        (error: unknown) => {
          process.stderr.write(`停止时出错：${error instanceof Error ? error.message : String(error)}\n`);
          resolveExit(1);
        },
      );
    };
    process.once('SIGTERM', () => shutdown('SIGTERM'));
    process.once('SIGINT', () => shutdown('SIGINT'));
  });
}
