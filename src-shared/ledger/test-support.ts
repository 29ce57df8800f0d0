/**
 * Builds in-memory sheets for the tests beside the code. Not imported by the reader itself;
 * kept here (not in a .test.ts) so that several test files can share it.
 */
import * as XLSX from 'xlsx';
import type { RawSheet } from './read-workbook';
import type { MappingTarget } from './types';

export type AoaRow = Array<string | number | boolean | null>;

/** A `RawSheet` from rows as written, with optional merges ("A1:B2") and hidden columns. */
export function rawSheet(rows: AoaRow[], opts: { merges?: string[]; hiddenColumns?: number[]; name?: string } = {}): RawSheet {
  const ws = XLSX.utils.aoa_to_sheet(rows, { dense: true });
  const data: unknown = ws['!data'];
  return {
    name: opts.name ?? '台账',
    hidden: false,
    data: Array.isArray(data) ? (data as RawSheet['data']) : [],
    merges: (opts.merges ?? []).map((m) => XLSX.utils.decode_range(m)),
    hiddenColumns: new Set(opts.hiddenColumns ?? []),
    hiddenRows: new Set(),
  };
}

/** A small target list shaped like the roster fields of the indicator set (the tests do not depend on the seed). */
export const TEST_TARGETS: MappingTarget[] = [
  { code: 'name', name: '项目名称', type: 'text', required: true, synonyms: ['项目名称', '项目', '名称'] },
  { code: 'totalInvestment', name: '总投资', type: 'number', unit: '亿元', synonyms: ['总投资', '计划总投资', '投资额'] },
  { code: 'investmentThisYear', name: '当年完成投资', type: 'number', unit: '亿元', synonyms: ['当年完成投资', '本年完成投资', '完成投资'] },
  { code: 'expectedOutput', name: '预计年产值', type: 'number', unit: '亿元', synonyms: ['预计年产值', '达产后年产值'] },
  { code: 'started', name: '开工', type: 'boolean', synonyms: ['开工', '是否开工'] },
  { code: 'startDate', name: '开工日期', type: 'date', synonyms: ['开工日期', '开工时间'] },
  { code: 'share', name: '占比', type: 'number', unit: '%', synonyms: ['占比', '比重'] },
  { code: '$zone', name: '所属开发区', type: 'text', synonyms: ['所属开发区', '开发区'] },
];
