import { describe, expect, it } from 'vitest';
import { applyNearDuplicateChoices, diffRows, flagNearDuplicates, editDistance, isNearDuplicate, normaliseName, type ExistingRow } from './diff-rows';
import { TEST_TARGETS } from './test-support';
import type { MappedRow } from './types';

const row = (n: number, values: MappedRow['values']): MappedRow => ({ row: n, sheet: '台账', values, issues: [] });
const existing: ExistingRow[] = [
  { id: 'a', zoneId: 'jincheng-kfq', values: { name: '康佳智慧科技城项目', totalInvestment: 50, started: true } },
  { id: 'b', zoneId: 'jincheng-kfq', values: { name: '江苏国强智能光伏装备制造项目', totalInvestment: 30 } },
  { id: 'c', zoneId: 'gaoping-kfq', values: { name: '高平丝麻纺织产业园项目', totalInvestment: 8.5 } },
];
const opts = { keyFields: ['name'], targets: TEST_TARGETS, defaultZoneId: 'jincheng-kfq', resolveZone: (t: string) => ({ 晋城开发区: 'jincheng-kfq', 高平开发区: 'gaoping-kfq' })[t] };

describe('diffRows', () => {
  it('marks rows new, changed or unchanged by name and zone, and keeps fields the ledger does not have', () => {
    const preview = diffRows(
      [
        row(2, { name: '康佳智慧科技城项目', totalInvestment: 50 }),
        row(3, { name: '江苏国强智能光伏装备制造项目 ', totalInvestment: 32 }),
        row(4, { name: '高平丝麻纺织产业园项目', totalInvestment: 8.5, $zone: '晋城开发区' }),
        row(5, { name: '高平丝麻纺织产业园项目', totalInvestment: 9, $zone: '高平开发区' }),
      ],
      existing,
      opts,
    );
    expect(preview.rows.map((r) => [r.row, r.status, r.existingId, r.zoneId])).toEqual([
      [2, 'unchanged', 'a', 'jincheng-kfq'],
      [3, 'changed', 'b', 'jincheng-kfq'],
      [4, 'new', undefined, 'jincheng-kfq'],
      [5, 'changed', 'c', 'gaoping-kfq'],
    ]);
    expect(preview.rows[0]?.values).toEqual({ name: '康佳智慧科技城项目', totalInvestment: 50, started: true });
    expect(preview.rows[1]?.changes).toEqual([
      { field: 'name', from: '江苏国强智能光伏装备制造项目', to: '江苏国强智能光伏装备制造项目 ' },
      { field: 'totalInvestment', from: 30, to: 32 },
    ]);
    expect(preview.summary).toEqual({ new: 1, changed: 2, unchanged: 1, invalid: 0, nearDuplicates: 0 });
  });

  it('flags near-duplicate names in the same zone', () => {
    const preview = diffRows([row(2, { name: '康佳智慧科技城' }), row(3, { name: '江苏国强智能光伏装备制造项口' }), row(4, { name: '全新项目' })], existing, opts);
    expect(preview.rows.map((r) => r.nearDuplicates.map((d) => d.id))).toEqual([['a'], ['b'], []]);
    expect(preview.rows[0]?.issues.map((i) => i.code)).toEqual(['near-duplicate']);
    expect(preview.summary.nearDuplicates).toBe(2);
  });

  it('can leave the near-duplicate search for later, with the same flags in the end', () => {
    const mapped = [row(2, { name: '康佳智慧科技城' }), row(3, { name: '江苏国强智能光伏装备制造项口' }), row(4, { name: '全新项目' })];
    const first = diffRows(mapped, existing, { ...opts, nearDuplicates: false });
    expect(first.summary.nearDuplicates).toBe(0);
    expect(first.rows.every((r) => r.nearDuplicates.length === 0)).toBe(true);
    const later = flagNearDuplicates(first, existing, opts);
    expect(later).toEqual(diffRows(mapped, existing, opts));
    // Only the row's own zone is searched.
    const elsewhere = flagNearDuplicates(first, existing.map((e) => ({ ...e, zoneId: 'other-zone' })), opts);
    expect(elsewhere.summary.nearDuplicates).toBe(0);
  });

  it('makes rows with errors invalid and excluded, and flags duplicates within the file', () => {
    const bad: MappedRow = { ...row(2, { name: null }), issues: [{ code: 'required-missing', severity: 'error', message: 'x' }] };
    const preview = diffRows([bad, row(3, { name: '某项目', $zone: '火星开发区' }), row(4, { name: '甲' }), row(5, { name: '甲' })], existing, opts);
    expect(preview.rows.map((r) => [r.status, r.excluded])).toEqual([
      ['invalid', true],
      ['invalid', true],
      ['new', false],
      ['new', false],
    ]);
    expect(preview.rows[1]?.issues.map((i) => i.code)).toEqual(['unknown-zone']);
    expect(preview.rows[3]?.issues.map((i) => i.code)).toEqual(['duplicate-in-file']);
  });

  it('needs a zone for every row', () => {
    const preview = diffRows([row(2, { name: '甲' })], [], { ...opts, defaultZoneId: null });
    expect(preview.rows[0]?.issues.map((i) => i.code)).toEqual(['no-zone']);
  });
});

