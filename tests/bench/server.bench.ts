/**
 * Collection server benchmark (`npm run bench server`): 120 zones × 4 quarters of 2024 = 480
 * submission workbooks (written by the project's own writer from 晋城开发区's example return),
 * uploaded by 8 concurrent clients, each request signed by its zone's enrolled device, to the
 * real server on 127.0.0.1 — over PGlite in a temporary folder and over a temporary PostgreSQL 15
 * cluster. Printed: throughput, p50 / p99 latency, and the stored count, which must equal the
 * sent count (the suite exits 1 otherwise). The baseline, interleaved round by round over the
 * same workbooks: `readSubmissionWorkbook` alone, in this process — the check every upload must
 * pass — so the ratio is what HTTP, signatures and the database add to it.
 */
import { performance } from 'node:perf_hooks';
import { readSubmissionWorkbook } from '../../src-shared/workbook';
import { upsertRegistry } from '../../src-server/model/query/registry';
import { type Device } from '../../src-shared/collect-protocol';
import { enrolledDevice, startTestServer, tempDir, type TestServer } from '../server/harness';
import { postgresMissing, startPostgres, type PostgresCluster } from '../server/postgres-cluster';
import { benchRegistry, makeWorkbook, type MadeWorkbook } from '../server/workbooks';

const ZONES = 120;
const QUARTERS = [3, 6, 9, 12];
const ROUNDS = 5;
const CONCURRENCY = 8;

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;
}
const median = (xs: number[]) => percentile(xs, 50);
const ms = (x: number) => `${x.toFixed(1)} ms`;

interface Job {
  wb: MadeWorkbook;
  zoneIndex: number;
}

async function pool<T>(items: T[], workers: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: workers }, async () => {
    while (next < items.length) await work(items[next++]!);
  }));
}

const { registry, zones } = benchRegistry(ZONES);
console.log(`writing ${ZONES * QUARTERS.length} submission workbooks…`);
const jobs: Job[] = [];
for (let z = 0; z < ZONES; z += 1) {
  for (const endMonth of QUARTERS) jobs.push({ wb: await makeWorkbook({ zone: zones[z]!, period: { year: 2024, endMonth, frequency: 'quarter' } }), zoneIndex: z });
}
// Rounds mix zones and quarters, as a city's uploads arrive.
const rounds: Job[][] = Array.from({ length: ROUNDS }, (_, r) => jobs.filter((_, i) => i % ROUNDS === r));

async function runBackend(name: string, server: TestServer): Promise<boolean> {
  await server.db.transaction((tx) => upsertRegistry(tx, registry));
  const devices: Device[] = [];
  for (const z of zones) devices.push(await enrolledDevice(server, { zoneId: z.id }));
  const latencies: number[] = [];
  const ratios: number[] = [];
  let uploadMs = 0;
  let failed = 0;
  for (let r = 0; r < ROUNDS; r += 1) {
    const round = rounds[r]!;
    const t0 = performance.now();
    await pool(round, CONCURRENCY, async (job) => {
      const start = performance.now();
      const result = await server.client.push(devices[job.zoneIndex]!, job.wb.bytes);
      latencies.push(performance.now() - start);
      if (!result.ok || result.status !== 201) {
        failed += 1;
        if (failed <= 3) console.log(`  upload refused: ${JSON.stringify(result.ok ? result.value.submission : result.error)}`);
      }
    });
    const server_ = performance.now() - t0;
    uploadMs += server_;
    const t1 = performance.now();
    for (const job of round) {
      const read = await readSubmissionWorkbook(job.wb.bytes);
      if (!read.ok || !read.value.intact) throw new Error('baseline: workbook not intact');
    }
    const baseline = performance.now() - t1;
    ratios.push(server_ / baseline);
    console.log(`  round ${r + 1}: ${round.length} uploads ${ms(server_)}  |  readSubmissionWorkbook alone ${ms(baseline)}  →  ${(server_ / baseline).toFixed(2)}×`);
  }
  const stored = (await server.db.query<{ n: number }>('SELECT count(*)::int AS n FROM submissions'))[0]?.n ?? 0;
  const sent = jobs.length;
  console.log(
    `${name}: ${sent} uploads by ${CONCURRENCY} clients in ${(uploadMs / 1000).toFixed(1)} s = ${(sent / (uploadMs / 1000)).toFixed(1)} uploads/s; latency p50 ${ms(median(latencies))}, p99 ${ms(percentile(latencies, 99))}; ` +
      `ratio to verification alone min ${Math.min(...ratios).toFixed(2)}× median ${median(ratios).toFixed(2)}×; stored ${stored} of ${sent} sent${failed ? `, ${failed} refused` : ''}`,
  );
  return stored === sent && failed === 0;
}

let ok = true;
const limits = { rate: { burst: 10_000, perMinute: 1_000_000 } };
{
  const dir = tempDir('zr-bench-');
  const server = await startTestServer({ dataDir: dir.path }, limits);
  try {
    ok = (await runBackend('PGlite', server)) && ok;
  } finally {
    await server.close();
    dir.remove();
  }
}
const missing = postgresMissing();
if (missing) {
  console.log(`!!! PostgreSQL half skipped: ${missing}`);
} else {
  let cluster: PostgresCluster | undefined;
  let server: TestServer | undefined;
  try {
    cluster = await startPostgres();
    cluster.createDatabase('bench');
    server = await startTestServer({ database: cluster.url('bench') }, limits);
    ok = (await runBackend('PostgreSQL', server)) && ok;
  } finally {
    await server?.close();
    cluster?.stop();
  }
}
if (!ok) {
  console.log('!!! stored count differs from sent count');
  process.exitCode = 1;
}
