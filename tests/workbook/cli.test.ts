import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { run as runExport } from '../../src-main/cli/export';
import { run as runVerify } from '../../src-main/cli/verify';
import { exampleReturn } from '../../src-shared/seeds';
import { ExcelJS } from '../../src-shared/workbook/excel';
import { readSubmissionWorkbook, returnJson, SHEET } from '../../src-shared/workbook';
import { captureOutput as capture } from '../cli/capture';

const root = join(import.meta.dirname, '..', '..');
let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'zr-cli-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function writeReturn(name: string, value: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(value));
  return path;
}

const SUBMISSION_ID = '0f8fad5b-d9cb-469f-a165-70867728950e';

describe('zone-returns export and verify', () => {
  it('exports an example return with the given revision and submission id, and verify confirms it', async () => {
    const input = join(root, 'seeds', 'examples', 'jincheng-kfq-2024-q1.json');
    const output = join(dir, '晋城开发区_第2版.xlsx');
    const exported = await capture(runExport, [input, '-o', output, '--revision', '2', '--submission-id', SUBMISSION_ID]);
    expect(exported.code).toBe(0);
    const summary: { sha256: string; revision: number; submissionId: string; period: string } = JSON.parse(exported.stdout);
    expect(summary).toMatchObject({ revision: 2, submissionId: SUBMISSION_ID, period: '2024年1–3月' });

    const read = await readSubmissionWorkbook(new Uint8Array(readFileSync(output)));
    if (!read.ok) throw new Error(JSON.stringify(read.issues));
    expect(returnJson(read.value.ret)).toBe(returnJson(exampleReturn('jincheng-kfq-2024-q1')));
    expect(read.value.checksum.stored).toBe(summary.sha256);

    const verified = await capture(runVerify, [output]);
    expect(verified.code).toBe(0);
    const report: { identity: { submissionId: string; zoneName: string }; revision: number; checksumOk: boolean; intact: boolean; problems: unknown[] } = JSON.parse(verified.stdout);
    expect(report).toMatchObject({ revision: 2, checksumOk: true, intact: true, problems: [] });
    expect(report.identity).toMatchObject({ submissionId: SUBMISSION_ID, zoneName: '晋城开发区' });
    expect(verified.stderr).toContain('校验码一致');
    expect(verified.stderr).toContain('内容完整；未签名，无法证明来源');
    expect(JSON.parse(verified.stdout)).toMatchObject({ verdict: { contentIntact: true, signature: { state: 'unsigned' }, text: '内容完整；未签名，无法证明来源' } });
  });

  it('verify exits 1 and names the cell when the table was edited by hand', async () => {
    const output = join(dir, 'edited.xlsx');
    expect((await capture(runExport, [join(root, 'seeds', 'examples', 'gaoping-kfq-2024-q1.json'), '-o', output])).code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(readFileSync(output)).buffer);
    const sheet = workbook.getWorksheet(SHEET.indicators);
    if (!sheet) throw new Error('no indicator sheet');
    sheet.getCell('D6').value = 999;
    writeFileSync(output, new Uint8Array(await workbook.xlsx.writeBuffer()));

    const verified = await capture(runVerify, [output]);
    expect(verified.code).toBe(1);
    const report: { checksumOk: boolean; tableOk: boolean; intact: boolean; problems: Array<{ location: { sheet: string; row: number; column: string } }> } = JSON.parse(verified.stdout);
    expect(report).toMatchObject({ checksumOk: true, tableOk: false, intact: false });
    expect(report.problems[0]?.location).toMatchObject({ sheet: SHEET.indicators, row: 6, column: 'D' });
  });

  it('verify exits 1 on a file that is not a workbook', async () => {
    const path = join(dir, 'not.xlsx');
    writeFileSync(path, 'hello');
    const verified = await capture(runVerify, [path]);
    expect(verified.code).toBe(1);
    expect(JSON.parse(verified.stdout)).toMatchObject({ ok: false, intact: false });
  });

  it('refuses a return with an unexplained warning unless --force, and accepts it once explained', async () => {
    const ret = exampleReturn('jincheng-kfq-2024-q1');
    ret.values['gyzjz'] = { current: 100, lastYear: 52.3 }; // +91%: outside the set's −30%…60%
    const input = writeReturn('warning.json', ret);
    const output = join(dir, 'warning.xlsx');
    const refused = await capture(runExport, [input, '-o', output]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('未说明的提示 1 条');
    expect(existsSync(output)).toBe(false);
    const { issues }: { issues: Array<{ location: { path: string } }> } = JSON.parse(refused.stdout);
    const key = issues[0]?.location.path ?? '';

    expect((await capture(runExport, [input, '-o', output, '--force'])).code).toBe(0);
    ret.explanations[key] = '一季度新投产两家大企业，增加值大幅增长。';
    const explained = await capture(runExport, [writeReturn('explained.json', ret), '-o', output]);
    expect(explained.code).toBe(0);
    const read = await readSubmissionWorkbook(new Uint8Array(readFileSync(output)));
    expect(read.ok && read.value.payload.issues.map((i) => i.key)).toEqual([key]);
  });

  it('refuses a return with a hard error', async () => {
    const ret = exampleReturn('jincheng-kfq-2024-q1');
    ret.values['zxxmtz'] = { current: 9, lastYear: 5.01 }; // 转型项目投资 > 工业投资 7.85
    const refused = await capture(runExport, [writeReturn('error.json', ret), '-o', join(dir, 'error.xlsx')]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('错误 1 条');
  });

  it.each([
    [[], '缺少报表文件'],
    [['a.json'], '缺少 -o'],
    [['a.json', '-o', 'a.csv'], '.xlsx'],
    [['a.json', '-o', 'a.xlsx', '--revision', '0'], '--revision'],
    [['a.json', '-o', 'a.xlsx', '--submission-id', 'abc'], 'UUID'],
    [['a.json', '-o', 'a.xlsx', '--colour'], '--colour'],
  ])('export %j is a usage error', async (args, message) => {
    const result = await capture(runExport, args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });

  it('export reports an unreadable or malformed return file', async () => {
    const broken = await capture(runExport, [writeReturn('broken.json', '{'), '-o', join(dir, 'b.xlsx')]);
    expect(broken.code).toBe(1);
    writeFileSync(join(dir, 'truncated.json'), '{"format":');
    const truncated = await capture(runExport, [join(dir, 'truncated.json'), '-o', join(dir, 'b.xlsx')]);
    expect(truncated.code).toBe(1);
    expect(truncated.stderr).toContain('不是有效的 JSON');
  });

  it('runs through the installed command (bin/zone-returns.mjs)', () => {
    const output = join(dir, 'bin.xlsx');
    const bin = join(root, 'bin', 'zone-returns.mjs');
    const exported = spawnSync(process.execPath, [bin, 'export', join(root, 'seeds', 'examples', 'lingchuan-lyq-2024-q1.json'), '-o', output], { encoding: 'utf8', timeout: 60_000 });
    expect(exported.status, exported.stderr).toBe(0);
    const verified = spawnSync(process.execPath, [bin, 'verify', output], { encoding: 'utf8', timeout: 60_000 });
    expect(verified.status, verified.stderr).toBe(0);
    expect(JSON.parse(verified.stdout)).toMatchObject({ intact: true, identity: { zoneName: '陵川生态文化旅游示范区' } });
  });
});
