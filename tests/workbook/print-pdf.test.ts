/**
 * The submission workbook as the bureau prints it: LibreOffice converts it to PDF (one run for
 * this file, in a profile of its own), poppler reads the PDF back, and every text the sheets hold
 * must be there whole — a row too short for its wrapped text prints only the lines that fit, a
 * column too narrow cuts the text at its edge. The roster prints on A3 landscape at 8 pt or more.
 * Page images (pdftoppm -r 60) are left in tests/workbook/print-pages/ to be looked at.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeReturn } from '../../src-shared/compute';
import type { RosterRow, ValidationIssue, ZoneReturn } from '../../src-shared/model';
import { exampleReturn } from '../../src-shared/seeds';
import { validateReturn } from '../../src-shared/validate';
import { SHEET, VISIBLE_SHEETS, readSubmissionWorkbook, type WrittenSubmission } from '../../src-shared/workbook';
import { layoutSubmission } from '../../src-shared/workbook/layout-submission';
import { seedSet } from './fixtures';
import { exportReturn, SUBMISSION_ID } from './helpers';

const SOFFICE = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));
const POPPLER = ['pdftotext', 'pdfinfo', 'pdftoppm'].every((tool) => spawnSync(tool, ['-v'], { stdio: 'ignore' }).error === undefined);
if (!SOFFICE) console.warn('\n\n*** 跳过打印检查（print-pdf.test.ts）：未安装 LibreOffice（apt-get install -y libreoffice-calc），报送工作簿打印成 PDF 是否完整未检查。***\n');
if (SOFFICE && !POPPLER) throw new Error('poppler-utils (pdftotext, pdfinfo, pdftoppm) is missing: apt-get install -y poppler-utils');

const PAGES_DIR = join(import.meta.dirname, 'print-pages');

/** Explanations as clerks write them: long, with figures, Latin words and a line break. */
const EXPLANATIONS = [
  '一季度新开工康佳智慧科技城等大项目，工业投资基数低，同比增速较高；其中康佳智慧科技城（一期）完成投资 3.25 亿元，占全区工业投资的 41.7%，属正常波动。',
  '上年同期有两家企业（晋城福盛钢铁、兰花科创 BOE 配套项目）集中投产，基数较高。\n本年新增规上企业 3 家，预计二季度末恢复正增长。',
  '统计口径调整：自 2024 年起，按省统计局晋统字〔2024〕12 号文件，年主营业务收入 2000 万元及以上的工业法人单位纳入规上工业统计范围，上年同期数已按新口径追溯调整，增速可比。',
];

function roster(ret: ZoneReturn): RosterRow[] {
  const base = ret.roster;
  const rows: RosterRow[] = [];
  for (let copy = 0; copy < 3; copy += 1) {
    for (const project of base) rows.push({ ...project, id: `${String(project.id)}-${copy}`, name: copy === 0 ? project['name'] : `${String(project['name'])}（${copy + 1}）` });
  }
  const first = rows[0];
  if (first) {
    first['name'] = '山西某某新材料科技有限公司年产 20 万吨高性能碳纤维复合材料及配套深加工产业园建设项目（一期）';
    first['note'] = '已完成土地摘牌，环评批复晋环审〔2024〕8 号，待电力接入';
  }
  return rows;
}

