/**
 * Ledger import benchmark: a 20,000-row × 30-column ledger, from file bytes to the preview
 * (read, find the table, map, normalise, compare with 2,000 stored rows of the same zone), against SheetJS alone
 * reading the same file in the same run. Each side runs in a child process of its own so that
 * its peak memory (max RSS) is its own; time is the median of three runs after a warm-up.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { diffRows, mapLedgerTable, parseLedgerFile, rosterTargets, type ExistingRow } from '../../src-shared/ledger';
import { builtinIndicatorSets } from '../../src-shared/seeds';
import { benchLedger, benchProjectName } from '../fixtures/ledgers/make-ledgers';

const ROWS = 20_000;
const COLUMNS = 30;
const file = join(import.meta.dirname, '..', '.tmp', 'bench', `ledger-${ROWS}x${COLUMNS}.xlsx`);

type Side = 'sheetjs' | 'sheetjs-dense' | 'preview';
interface Measured {
  side: Side;
  medianMs: number;
  runsMs: number[];
  maxRssMb: number;
  rows: number;
  summary?: unknown;
}

function gc(): void {
  const collect: unknown = Reflect.get(globalThis, 'gc');
  if (typeof collect === 'function') collect();
}

function runSide(side: Side): Measured {
  const bytes = new Uint8Array(readFileSync(file));
  const set = builtinIndicatorSets()[0];
  if (!set) throw new Error('no indicator set');
  const targets = rosterTargets(set.roster.fields);
  // A re-import: every tenth project is already stored (with another 总投资, so it shows as changed).
  const existing: ExistingRow[] = Array.from({ length: 2000 }, (_, i) => ({ id: `r${i}`, zoneId: 'jincheng-kfq', values: { name: benchProjectName(i * 10), totalInvestment: 1 } }));
  let rows = 0;
  let summary: unknown;
  const once = (): void => {
    if (side === 'sheetjs') {
      const wb = XLSX.read(bytes, { type: 'array' });
      const ws = wb.Sheets[wb.SheetNames[0] ?? ''];
      rows = ws ? XLSX.utils.decode_range(ws['!ref'] ?? 'A1').e.r : 0;
      return;
    }
    if (side === 'sheetjs-dense') {
      const wb = XLSX.read(bytes, { type: 'array', dense: true });
      const ws = wb.Sheets[wb.SheetNames[0] ?? ''];
      rows = ws ? XLSX.utils.decode_range(ws['!ref'] ?? 'A1').e.r : 0;
      return;
    }
    const parsed = parseLedgerFile(bytes, { fileName: 'bench.xlsx', targets });
    if (!parsed.ok) throw new Error(parsed.issues.map((i) => i.message).join('\n'));
    const table = parsed.value.tables[0];
    if (!table) throw new Error('no table');
    const mapped = mapLedgerTable(table, { fileName: 'bench.xlsx', targets });
    const preview = diffRows(mapped.rows, existing, { keyFields: set.roster.keyFields, targets, defaultZoneId: 'jincheng-kfq' });
    rows = preview.rows.length;
    summary = preview.summary;
  };
  once();
  const runsMs: number[] = [];
  for (let i = 0; i < 3; i++) {
    gc();
    const t = performance.now();
    once();
    runsMs.push(performance.now() - t);
  }
  const sorted = [...runsMs].sort((a, b) => a - b);
  return { side, medianMs: sorted[1] ?? 0, runsMs, maxRssMb: process.resourceUsage().maxRSS / 1024, rows, summary };
}

function child(side: Side): Measured {
  const r = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=8192', '--import', 'tsx', import.meta.filename, '--side', side], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (r.status !== 0) throw new Error(`${side} failed: ${r.stderr}`);
  const last = r.stdout.trim().split('\n').pop() ?? '';
  const parsed: unknown = JSON.parse(last);
  return parsed as Measured;
}

const sideArg = process.argv.indexOf('--side');
if (sideArg >= 0) {
  const side = process.argv[sideArg + 1];
  if (side !== 'sheetjs' && side !== 'sheetjs-dense' && side !== 'preview') throw new Error(`unknown side ${side ?? ''}`);
  process.stdout.write(JSON.stringify(runSide(side)) + '\n');
} else {
  mkdirSync(join(file, '..'), { recursive: true });
  const bytes = benchLedger(ROWS, COLUMNS);
  writeFileSync(file, bytes);
  console.log(`ledger: ${ROWS.toLocaleString('en-US')} rows × ${COLUMNS} columns, ${(bytes.length / 1024 / 1024).toFixed(1)} MB (.xlsx)`);
  const base = child('sheetjs');
  const dense = child('sheetjs-dense');
  const ours = child('preview');
  if (ours.rows !== ROWS) throw new Error(`preview has ${ours.rows} rows, expected ${ROWS}`);
  const fmt = (m: Measured): string => `${m.medianMs.toFixed(0).padStart(6)} ms (runs ${m.runsMs.map((x) => x.toFixed(0)).join(' / ')}), peak RSS ${m.maxRssMb.toFixed(0)} MB`;
  console.log(`SheetJS alone, XLSX.read default        ${fmt(base)}`);
  console.log(`SheetJS alone, XLSX.read { dense: true } ${fmt(dense)}`);
  console.log(`file → preview (ours)                   ${fmt(ours)}`);
  console.log(`preview: ${JSON.stringify(ours.summary)}`);
  const ratio = ours.medianMs / base.medianMs;
  console.log(`time ratio  preview / SheetJS default: ${ratio.toFixed(2)}×  (aim ≤ 1.5×: ${ratio <= 1.5 ? 'met' : 'NOT met'})`);
  console.log(`time ratio  preview / SheetJS dense:   ${(ours.medianMs / dense.medianMs).toFixed(2)}×`);
  console.log(`memory ratio preview / SheetJS default (peak RSS): ${(ours.maxRssMb / base.maxRssMb).toFixed(2)}×`);
}