describe('names', () => {
  it.each([
    ['康佳 智慧科技城（一期）', '康佳智慧科技城一期'],
    ['ＡＢＣ项目', 'abc项目'],
  ])('normalises %s', (a, b) => {
    expect(normaliseName(a)).toBe(b);
  });
  it('measures edit distance', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('abc', 'abc')).toBe(0);
    expect(editDistance('abcdef', 'x', 2)).toBe(3);
  });
  it.each([
    ['康佳智慧科技城项目', '康佳智慧科技城', true],
    ['高平肉制品深加工项目', '高平肉制品深加工项日', true],
    ['甲', '乙', false],
    ['光伏项目', '储能项目', false],
  ])('%s ~ %s: %s', (a, b, near) => {
    expect(isNearDuplicate(normaliseName(a), normaliseName(b))).toBe(near);
  });
});

describe('near-duplicate search', () => {
  it('finds the same near duplicates as comparing every pair', () => {
    // A deterministic pseudo-random set of names from a small alphabet, so that many are alike.
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const alphabet = '光伏储能新材料装备制造项目一期二期园区';
    const word = () => Array.from({ length: 3 + rand(10) }, () => alphabet[rand(alphabet.length)]).join('');
    const stored = Array.from({ length: 300 }, word);
    const incoming = [...Array.from({ length: 200 }, word), ...stored.slice(0, 50).map((n) => `${n}项`), ...stored.slice(50, 100).map((n) => n.slice(1))];
    const existingRows: ExistingRow[] = stored.map((name, i) => ({ id: `s${i}`, zoneId: 'z', values: { name } }));
    const preview = diffRows(
      incoming.map((name, i) => row(i + 2, { name })),
      existingRows,
      { keyFields: ['name'], targets: TEST_TARGETS, defaultZoneId: 'z' },
    );
    const brute = incoming.map((name) => {
      const exact = stored.some((s) => normaliseName(s) === normaliseName(name));
      return exact ? [] : existingRows.filter((r) => isNearDuplicate(normaliseName(name), normaliseName(String(r.values.name)))).map((r) => r.id).sort();
    });
    expect(preview.rows.map((r) => r.nearDuplicates.map((d) => d.id).sort())).toEqual(brute);
    expect(brute.filter((b) => b.length > 0).length).toBeGreaterThan(50);
  });
});

describe('the clerk’s 视为同一项目 / 作为新项目 choices', () => {
  const mapped = [row(2, { name: '康佳智慧科技城', totalInvestment: 55 }), row(3, { name: '江苏国强智能光伏装备制造项口', totalInvestment: 30 }), row(4, { name: '全新项目', totalInvestment: 1 })];

  it('turns a row said to be the same project into an update of it, keeping the stored name', () => {
    const preview = diffRows(mapped, existing, opts);
    const chosen = applyNearDuplicateChoices(preview, new Map([['台账!2', 'a'], ['台账!3', 'b']]), existing, opts);
    expect(chosen.rows.map((r) => [r.row, r.status, r.existingId])).toEqual([
      [2, 'changed', 'a'],
      [3, 'unchanged', 'b'],
      [4, 'new', undefined],
    ]);
    expect(chosen.rows[0]?.changes).toEqual([{ field: 'totalInvestment', from: 50, to: 55 }]);
    expect(chosen.rows[0]?.values).toEqual({ name: '康佳智慧科技城项目', totalInvestment: 55, started: true });
    expect(chosen.rows[0]?.issues.map((i) => i.code)).toEqual([]);
    expect(chosen.summary).toEqual({ new: 1, changed: 1, unchanged: 1, invalid: 0, nearDuplicates: 2 });
    // The preview given is not changed.
    expect(preview.rows[0]?.status).toBe('new');
  });

  it('leaves rows as new projects without a choice, and ignores a choice of a project that is not a candidate', () => {
    const preview = diffRows(mapped, existing, opts);
    expect(applyNearDuplicateChoices(preview, new Map(), existing, opts)).toBe(preview);
    const wrong = applyNearDuplicateChoices(preview, new Map([['台账!2', 'b'], ['台账!4', 'a']]), existing, opts);
    expect(wrong.rows.map((r) => r.status)).toEqual(['new', 'new', 'new']);
  });
});