const source = exampleReturn('linfen-kfq-2024-07');
const ret: ZoneReturn = { ...structuredClone(source), roster: roster(structuredClone(source)) };
ret.values['txtMeasures'] = {
  current: Array.from({ length: 40 }, (_, i) => `（${i + 1}）围绕“三个一批”活动，第 ${i + 1} 项措施：强化要素保障，推动项目早开工、早投产、早达效，建立项目推进台账和包联机制，每周调度一次，确保按期完成年度投资计划。`).join('\n'),
};
const set = seedSet();
const computed = computeReturn(set, ret);
/** The validator's own issues, and warnings as long as the validator writes them, with their 合理性说明. */
const issues: ValidationIssue[] = [
  ...validateReturn(set, ret, computed),
  { code: 'growth-range', severity: 'warning', key: 'growth-range:gytz', target: { kind: 'indicator', code: 'gytz', column: 'current' }, message: '工业投资同比增长 187.35%，超过 50%，波动较大，请核实本期累计和上年同期数据，并填写合理性说明。' },
  { code: 'growth-range', severity: 'warning', key: 'growth-range:gyzjz', target: { kind: 'indicator', code: 'gyzjz', column: 'current' }, message: '规上工业增加值同比下降 23.10%，降幅超过 20%，请说明原因。' },
  { code: 'roster-started-without-date', severity: 'warning', key: 'roster-date:1', target: { kind: 'roster', rowId: String(ret.roster[0]?.id), field: 'startDate' }, message: '该项目已标为开工，但未填开工日期；请补填开工日期，或说明开工时间尚未确定的原因。' },
];
const warnings = issues.filter((issue) => issue.severity === 'warning');
warnings.forEach((issue, i) => {
  ret.explanations[issue.key] = EXPLANATIONS[i % EXPLANATIONS.length] ?? '';
});

/**
 * Text without any whitespace: a cell's wrapped lines and the PDF's line ends compare alike.
 * Curly quotes go too: LibreOffice prints them from a Latin font whose glyphs pdftotext reads
 * back as spaces (they are on the page images).
 */
function squash(text: string): string {
  return text.replace(/[\s“”‘’]+/g, '');
}

let dir = '';
let written: WrittenSubmission;
/** The text of each sheet's pages (content-stream order: each cell's lines together), by sheet. */
const textOf = new Map<string, string>();
const pagesOf = new Map<string, number[]>();
let pageCount = 0;

