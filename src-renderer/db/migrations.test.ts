import { describe, expect, it } from 'vitest';
import { migrateV1toV2, zoneIdOfReturnId } from './migrations';
import type { V1RosterRowRecord, V1Tables } from './schema';

const NOW = '2024-05-01T00:00:00.000Z';

function tables(rosterRows: V1RosterRowRecord[], extra: Partial<V1Tables> = {}): V1Tables {
  const ret = (zoneId: string, periodKey: string, endMonth: number, year: number) => ({
    id: `${zoneId}|${periodKey}`, zoneId, periodKey, period: { year, endMonth, frequency: 'quarter' as const },
    indicatorSet: { id: 's', version: '1' }, status: '填报中' as const, cover: {}, updatedAt: NOW, submittedAt: null,
  });
  return {
    zones: [],
    returns: [ret('a', '2023-12-q', 12, 2023), ret('a', '2024-03-q', 3, 2024), ret('b', '2024-03-q', 3, 2024)],
    values: [],
    rosterRows,
    explanations: [],
    auditLog: [],
    settings: [],
    ...extra,
  };
}

describe('merging the per-return rosters of version 1 into one ledger per zone', () => {
  it.each<[string, V1RosterRowRecord[], Array<Record<string, unknown>>]>([
    ['one copy stays as it is', [{ id: 'x', returnId: 'a|2024-03-q', name: '甲', v: 1 }], [{ id: 'x', zoneId: 'a', position: 1, name: '甲', v: 1 }]],
    [
      'the copy of the later period wins, whatever order the rows come in',
      [
        { id: 'new', returnId: 'a|2024-03-q', name: '甲', v: 2 },
        { id: 'old', returnId: 'a|2023-12-q', name: '甲', v: 1 },
      ],
      [{ id: 'new', zoneId: 'a', position: 1, name: '甲', v: 2 }],
    ],
    [
      'names match after trimming spaces',
      [
        { id: 'old', returnId: 'a|2023-12-q', name: '甲 ', v: 1 },
        { id: 'new', returnId: 'a|2024-03-q', name: '甲', v: 2 },
      ],
      [{ id: 'new', zoneId: 'a', position: 1, name: '甲', v: 2 }],
    ],
    [
      'the same name in two zones is two projects',
      [
        { id: 'p', returnId: 'a|2024-03-q', name: '甲' },
        { id: 'q', returnId: 'b|2024-03-q', name: '甲' },
      ],
      [{ id: 'p', zoneId: 'a', position: 1, name: '甲' }, { id: 'q', zoneId: 'b', position: 1, name: '甲' }],
    ],
    [
      'rows without a name are all kept',
      [
        { id: 'n1', returnId: 'a|2023-12-q', v: 1 },
        { id: 'n2', returnId: 'a|2024-03-q', name: '', v: 2 },
      ],
      [{ id: 'n1', zoneId: 'a', position: 1, v: 1 }, { id: 'n2', zoneId: 'a', position: 2, name: '', v: 2 }],
    ],
  ])('%s', (_label, rows, expected) => {
    expect(migrateV1toV2(tables(rows), NOW).rosterRows).toEqual(expected);
  });
});

describe('the other tables', () => {
  it('moves texts out of values, adds revisions, keeps zones as registry copies and fills audit context', () => {
    const v1 = tables([], {
      zones: [{ id: 'a', name: '甲区', cityCode: '1', county: '县', type: 'industrial', level: '省级' }],
      values: [
        { returnId: 'a|2024-03-q', code: 'n', current: 1.5, lastYear: null, updatedAt: NOW },
        { returnId: 'a|2024-03-q', code: 't', current: '文字', lastYear: null, updatedAt: NOW },
      ],
      auditLog: [
        { seq: 7, at: NOW, who: 'w', returnId: 'a|2024-03-q', table: 'values', key: 'n', field: 'current', old: null, new: 1.5 },
        { seq: 8, at: NOW, who: 'w', returnId: null, table: 'something-old', key: 'k', field: 'f', old: 1, new: 2 },
      ],
    });
    v1.returns = v1.returns.map((r, i) => (i === 0 ? { ...r, status: '已报送' } : r));
    const v2 = migrateV1toV2(v1, NOW);
    expect(v2.values).toEqual([{ returnId: 'a|2024-03-q', code: 'n', current: 1.5, lastYear: null, updatedAt: NOW }]);
    expect(v2.texts).toEqual([{ returnId: 'a|2024-03-q', code: 't', text: '文字', updatedAt: NOW }]);
    expect(v2.returns.map((r) => [r.status, r.revision, r.reopenReason])).toEqual([['已报送', 1, null], ['填报中', 0, null], ['填报中', 0, null]]);
    expect(v2.zones).toEqual([{ id: 'a', registry: v1.zones[0], edits: {}, updatedAt: NOW }]);
    expect(v2.auditLog.map((e) => [e.seq, e.zoneId, e.table, e.action])).toEqual([[7, 'a', 'values', 'update'], [8, null, 'database', 'update']]);
    expect(v2.importBatches).toEqual([]);
    expect(v2.outbox).toEqual([]);
  });

  it.each([
    ['jincheng-kfq|2024-03-q', 'jincheng-kfq'],
    ['a|b|2024-03-q', 'a|b'],
    ['no-bar', 'no-bar'],
  ])('the zone of return %s is %s', (returnId, zoneId) => {
    expect(zoneIdOfReturnId(returnId)).toBe(zoneId);
  });
});
