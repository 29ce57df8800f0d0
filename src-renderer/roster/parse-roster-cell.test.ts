import { describe, expect, it } from 'vitest';
import type { RosterField } from '../../src-shared/model';
import type { RosterCell } from '../db/schema';
import { parseRosterCell, parseRosterDate } from './parse-roster-cell';

const fields: Record<string, RosterField> = {
  name: { code: 'name', name: '项目名称', type: 'text', synonyms: [] },
  totalInvestment: { code: 'totalInvestment', name: '总投资', type: 'number', unit: '亿元', decimals: 2, synonyms: [] },
  signed: { code: 'signed', name: '签约', type: 'boolean', synonyms: [] },
  signDate: { code: 'signDate', name: '签约日期', type: 'date', synonyms: [] },
};

describe('parseRosterCell', () => {
  it.each<[string, string, RosterCell]>([
    ['name', '  年产10万吨新材料项目 ', '年产10万吨新材料项目'],
    ['totalInvestment', '12.5', 12.5],
    ['totalInvestment', '１２．５亿元', 12.5],
    ['totalInvestment', '1,234.56', 1234.56],
    ['signed', '是', true],
    ['signed', '√', true],
    ['signed', 'Y', true],
    ['signed', '否', false],
    ['signed', '空', null],
    ['signed', '0', false],
    ['signDate', '2024-03-15', '2024-03-15'],
    ['signDate', '2024.3.15', '2024-03-15'],
    ['signDate', '2024/3/5', '2024-03-05'],
    ['signDate', '2024年3月15日', '2024-03-15'],
    ['signDate', '2024年3月', '2024-03-01'],
    ['signed', '', null],
    ['totalInvestment', ' ', null],
  ])('%s %j → %j', (code, raw, expected) => {
    const field = fields[code];
    if (field === undefined) throw new Error(code);
    expect(parseRosterCell(raw, field)).toEqual({ ok: true, value: expected });
  });

  it.each<[string, string]>([
    ['totalInvestment', '十二亿'],
    ['signed', '也许'],
    ['signDate', '2024-02-30'],
    ['signDate', '三月'],
  ])('%s %j is refused with the field named', (code, raw) => {
    const field = fields[code];
    if (field === undefined) throw new Error(code);
    const result = parseRosterCell(raw, field);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(field.name);
  });
});

describe('parseRosterDate', () => {
  it('refuses month 13', () => {
    expect(parseRosterDate('2024-13-01')).toBeNull();
  });
});

describe('nextFlag', () => {
  it('turns a flag over with Space: empty → 是 → 否 → empty', async () => {
    const { nextFlag } = await import('./parse-roster-cell');
    expect([nextFlag(null), nextFlag(true), nextFlag(false)]).toEqual([true, false, null]);
  });
});
