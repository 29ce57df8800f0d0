import { describe, expect, it } from 'vitest';
import { exampleReturn, kfqSet } from '../seeds';
import { buildPayload } from './build-payload';
import { chinaDate, coverLabel, layoutCover, shortSubmissionNumber } from './layout-cover';
import { submissionZone } from './submission-zone';

describe('chinaDate', () => {
  it.each([
    ['2024-04-07T23:30:00.000Z', '2024-04-08'],
    ['2024-04-08T15:59:59.000Z', '2024-04-08'],
    ['2024-04-08T16:00:00.000Z', '2024-04-09'],
    ['not a date', undefined],
  ])('%s → %s', (iso, date) => {
    expect(chinaDate(iso)).toBe(date);
  });
});

describe('layoutCover', () => {
  const zone = submissionZone('jincheng-kfq');
  if (!zone) throw new Error('zone missing');
  const valueOf = (ret: ReturnType<typeof exampleReturn>, label: string) => {
    const sheet = layoutCover(buildPayload({ set: kfqSet(), ret, computed: { figures: {} }, issues: [], zone, submissionId: 'id-1', revision: 2, exportedAt: '2024-04-09T01:00:00.000Z' }));
    const labelCell = sheet.cells.find((c) => c.col === 2 && c.value === coverLabel(label));
    return sheet.cells.find((c) => c.row === labelCell?.row && c.col === 3)?.value;
  };

  it('prints what the cover holds, and the zone, city and county from the registry', () => {
    const ret = exampleReturn('jincheng-kfq-2024-q1');
    expect(valueOf(ret, '填报单位')).toBe('晋城开发区');
    expect(valueOf(ret, '所属市县')).toBe('晋城市 城区');
    expect(valueOf(ret, '单位负责人')).toBe(ret.cover.unitHead);
    expect(valueOf(ret, '报出日期')).toBe(ret.cover.reportDate);
    expect(valueOf(ret, '版次')).toBe('第 2 版');
  });

  it('gives a short 报送编号 (zone, period, revision) and the set by its Chinese name, never the UUID or the set id', () => {
    const ret = exampleReturn('jincheng-kfq-2024-q1');
    expect(valueOf(ret, '报送编号')).toBe('jincheng-kfq-2024Q1-R2');
    expect(valueOf(ret, '指标体系')).toBe(`${kfqSet().name}，${kfqSet().version} 版`);
    const sheet = layoutCover(buildPayload({ set: kfqSet(), ret, computed: { figures: {} }, issues: [], zone, submissionId: '0f8fad5b-d9cb-469f-a165-70867728950e', revision: 1, exportedAt: '2024-04-09T01:00:00.000Z' }));
    const texts = sheet.cells.map((c) => String(c.value));
    expect(texts.some((t) => t.includes('0f8fad5b'))).toBe(false);
    expect(texts.some((t) => t.includes(kfqSet().id))).toBe(false);
  });

  it.each([
    [{ year: 2024, endMonth: 3, frequency: 'quarter' as const }, 1, 'x-2024Q1-R1'],
    [{ year: 2024, endMonth: 12, frequency: 'quarter' as const }, 3, 'x-2024Q4-R3'],
    [{ year: 2025, endMonth: 7, frequency: 'month' as const }, 2, 'x-2025M07-R2'],
  ])('报送编号 of %o revision %i is %s', (period, revision, expected) => {
    const ret = { ...exampleReturn('jincheng-kfq-2024-q1'), period };
    expect(shortSubmissionNumber({ revision, zone: { ...zone, id: 'x' }, return: ret })).toBe(expected);
  });

  it('takes the day of the export in China as 报出日期 when the cover has none', () => {
    const ret = exampleReturn('jincheng-kfq-2024-q1');
    delete ret.cover.reportDate;
    delete ret.cover.phone;
    expect(valueOf(ret, '报出日期')).toBe('2024-04-09');
    expect(valueOf(ret, '联系电话')).toBeNull();
  });
});
