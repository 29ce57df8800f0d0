import { describe, expect, it } from 'vitest';
import { findTable } from './find-table';
import { applySavedMapping, autoMapColumns, headerSignature, parseSavedMapping, setColumnTarget, setColumnUnit, toSavedMapping } from './map-columns';
import { mapRows } from './map-rows';
import { matchScore } from './match-header';
import { rawSheet, TEST_TARGETS, type AoaRow } from './test-support';
import { DEFAULT_LIMITS, type LedgerTable } from './types';

function table(rows: AoaRow[]): LedgerTable {
  const r = findTable(rawSheet(rows), { fileName: 't.xlsx', targets: TEST_TARGETS, limits: DEFAULT_LIMITS, date1904: false });
  if (!r.ok) throw new Error('no table');
  return r.value;
}

const target = (code: string) => {
  const t = TEST_TARGETS.find((x) => x.code === code);
  if (!t) throw new Error(code);
  return t;
};

describe('matchScore', () => {
  it('prefers an exact synonym to a contained one and ignores units and spacing', () => {
    expect(matchScore('计划总投资（万元）', target('totalInvestment'))).toBeGreaterThan(matchScore('总投资额度', target('totalInvestment')));
    expect(matchScore('项 目 名 称', target('name'))).toBeGreaterThan(1000);
    expect(matchScore('备注', target('name'))).toBe(0);
  });

  it('honours required and excluded words', () => {
    const current = { code: 'x:current', name: '工业投资', type: 'number' as const, synonyms: ['工业投资'], excludeWords: ['上年', '同期'] };
    const last = { ...current, code: 'x:lastYear', excludeWords: undefined, requireWords: ['上年', '同期'] };
    expect(matchScore('工业投资 / 本期', current)).toBeGreaterThan(0);
    expect(matchScore('工业投资 / 上年同期', current)).toBe(0);
    expect(matchScore('工业投资 / 上年同期', last)).toBeGreaterThan(0);
    expect(matchScore('工业投资 / 本期', last)).toBe(0);
  });
});

describe('column mapping', () => {
  const ledger = table([
    ['序号', '项目', '项目名称', '投资额(万元)', '开工时间', '是否开工', '说明'],
    [1, '工业', '甲项目', 12000, '2024.3.15', '是', null],
  ]);

  it('maps each target to its best column once, never the 序号 column', () => {
    const m = autoMapColumns(ledger, TEST_TARGETS);
    expect(m.columns.map((c) => c.target)).toEqual([null, null, 'name', 'totalInvestment', 'startDate', 'started', null]);
    expect(m.columns.every((c) => c.source === 'auto')).toBe(true);
  });

  it('gives the same signature to ledgers with the same header, and a different one otherwise', () => {
    const same = table([
      ['序号', '项目', '项目名称', '投资额（万元）', '开工时间', '是否开工', '说明'],
      [9, '服务业', '乙项目', 1, '2024-01-01', '否', 'x'],
    ]);
    const other = table([
      ['项目名称', '投资额(万元)'],
      ['甲', 1],
    ]);
    expect(headerSignature(same.columns)).toBe(headerSignature(ledger.columns));
    expect(headerSignature(other.columns)).not.toBe(headerSignature(ledger.columns));
  });

  it('lets the clerk change a mapping and a unit; a target moves rather than doubles', () => {
    let m = autoMapColumns(ledger, TEST_TARGETS);
    m = setColumnTarget(m, 3, 'investmentThisYear');
    m = setColumnTarget(m, 1, 'name');
    expect(m.columns.map((c) => c.target)).toEqual([null, 'name', null, 'investmentThisYear', 'startDate', 'started', null]);
    m = setColumnUnit(m, 3, '元');
    const rows = mapRows(ledger, m, { fileName: 't', targets: TEST_TARGETS }).rows;
    expect(rows[0]?.values).toMatchObject({ name: '工业', investmentThisYear: 0.00012 });
  });

  it('remembers a mapping by header text and applies it next time', () => {
    const changed = setColumnTarget(autoMapColumns(ledger, TEST_TARGETS), 3, 'investmentThisYear');
    const saved = toSavedMapping(changed);
    expect(saved.signature).toBe(changed.signature);
    const applied = applySavedMapping(ledger, TEST_TARGETS, saved, 'saved');
    expect(applied.ok && applied.value.columns.map((c) => c.target)).toEqual(changed.columns.map((c) => c.target));
    expect(applied.ok && applied.value.columns[3]?.source).toBe('saved');
  });

  it('reads a mapping file keyed by header or column letter and warns about what does not fit', () => {
    const parsed = parseSavedMapping({ columns: { B: 'name', 项目名称: null, 不存在的列: 'note', 说明: 'nosuchfield' }, units: { D: '元' } });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const applied = applySavedMapping(ledger, TEST_TARGETS, parsed.value, 'file');
    expect(applied.ok && applied.value.columns.map((c) => c.target)).toEqual([null, 'name', null, 'totalInvestment', 'startDate', 'started', null]);
    expect(applied.ok && applied.value.columns[3]?.sourceUnit).toBe('元');
    expect(applied.issues.map((i) => i.code).sort()).toEqual(['mapping-column-missing', 'mapping-unknown-target']);
  });

  it.each([
    [[], 'bad-mapping'],
    [{ columns: ['name'] }, 'bad-mapping'],
    [{ columns: { 项目名称: 3 } }, 'bad-mapping'],
    [{ columns: {}, units: { 总投资: '公斤' } }, 'bad-mapping'],
  ])('refuses a malformed mapping file %j', (json, code) => {
    const r = parseSavedMapping(json);
    expect(r.ok).toBe(false);
    expect(r.issues[0]?.code).toBe(code);
  });
});
