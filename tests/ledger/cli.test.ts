/** `zone-returns import-ledger`: run in process, its JSON read back. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { run } from '../../src-main/cli/import-ledger';
import { longIndicatorLedger, writeLedgerFixtures } from '../fixtures/ledgers/make-ledgers';

const dir = join(import.meta.dirname, '..', '.tmp', 'ledger-cli');
let paths: Record<string, string>;

beforeAll(() => {
  paths = writeLedgerFixtures(dir);
});

afterEach(() => {
  vi.restoreAllMocks();
});

async function cli(args: string[]): Promise<{ code: number; json: Record<string, unknown>; stderr: string }> {
  let out = '';
  let err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    err += String(chunk);
    return true;
  });
  const code = await run(args);
  vi.restoreAllMocks();
  const parsed: unknown = out === '' ? {} : JSON.parse(out);
  return { code, json: parsed as Record<string, unknown>, stderr: err };
}

function path(name: string): string {
  const p = paths[name];
  if (!p) throw new Error(name);
  return p;
}

describe('import-ledger', () => {
  it('prints mapped rows, issues and the mapping used', async () => {
    const { code, json } = await cli([path('titled-merged.xlsx')]);
    expect(code).toBe(0);
    expect(json.ok).toBe(true);
    const rows = json.rows as Array<{ row: number; values: Record<string, unknown>; zone: { text: string; id: string | null } }>;
    expect(rows).toHaveLength(5);
    expect(rows[0]).toMatchObject({ row: 6, values: { name: '康佳智慧科技城项目', totalInvestment: 50 }, zone: { text: '晋城开发区', id: 'jincheng-kfq' } });
    expect(json.mapping).toMatchObject({ format: 'zone-returns/ledger-mapping@1', columns: { '投资情况 / 计划总投资': 'totalInvestment', 所属开发区: '$zone' } });
    expect((json.issues as Array<{ code: string }>).map((i) => i.code)).toEqual(['date-month-only']);
  });

  it('takes a mapping file, and the printed mapping can be fed back', async () => {
    const mappingPath = join(dir, 'mapping.json');
    writeFileSync(mappingPath, JSON.stringify({ columns: { '计划总投资(万元)': 'investmentThisYear', D: null } }));
    const { code, json } = await cli([path('gbk.csv'), '--mapping', mappingPath]);
    expect(code).toBe(0);
    expect(json.encoding).toBe('gbk');
    const rows = json.rows as Array<{ values: Record<string, unknown> }>;
    expect(rows[0]?.values).toEqual({ name: '侯马经济开发区装备制造项目', investmentThisYear: 2.5, startDate: '2024-04-01' });
    writeFileSync(mappingPath, JSON.stringify(json.mapping));
    const again = await cli([path('gbk.csv'), '--mapping', mappingPath]);
    expect(again.json.rows).toEqual(json.rows);
  });

  it('reads one sheet when asked', async () => {
    const { json } = await cli([path('multi-sheet.xlsx'), '--sheet', '第二批']);
    expect((json.rows as Array<{ sheet: string }>).map((r) => r.sheet)).toEqual(['第二批', '第二批']);
    expect(Object.keys(json.mappings as object)).toEqual(['第二批']);
  });

  it('reads a ledger of indicator values', async () => {
    const { json } = await cli([path('indicator-values.xlsx'), '--kind', 'indicators']);
    expect((json.rows as Array<{ zoneId: string; values: unknown }>)[0]).toMatchObject({ zoneId: 'jincheng-kfq', values: { gyzjz: { current: 45.2, lastYear: 38.1 } } });
  });

  it('reads a ledger of indicator values laid out one row per indicator, for the zone given', async () => {
    const long = join(dir, 'long-indicators.xlsx');
    writeFileSync(long, longIndicatorLedger());
    const { code, json } = await cli([long, '--kind', 'indicators', '--zone', 'jincheng-kfq']);
    expect(code).toBe(0);
    expect(json.rows).toEqual([{ sheet: '指标', row: 3, zoneId: 'jincheng-kfq', values: { gyzjz: { current: 45.2, lastYear: 38.1 }, gytz: { current: 8.1, lastYear: 5.3 }, xzgsqy: { current: 3 } } }]);
  });

  it.each([
    ['truncated.xlsx', 'corrupt'],
    ['renamed-pdf.xlsx', 'not-a-spreadsheet'],
    ['encrypted.xlsx', 'encrypted'],
  ])('%s fails with exit code 1 and its issue', async (name, issueCode) => {
    const { code, json } = await cli([path(name)]);
    expect(code).toBe(1);
    expect(json.ok).toBe(false);
    expect((json.issues as Array<{ code: string }>)[0]?.code).toBe(issueCode);
  });

  it('explains a missing file, a bad mapping file and bad arguments', async () => {
    expect((await cli([join(dir, 'nope.xlsx')])).code).toBe(1);
    mkdirSync(dir, { recursive: true });
    const bad = join(dir, 'bad-mapping.json');
    writeFileSync(bad, '{ not json');
    const badMapping = await cli([path('gbk.csv'), '--mapping', bad]);
    expect(badMapping.code).toBe(1);
    expect((badMapping.json.issues as Array<{ code: string }>)[0]?.code).toBe('bad-mapping');
    const usage = await cli(['--sheet']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('用法');
  });
});
