/**
 * 导出草稿: the same workbook with every sheet's page header marked 草稿 and the payload flagged;
 * `verify` says it is a draft and exits as for a refused file; the bureau's collection refuses it
 * with 草稿 as the reason, while the submission beside it still counts.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { run as runCollect } from '../../src-main/cli/collect';
import { run as runVerify } from '../../src-main/cli/verify';
import { readReceivedFile } from '../../src-shared/collect/read-received';
import { computeReturn } from '../../src-shared/compute';
import { exampleReturn } from '../../src-shared/seeds';
import { validateReturn } from '../../src-shared/validate';
import { readSubmissionWorkbook, SHEET, VISIBLE_SHEETS, writeSubmissionWorkbook } from '../../src-shared/workbook';
import { ExcelJS } from '../../src-shared/workbook/excel';
import { submissionFileName } from '../../src-shared/workbook/file-name';
import { seedSet, zoneOf } from './fixtures';
import { captureOutput as capture } from '../cli/capture';

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'zr-draft-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function write(draft: boolean, revision: number, submissionId: string): Promise<Uint8Array> {
  const ret = exampleReturn('jincheng-kfq-2024-q1');
  const set = seedSet();
  const computed = computeReturn(set, ret, { zoneType: 'industrial' });
  const issues = validateReturn(set, ret, computed, { zoneType: 'industrial' });
  const written = await writeSubmissionWorkbook({ set, ret, computed, issues, zone: zoneOf(ret.zoneId), submissionId, revision, exportedAt: '2024-04-08T08:30:00.000Z', draft });
  return written.bytes;
}

describe('导出草稿', () => {
  it('marks every visible sheet 草稿 in its page header and reads back intact, flagged as a draft', async () => {
    const bytes = await write(true, 1, '1b4e28ba-2fa1-41d2-883f-0016d3cca427');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(bytes).buffer);
    for (const name of VISIBLE_SHEETS) {
      expect(workbook.getWorksheet(name)?.headerFooter.oddHeader, name).toContain('草稿（不作报送）');
    }
    const read = await readSubmissionWorkbook(bytes);
    if (!read.ok) throw new Error(JSON.stringify(read.issues));
    expect(read.value).toMatchObject({ intact: true, draft: true, identity: { draft: true } });
    expect(read.value.verdict.text).toContain('这是草稿');

    const submission = await readSubmissionWorkbook(await write(false, 1, '1b4e28ba-2fa1-41d2-883f-0016d3cca427'));
    if (!submission.ok) throw new Error(JSON.stringify(submission.issues));
    expect(submission.value).toMatchObject({ intact: true, draft: false });
    expect(submission.value.payload).not.toHaveProperty('draft');
  });

  it('cannot be made a submission by removing the flag: the checksum no longer holds', async () => {
    const bytes = await write(true, 1, '1b4e28ba-2fa1-41d2-883f-0016d3cca427');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(bytes).buffer);
    const data = workbook.getWorksheet(SHEET.data);
    if (!data) throw new Error('no data sheet');
    let removed = false;
    data.eachRow((row) => {
      const cell = row.getCell(2);
      // Canonical JSON sorts the keys: the flag sits among the first.
      if (typeof cell.value === 'string' && cell.value.includes('"draft":true,')) {
        cell.value = cell.value.replace('"draft":true,', '');
        removed = true;
      }
    });
    expect(removed).toBe(true);
    const read = await readSubmissionWorkbook(new Uint8Array(await workbook.xlsx.writeBuffer()));
    if (!read.ok) return; // unreadable is refused as well
    expect(read.value.draft).toBe(false);
    expect(read.value.intact).toBe(false);
  });

  it('offers a file name that says 草稿', () => {
    expect(submissionFileName('晋城开发区', '2024年1–3月', 2, true)).toBe('晋城开发区_2024年1–3月_草稿_第2版.xlsx');
    expect(submissionFileName('晋城开发区', '2024年1–3月', 2)).toBe('晋城开发区_2024年1–3月_报送_第2版.xlsx');
  });

  it('verify says it is a draft, not a submission, and exits 1', async () => {
    const path = join(dir, 'draft.xlsx');
    writeFileSync(path, await write(true, 1, '1b4e28ba-2fa1-41d2-883f-0016d3cca427'));
    const verified = await capture(runVerify, [path]);
    expect(verified.code).toBe(1);
    expect(JSON.parse(verified.stdout)).toMatchObject({ ok: true, draft: true, submission: false, intact: true, verdict: { draft: true } });
    expect(verified.stderr).toContain('草稿，不是报送');
  });

  it('the bureau inbox reader and the CLI collect refuse it with 草稿 as the reason', async () => {
    const draftBytes = await write(true, 2, '2c4e28ba-2fa1-41d2-883f-0016d3cca427');
    const received = await readReceivedFile(draftBytes, 'draft.xlsx');
    expect(received.identity?.draft).toBe(true);

    const draftPath = join(dir, '晋城_草稿_第2版.xlsx');
    const sentPath = join(dir, '晋城_报送_第1版.xlsx');
    writeFileSync(draftPath, draftBytes);
    writeFileSync(sentPath, await write(false, 1, '3d4e28ba-2fa1-41d2-883f-0016d3cca427'));
    const collected = await capture(runCollect, [draftPath, sentPath]);
    const report: { rejected: Array<{ file: string; reason: string }>; accepted: Array<{ file: string; revision: number }> } = JSON.parse(collected.stdout);
    expect(report.rejected).toEqual([{ file: '晋城_草稿_第2版.xlsx', reason: expect.stringContaining('草稿') }]);
    // The draft carries a higher revision, yet the submission is what counts.
    expect(report.accepted).toEqual([expect.objectContaining({ file: '晋城_报送_第1版.xlsx', revision: 1 })]);
  });
});
