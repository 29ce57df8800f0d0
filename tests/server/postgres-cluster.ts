/**
 * A temporary PostgreSQL 15 cluster for the tests: initdb and pg_ctl run as the `postgres`
 * user (Debian's `postgresql` package, which .ci/run installs) in a folder of its own, on a free
 * loopback port; stopped and removed afterwards. Where PostgreSQL is absent, `available()` says
 * why and the tests skip loudly.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Debian's layout; 15 is bookworm's, and any other installed major version serves as well.
function findBin(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))) : [];
  const chosen = versions.includes('15') ? '15' : versions.sort((a, b) => Number(b) - Number(a))[0];
  return join(root, chosen ?? '15', 'bin');
}
const BIN = findBin();

export function postgresMissing(): string | undefined {
  if (!existsSync(join(BIN, 'initdb'))) return `PostgreSQL is not installed (${BIN}/initdb missing): apt-get install -y postgresql`;
  if (process.getuid?.() !== 0) return 'the PostgreSQL tests start a cluster as the postgres user and need root (runuser)';
  try {
    execFileSync('id', ['postgres'], { stdio: 'ignore' });
  } catch {
    return 'there is no postgres user (install Debian\'s postgresql package)';
  }
  return undefined;
}

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

export interface PostgresCluster {
  url(database?: string): string;
  createDatabase(name: string): void;
  stop(): void;
}

function asPostgres(cmd: string, args: string[]): string {
  return execFileSync('runuser', ['-u', 'postgres', '--', join(BIN, cmd), ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });
}

export async function startPostgres(): Promise<PostgresCluster> {
  const dir = mkdtempSync(join(tmpdir(), 'zr-pg-'));
  execFileSync('chown', ['postgres:postgres', dir]);
  const port = await freePort();
  asPostgres('initdb', ['-D', dir, '-A', 'trust', '-U', 'zr', '--no-sync', '-E', 'UTF8', '--locale=C.UTF-8']);
  asPostgres('pg_ctl', ['-D', dir, '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=on`, '-w', '-l', join(dir, 'log'), 'start']);
  return {
    url: (database = 'postgres') => `postgres://zr@127.0.0.1:${port}/${database}`,
    createDatabase(name) {
      asPostgres('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', 'zr', name]);
    },
    stop() {
      try {
        asPostgres('pg_ctl', ['-D', dir, '-m', 'fast', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
