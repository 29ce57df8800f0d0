import { describe, expect, it } from 'vitest';
import { exampleReturn, kfqSet } from '../../src-shared/seeds';
import { ExcelJS } from '../../src-shared/workbook/excel';
import { readSubmissionWorkbook, SHEET, submissionZone, writeSubmissionWorkbook } from '../../src-shared/workbook';
import { describeVerification } from './describe-verification';

async function exported(): Promise<Uint8Array> {
  const ret = exampleReturn('qinshui-kfq-2024-q1');
  const zone = submissionZone(ret.zoneId);
  if (!zone) throw new Error('zone missing');
  const written = await writeSubmissionWorkbook({ set: kfqSet(), ret, computed: { figures: {} }, issues: [], zone, submissionId: '0f8fad5b-d9cb-469f-a165-70867728950e', revision: 3, exportedAt: '2024-04-08T00:00:00Z' });
  return written.bytes;
}

describe('describeVerification', () => {
  it('names the zone, period, revision and submission of an intact workbook', async () => {
    const view = describeVerification('沁水.xlsx', await readSubmissionWorkbook(await exported()));
    expect(view.verdict).toBe('intact');
    expect(view.headline).toBe('沁水.xlsx：沁水开发区 2024年1–3月 第 3 版（报送编号 0f8fad5b-d9cb-469f-a165-70867728950e），校验码一致，表格与数据相符。');
    expect(view.problems).toEqual([]);
  });

  it('lists the problems of a changed workbook', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(await exported()).buffer);
    const sheet = workbook.getWorksheet(SHEET.cover);
    if (!sheet) throw new Error('no cover');
    sheet.getCell('C5').value = '别的开发区';
    const view = describeVerification('沁水.xlsx', await readSubmissionWorkbook(new Uint8Array(await workbook.xlsx.writeBuffer())));
    expect(view.verdict).toBe('changed');
    expect(view.headline).toContain('表格与数据不符，共 1 处问题');
    expect(view.problems[0]).toContain('「封面」表 C5');
  });

  it('says when a file cannot be read', async () => {
    const view = describeVerification('x.xlsx', await readSubmissionWorkbook(new Uint8Array([1, 2, 3])));
    expect(view.verdict).toBe('unreadable');
    expect(view.problems[0]).toContain('不是有效的 Excel 工作簿');
  });
});
