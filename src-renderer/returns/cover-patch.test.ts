import { describe, expect, it } from 'vitest';
import type { CoverInfo } from '../../src-shared/model';
import { coverPatch, isWholeReportDate } from './cover-patch';

const empty: Record<keyof CoverInfo, string> = { unitHead: '', statisticsHead: '', filler: '', phone: '', reportDate: '' };

describe('isWholeReportDate', () => {
  it.each([
    ['2024-04-08', true],
    ['2024-02-30', false],
    ['0002-04-08', false],
    ['0202-04-08', false],
    ['', false],
    ['2024-04', false],
  ])('%j → %s', (value, whole) => {
    expect(isWholeReportDate(value)).toBe(whole);
  });
});

describe('coverPatch', () => {
  it('returns only the changed fields, trimmed, and clears emptied ones', () => {
    const result = coverPatch({ ...empty, filler: ' 王芳 ', phone: '', reportDate: '2024-04-08' }, { filler: '李明', phone: '0356-1234567' });
    expect(result).toEqual({ ok: true, patch: { filler: '王芳', phone: '', reportDate: '2024-04-08' } });
  });

  it('changes nothing when nothing changed', () => {
    expect(coverPatch({ ...empty, filler: '王芳' }, { filler: '王芳' })).toEqual({ ok: true, patch: {} });
  });

  it.each(['2024/4/8', '2024-13-01', '昨天', '0004-02-02', '2024-02-30'])('refuses the report date %j', (date) => {
    const result = coverPatch({ ...empty, reportDate: date }, {});
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(date);
  });
});