function run(tool: string, args: string[]): string {
  const result = spawnSync(tool, args, { encoding: 'utf8', timeout: 180_000, maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`${tool} ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

beforeAll(async () => {
  if (!SOFFICE) return;
  expect(warnings.length).toBeGreaterThanOrEqual(2);
  dir = mkdtempSync(join(tmpdir(), 'zr-print-'));
  written = await exportReturn(ret, computed, issues);
  const file = join(dir, 'submission.xlsx');
  writeFileSync(file, written.bytes);
  run(SOFFICE, [`-env:UserInstallation=file://${join(dir, 'lo-profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file]);
  const pdf = join(dir, 'submission.pdf');
  pageCount = Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [pdf]))?.[1] ?? 0);
  for (let page = 1; page <= pageCount; page += 1) {
    const pageText = run('pdftotext', ['-raw', '-f', String(page), '-l', String(page), pdf, '-']);
    // The page header names the sheet (&R in render-sheet.ts): that is how a page is told apart.
    const sheet = VISIBLE_SHEETS.find((name) => pageText.includes(name) && pageText.split('\n').some((line) => line.trim().endsWith(name)));
    if (sheet === undefined) throw new Error(`page ${page} names no sheet:\n${pageText.slice(0, 400)}`);
    textOf.set(sheet, `${textOf.get(sheet) ?? ''}\n${pageText}`);
    pagesOf.set(sheet, [...(pagesOf.get(sheet) ?? []), page]);
  }
  rmSync(PAGES_DIR, { recursive: true, force: true });
  mkdirSync(PAGES_DIR, { recursive: true });
  run('pdftoppm', ['-png', '-r', '60', pdf, join(PAGES_DIR, 'page')]);
}, 240_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Heights of the word boxes on `page`, with their text. */
function wordBoxes(page: number): Array<{ text: string; height: number; yMin: number }> {
  const xhtml = run('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), join(dir, 'submission.pdf'), '-']);
  return [...xhtml.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({ text: m[5] ?? '', yMin: Number(m[2]), height: Number(m[4]) - Number(m[2]) }));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

describe.skipIf(!SOFFICE)('the submission workbook printed by LibreOffice', () => {
  it('prints every visible sheet, and the workbook still verifies', async () => {
    expect([...textOf.keys()].sort()).toEqual([...VISIBLE_SHEETS].sort());
    expect(readdirSync(PAGES_DIR).filter((n) => n.endsWith('.png'))).toHaveLength(pageCount);
    const read = await readSubmissionWorkbook(written.bytes);
    expect(read.ok && read.value.intact).toBe(true);
  });

  it('prints every text of every sheet whole: no row too short, no column too narrow', () => {
    const cut: string[] = [];
    for (const sheet of layoutSubmission(written.payload)) {
      const printed = squash(textOf.get(sheet.name) ?? '');
      for (const cell of sheet.cells) {
        if (typeof cell.value !== 'string' || squash(cell.value) === '') continue;
        if (!printed.includes(squash(cell.value))) cut.push(`${sheet.name} ${cell.row}:${cell.col} ${cell.value.slice(0, 40)}`);
      }
    }
    expect(cut).toEqual([]);
  });

  it('prints each 合理性说明 and each 问题 of 校验结果 whole', () => {
    const printed = squash(textOf.get(SHEET.validation) ?? '');
    for (const issue of issues) expect(printed).toContain(squash(issue.message));
    for (const text of EXPLANATIONS) expect(printed).toContain(squash(text));
  });

  it('prints the roster on A3 landscape, the header on every page, a 合计 row, text of 8 pt or more', () => {
    const pages = pagesOf.get(SHEET.roster) ?? [];
    expect(pages.length).toBeGreaterThanOrEqual(2);
    for (const page of pages) {
      const size = /Page\s+\d+\s+size:\s+([\d.]+) x ([\d.]+)/.exec(run('pdfinfo', ['-f', String(page), '-l', String(page), join(dir, 'submission.pdf')]));
      expect([Math.round(Number(size?.[1])), Math.round(Number(size?.[2]))]).toEqual([1191, 842]);
      const pageText = run('pdftotext', ['-raw', '-f', String(page), '-l', String(page), join(dir, 'submission.pdf'), '-']);
      expect(squash(pageText)).toContain('项目名称');
      expect(squash(pageText)).toContain(squash('当年完成投资\n（亿元）'));
    }
    const rosterText = squash(textOf.get(SHEET.roster) ?? '');
    expect(rosterText).toContain('合计');
    expect(rosterText).toContain(`${ret.roster.length}个项目`);

    // The cover prints at 100 % (it is narrower than the page) in 12 pt: its labels' box height
    // is that of 12 pt in the same font, which gives the roster's printed size.
    const coverPage = pagesOf.get(SHEET.cover)?.[0] ?? 0;
    const labelHeight = median(wordBoxes(coverPage).filter((w) => w.text.endsWith('：')).map((w) => w.height));
    expect(labelHeight).toBeGreaterThan(0);
    const names = new Set(ret.roster.map((p) => String(p['name'])));
    const rosterWords = wordBoxes(pages[0] ?? 0).filter((w) => [...names].some((name) => name.startsWith(w.text) && w.text.length >= 4));
    expect(rosterWords.length).toBeGreaterThan(10);
    const printedPt = (12 * median(rosterWords.map((w) => w.height))) / labelHeight;
    console.info(`项目清单打印字号约 ${printedPt.toFixed(1)} pt（A3 横向）`);
    expect(printedPt).toBeGreaterThanOrEqual(8);
  });

  it('prints the cover as a form: 标签：value, the set by its Chinese name, a short 报送编号, no UUID', () => {
    const printed = textOf.get(SHEET.cover) ?? '';
    // The content stream holds the labels, then the values: each is looked for on its own.
    for (const label of ['填报单位：', '报告期：', '报送编号：', '版次：', '指标体系：', '审核人（签字）：']) expect(squash(printed)).toContain(label);
    expect(printed).toContain('linfen-kfq-2024M07-R1');
    expect(squash(printed)).toContain(squash(`${set.name}，${set.version} 版`));
    expect(printed).not.toContain(SUBMISSION_ID);
    expect(printed).not.toContain(set.id);
  });
});
