import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JINCHENG_Q1_REFERENCE, jinchengQ1Returns } from '../../src-shared/bulletin/article-fixtures';
import { computeReturn } from '../../src-shared/compute';
import { kfqSet } from '../../src-shared/seeds';
import { cityFigures } from '../../src-shared/collect';
import { submissionZone, writeCitySummaryWorkbook, writeSubmissionWorkbook } from '../../src-shared/workbook';
import { validateReturn } from '../../src-shared/validate';
import type { ZoneReturn } from '../../src-shared/model';

const root = join(import.meta.dirname, '..', '..');
const set = kfqSet();
let dir = '';
const files: string[] = [];

async function workbookOf(ret: ZoneReturn): Promise<Uint8Array> {
  const computed = computeReturn(set, ret);
  const zone = submissionZone(ret.zoneId);
  if (!zone) throw new Error('fixture');
  const w = await writeSubmissionWorkbook({ set, ret, computed, issues: validateReturn(set, ret, computed), zone, submissionId: '5b3c2f5e-8d4a-4c1e-9f7a-2b6d8e0c1a3f', revision: 1, exportedAt: '2024-04-08T09:00:00.000Z' });
  return w.bytes;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'zr-bulletin-'));
  for (const [i, ret] of jinchengQ1Returns().entries()) {
    // Two zones hand in workbooks, the others JSON: the command takes both.
    const path = join(dir, i < 2 ? `${ret.zoneId}.xlsx` : `${ret.zoneId}.json`);
    writeFileSync(path, i < 2 ? await workbookOf(ret) : JSON.stringify(ret));
    files.push(path);
  }
  writeFileSync(join(dir, '参照.json'), JSON.stringify(JINCHENG_Q1_REFERENCE));
  const rets = jinchengQ1Returns();
  const c = cityFigures(set, rets);
  if (!c.ok) throw new Error('fixture');
  const summary = await writeCitySummaryWorkbook({ format: 'zone-returns/city-summary@1', summaryId: '7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f', revision: 1, exportedAt: '2024-04-10T09:00:00.000Z', city: { code: '140500', name: '晋城市' }, period: rets[0]!.period, indicatorSet: { id: set.id, version: set.version }, figures: c.value.figures, ranks: c.value.ranks, returns: rets });
  writeFileSync(join(dir, '晋城市汇总表.xlsx'), summary.bytes);
  const sheet = XLSX.utils.aoa_to_sheet([
    ['指标', '开发区', '全省开发区平均增速', '完成量排名', '增速排名', '拉动排名'],
    ['规上工业增加值', '全市', 0.9, 3, 1, ''],
    ['工业投资', '', '10.9%', '', '', ''],
    ['签约项目开工率', '', '', 2, '', ''],
    ['开工项目投产率', '', '', 3, '', ''],
    ['投产项目达效率', '', '', 1, '', ''],
    ['规上工业增加值', '晋城开发区', '', 1, '', ''],
    ['规上工业增加值', '沁水开发区', '', 7, '', ''],
    ['规上工业增加值', '高平开发区', '', '', '第1位', 1],
  ]);
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, sheet, '参照');
  writeFileSync(join(dir, '参照.xlsx'), XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }));
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [join(root, 'bin', 'zone-returns.mjs'), 'bulletin', ...args], { cwd: root, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const OPENING = '4个工业类开发区累计完成规上工业增加值108.78亿元，同比增长20.35%，高于省定目标（15%）5.35个百分点，高于全省开发区平均增速（0.9%）19.45个百分点；';

describe('zone-returns bulletin', () => {
  it('drafts the text from workbooks and JSON returns with the reference figures (JSON or a worksheet)', () => {
    for (const ref of ['参照.json', '参照.xlsx']) {
      const r = cli(...files, '--reference', join(dir, ref), '--text');
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain(OPENING);
      expect(r.stdout).toContain('高平开发区增速排在全省第一位，对全省开发区增长拉动幅度全省第1。');
      expect(r.stderr).not.toContain('缺数');
    }
  }, 120_000);

  it('drafts the same text from a city summary workbook (市汇总表), which carries the zones’ returns', () => {
    const r = cli(join(dir, '晋城市汇总表.xlsx'), '--reference', join(dir, '参照.json'), '--text');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(OPENING);
    expect(r.stdout).toBe(cli(...files, '--reference', join(dir, '参照.json'), '--text').stdout);
  }, 120_000);

  it('writes the .docx and lists the gaps when no reference figures are given', () => {
    const out = join(dir, '通报.docx');
    const r = cli(...files, '-o', out, '--style', 'seeds/bulletin/jincheng-2024.json');
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(out)).toBe(true);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    const json = JSON.parse(r.stdout) as { gaps: Array<{ text: string }> };
    expect(json.gaps.map((g) => g.text)).toContain('【缺：全省开发区平均增速（规上工业增加值）】');
    expect(r.stderr).toContain('【缺：全省开发区平均增速（规上工业增加值）】');
  }, 120_000);

  it('refuses a style naming a figure that does not exist, with its JSON path', () => {
    const style = JSON.parse(readFileSync(join(root, 'seeds/bulletin/jincheng-2024.json'), 'utf8')) as { title: string };
    style.title = '{city.name}{city.nosuch}';
    writeFileSync(join(dir, 'bad-style.json'), JSON.stringify(style));
    const r = cli(...files, '--style', join(dir, 'bad-style.json'), '--text');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('$.title');
    expect(r.stderr).toContain('nosuch');
  }, 60_000);

  it('--style zone drafts a zone’s own bulletin from its return', () => {
    const r = cli(join(root, 'seeds/examples/gaoping-kfq-2024-q1.json'), '--style', 'zone', '--text');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('高平开发区2024年第一季度主要经济指标完成情况');
    expect(r.stdout).toContain('2024年第一季度，高平开发区累计完成规上工业增加值21.37亿元，同比增长33.4%，高于省定目标（15%）18.4个百分点；');
  }, 60_000);

  it('refuses a workbook changed by hand and a file that is neither', () => {
    const broken = join(dir, 'broken.xlsx');
    writeFileSync(broken, 'not a workbook');
    const r = cli(broken, '--text');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('broken.xlsx');
    const usage = cli('--text');
    expect(usage.code).toBe(2);
  }, 60_000);
});
