import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCitySummaryWorkbook } from '../../src-shared/workbook';
import { parseCollectArgs } from './collect';

const root = join(import.meta.dirname, '..', '..');
let dir = '';

function cli(...args: string[]): { code: number | null; out: Record<string, any>; stderr: string } {
  const r = spawnSync(process.execPath, [join(root, 'bin', 'zone-returns.mjs'), ...args], { cwd: root, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, out: r.stdout.trim() === '' ? {} : JSON.parse(r.stdout), stderr: r.stderr };
}

const example = (name: string): string => join(root, 'seeds/examples', `${name}.json`);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'zr-collect-'));
  mkdirSync(join(dir, 'in'));
  const exp = (name: string, out: string, ...extra: string[]) => {
    const r = cli('export', example(name), '-o', join(dir, 'in', out), '--force', ...extra);
    if (r.code !== 0 && r.code !== 1) throw new Error(r.stderr);
  };
  exp('jincheng-kfq-2024-q1', 'jincheng.xlsx', '--revision', '2', '--exported-at', '2024-04-08T08:00:00Z');
  exp('jincheng-kfq-2024-q1', 'jincheng-old.xlsx', '--revision', '1', '--exported-at', '2024-04-06T08:00:00Z');
  exp('gaoping-kfq-2024-q1', 'gaoping.xlsx');
  exp('qinshui-kfq-2024-q1', 'qinshui.xlsx');
  exp('yangcheng-kfq-2024-q1', 'yangcheng.xlsx');
  exp('houma-kfq-2024-07', 'houma.xlsx');
  // Tampered: a copy of 高平's workbook with one figure of the hidden payload changed.
  const zip = await JSZip.loadAsync(readFileSync(join(dir, 'in', 'gaoping.xlsx')));
  const shared = Object.keys(zip.files).find((f) => f === 'xl/sharedStrings.xml');
  if (!shared) throw new Error('no shared strings');
  const xml = await zip.file(shared)!.async('string');
  const changed = xml.replace(/(&quot;gyzjz&quot;:\{&quot;current&quot;:)([0-9.]+)/, (_m, a: string, v: string) => `${a}${Number(v) + 1}`);
  if (changed === xml) throw new Error('payload not found');
  zip.file(shared, changed);
  writeFileSync(join(dir, 'tampered.xlsx'), await zip.generateAsync({ type: 'uint8array' }));
  writeFileSync(join(dir, 'broken.xlsx'), 'not a workbook');
}, 300_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('zone-returns collect', () => {
  it('晋城 2024 Q1 from the four zones’ exported workbooks: 108.78亿元, 20.35%; the old revision superseded, 侯马 and the tampered copy rejected', () => {
    const { code, out } = cli('collect', join(dir, 'in'), join(dir, 'tampered.xlsx'), '--city', '晋城市', '--period', '2024-03-q');
    expect(code).toBe(0);
    expect(out['city']).toBe('晋城市');
    expect(out['period']).toBe('2024-03-q');
    expect(out['accepted'].map((a: any) => a.zoneId).sort()).toEqual(['gaoping-kfq', 'jincheng-kfq', 'qinshui-kfq', 'yangcheng-kfq']);
    expect(out['accepted'].find((a: any) => a.zoneId === 'jincheng-kfq').revision).toBe(2);
    expect(out['superseded']).toEqual([expect.objectContaining({ file: 'jincheng-old.xlsx', verdict: 'superseded', by: 'jincheng.xlsx' })]);
    const rejected = Object.fromEntries(out['rejected'].map((r: any) => [r.file, r.reason]));
    expect(rejected['houma.xlsx']).toContain('不是晋城市的开发区');
    expect(rejected['tampered.xlsx']).toContain('校验未通过');
    expect(out['missing'].map((m: any) => m.zoneName)).toContain('陵川生态文化旅游示范区');
    const g = out['figures']['gyzjz'];
    expect(g.value.toFixed(2)).toBe('108.78');
    expect(g.growthPct.toFixed(2)).toBe('20.35');
    expect(g.targetPct).toBe(15);
    expect(g.gapPoints.toFixed(2)).toBe('5.35');
    expect(g.zones).toHaveLength(4);
    expect(out['figures']['gytz'].growthPct.toFixed(2)).toBe('55.99');
    expect(out['ranks']['gyzjz'][0]).toMatchObject({ zoneId: 'jincheng-kfq', valueRank: 1 });
  }, 120_000);

  it('-o writes the 市汇总表 whose hidden payload reads back with its checksum, one level up', async () => {
    const target = join(dir, '汇总.xlsx');
    const { code, out } = cli('collect', join(dir, 'in'), '--city', '晋城市', '--period', '2024-03-q', '-o', target);
    expect(code).toBe(0);
    expect(out['summaryWorkbook']).toBe(target);
    const read = await readCitySummaryWorkbook(new Uint8Array(readFileSync(target)));
    if (!read.ok) throw new Error(read.issues[0]?.message);
    expect(read.value.checksumOk).toBe(true);
    expect(read.value.payload.city.name).toBe('晋城市');
    expect(read.value.payload.returns).toHaveLength(4);
    expect(read.value.payload.figures['gyzjz']?.value?.toFixed(2)).toBe('108.78');
  }, 120_000);

  it('return JSON files count like workbooks, and the newest period is taken without --period', () => {
    const { code, out } = cli('collect', example('gaoping-kfq-2024-q1'), example('qinshui-kfq-2024-q1'));
    expect(code).toBe(0);
    expect(out['city']).toBe('晋城市');
    expect(out['figures']['gyzjz'].zones).toEqual(['gaoping-kfq', 'qinshui-kfq']);
  }, 60_000);

  it('exit 1 when nothing valid is given, 2 on unreadable input', () => {
    expect(cli('collect', join(dir, 'in', 'houma.xlsx'), '--city', '晋城市').code).toBe(1);
    expect(cli('collect', join(dir, 'broken.xlsx')).code).toBe(1);
    expect(cli('collect', join(dir, 'nothing-here.xlsx')).code).toBe(2);
    expect(cli('collect', '--period', '2024-13-q', 'x').code).toBe(2);
  }, 60_000);

  it.each([
    [['a', '--city', '晋城市', '--period', '2024-07-m'], { inputs: ['a'], city: '晋城市', period: { year: 2024, endMonth: 7, frequency: 'month' } }],
    [[], '缺少报送工作簿、报表 JSON 文件或文件夹。'],
    [['a', '--period', 'q1'], '--period 应为期别键'],
  ])('parses %j', (args, want) => {
    const r = parseCollectArgs(args);
    if (typeof want === 'string') expect(r).toContain(want);
    else expect(r).toEqual(want);
  });
});
