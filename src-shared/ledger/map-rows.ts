/**
 * A table plus a mapping → rows of target values in the targets' units, with every value that
 * could not be read reported where it is, and every 合计 / 小计 row checked against its rows.
 */
import type { Unit, UserIssue } from '../model';
import { describeLocation, issue } from './issues';
import {
  decimalsOfNumber,
  EXCEL_ERROR,
  isEmptyMark,
  parseBooleanText,
  parseDateNumber,
  parseDateText,
  parseNumberText,
  toHalfWidth,
} from './normalise-value';
import type { ColumnAssignment, LedgerColumn, LedgerMapping, LedgerTable, MappedLedger, MappedRow, MappedValue, MappingTarget, TableCell } from './types';
import { convertible, convertValue, isMoney } from './units';

export interface MapRowsOptions {
  fileName: string;
  targets: MappingTarget[];
}

type Where = { file: string; sheet: string; row: number; column: string };

interface CellResult {
  value: MappedValue;
  problem?: { code: string; message: string };
  /** Decimals as typed, for judging totals. */
  decimals?: number;
  precision?: 'day' | 'month' | 'year';
}

interface ColumnReader {
  assignment: ColumnAssignment;
  column: LedgerColumn;
  target: MappingTarget;
  position: number;
  sourceUnit: Unit | undefined;
  read(cell: TableCell): CellResult;
}

function textOf(cell: TableCell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return String(Number(cell.toPrecision(15)));
  if (typeof cell === 'boolean') return cell ? '是' : '否';
  return cell;
}

function unitLabel(unit: Unit | undefined): string {
  return unit && unit !== '%' ? unit : unit === '%' ? '%' : '';
}

/** Decides once per column whether 0.2035-style numbers are fractions (→ 20.35%) or already percents. */
function percentScale(cells: Iterable<TableCell>): 'fraction' | 'percent' {
  let plain = 0;
  let small = 0;
  for (const cell of cells) {
    let v: number | null = null;
    if (typeof cell === 'number') v = cell;
    else if (typeof cell === 'string' && !cell.includes('%') && !cell.includes('％')) v = parseNumberText(cell)?.value ?? null;
    if (v === null || v === 0) continue;
    plain += 1;
    if (Math.abs(v) <= 1) small += 1;
  }
  return plain > 0 && small === plain ? 'fraction' : 'percent';
}

function numberReader(target: MappingTarget, sourceUnit: Unit | undefined, scale: 'fraction' | 'percent'): (cell: TableCell) => CellResult {
  const targetUnit = target.unit;
  const convert = (value: number, from: Unit | undefined): number => (from && targetUnit && convertible(from, targetUnit) ? convertValue(value, from, targetUnit) : value);
  return (cell) => {
    if (cell === null) return { value: null };
    if (typeof cell === 'boolean') return { value: null, problem: { code: 'not-a-number', message: '应为数字，但单元格是“是/否”' } };
    if (typeof cell === 'number') {
      const v = targetUnit === '%' && scale === 'fraction' ? Number((cell * 100).toPrecision(15)) : convert(cell, sourceUnit);
      return { value: v, decimals: decimalsOfNumber(cell) };
    }
    const text = cell.trim();
    if (EXCEL_ERROR.test(text)) return { value: null, problem: { code: 'excel-error', message: `单元格是 Excel 错误值 ${text}（公式无法计算）` } };
    if (isEmptyMark(toHalfWidth(text))) return { value: null };
    const parsed = parseNumberText(text);
    if (!parsed) return { value: null, problem: { code: 'not-a-number', message: '无法识别为数字' } };
    if (parsed.percent) {
      if (targetUnit !== '%') return { value: null, problem: { code: 'unexpected-percent', message: `是百分数，但该字段的单位是${unitLabel(targetUnit)}` } };
      return { value: parsed.value, decimals: parsed.decimals };
    }
    if (targetUnit === '%') {
      const v = scale === 'fraction' ? Number((parsed.value * 100).toPrecision(15)) : parsed.value;
      return { value: v, decimals: parsed.decimals };
    }
    if (parsed.unit) {
      if (targetUnit && !convertible(parsed.unit, targetUnit)) {
        return { value: null, problem: { code: 'unit-mismatch', message: `单位“${parsed.unit}”不能换算为该字段的单位“${targetUnit}”` } };
      }
      return { value: convert(parsed.value, parsed.unit), decimals: parsed.decimals };
    }
    return { value: convert(parsed.value, sourceUnit), decimals: parsed.decimals };
  };
}

function dateReader(date1904: boolean): (cell: TableCell) => CellResult {
  return (cell) => {
    if (cell === null) return { value: null };
    if (typeof cell === 'boolean') return { value: null, problem: { code: 'not-a-date', message: '应为日期，但单元格是“是/否”' } };
    if (typeof cell === 'number') {
      const d = parseDateNumber(cell, date1904);
      return d ? { value: d.iso, precision: d.precision } : { value: null, problem: { code: 'not-a-date', message: '数字无法识别为日期' } };
    }
    const text = cell.trim();
    if (EXCEL_ERROR.test(text)) return { value: null, problem: { code: 'excel-error', message: `单元格是 Excel 错误值 ${text}` } };
    if (isEmptyMark(toHalfWidth(text))) return { value: null };
    const d = parseDateText(text) ?? (/^\d+(\.\d+)?$/.test(text) ? parseDateNumber(Number(text), date1904) : null);
    return d ? { value: d.iso, precision: d.precision } : { value: null, problem: { code: 'not-a-date', message: '无法识别为日期（可写作 2024-03-15、2024.3.15、2024年3月15日 或 2024年3月）' } };
  };
}

function booleanReader(cell: TableCell): CellResult {
  if (cell === null) return { value: null };
  if (typeof cell === 'boolean') return { value: cell };
  if (typeof cell === 'number') {
    if (cell === 1 || cell === 0) return { value: cell === 1 };
    return { value: null, problem: { code: 'not-a-boolean', message: '应为“是/否”' } };
  }
  const text = cell.trim();
  if (EXCEL_ERROR.test(text)) return { value: null, problem: { code: 'excel-error', message: `单元格是 Excel 错误值 ${text}` } };
  if (text === '') return { value: null };
  const b = parseBooleanText(text);
  return b === null ? { value: null, problem: { code: 'not-a-boolean', message: '无法识别为“是/否”（可写作 是/否、√/×、已开工/未开工）' } } : { value: b };
}

function textReader(target: MappingTarget): (cell: TableCell) => CellResult {
  const options = target.options ? new Set(target.options) : undefined;
  return (cell) => {
    if (cell === null) return { value: null };
    // '=… / '-…: the apostrophe the app's own exports (and Excel users) put before text that would read as a formula.
    const text = textOf(cell).replace(/\s+/g, ' ').trim().replace(/^'(?=[=+\-@])/, '');
    if (text === '') return { value: null };
    if (typeof cell === 'string' && EXCEL_ERROR.test(text)) return { value: null, problem: { code: 'excel-error', message: `单元格是 Excel 错误值 ${text}` } };
    if (options && !options.has(text)) return { value: text, problem: { code: 'not-an-option', message: `不在可选值中（${[...options].join('、')}）` } };
    return { value: text };
  };
}

export function mapRows(table: LedgerTable, mapping: LedgerMapping, opts: MapRowsOptions): MappedLedger {
  const byCode = new Map(opts.targets.map((t) => [t.code, t]));
  const issues: UserIssue[] = [];
  const percentColumns: MappedLedger['percentColumns'] = [];
  const readers: ColumnReader[] = [];
  const base = { file: opts.fileName, sheet: table.sheet };
  for (const a of mapping.columns) {
    if (a.target === null) continue;
    const target = byCode.get(a.target);
    const column = table.columns[a.column];
    if (!target || !column) continue;
    let sourceUnit = a.sourceUnit ?? column.headerUnit;
    if (sourceUnit === undefined && isMoney(target.unit) && table.captionUnit && isMoney(table.captionUnit)) sourceUnit = table.captionUnit;
    let read: (cell: TableCell) => CellResult;
    switch (target.type) {
      case 'number': {
        const scale = target.unit === '%' ? (a.percentScale ?? percentScale(table.rows.map((r) => r.cells[a.column] ?? null))) : 'percent';
        if (target.unit === '%') percentColumns.push({ column: a.column, scale });
        if (sourceUnit && target.unit && sourceUnit !== '%' && !convertible(sourceUnit, target.unit)) {
          issues.push(issue('unit-mismatch', 'warning', `「${column.header}」列的单位是${sourceUnit}，不能换算为「${target.name}」的单位${target.unit}，数值按原样导入。请确认映射是否正确。`, { ...base, column: column.letter }, column.header));
        }
        read = numberReader(target, sourceUnit, scale);
        break;
      }
      case 'date':
        read = dateReader(table.date1904);
        break;
      case 'boolean':
        read = booleanReader;
        break;
      default:
        read = textReader(target);
    }
    readers.push({ assignment: a, column, target, position: a.column, sourceUnit, read });
  }

  const required = opts.targets.filter((t) => t.required);
  for (const t of required) {
    if (!readers.some((r) => r.target.code === t.code)) {
      issues.push(issue('required-unmapped', 'error', `没有一列对应必填字段「${t.name}」。请在列映射中为它选择一列。`, base));
    }
  }

  const precisionCounts = new Map<ColumnReader, number>();
  const bigMoney = new Map<ColumnReader, number>();
  const rows: MappedRow[] = table.rows.map((dataRow) => {
    const values: Record<string, MappedValue> = {};
    const rowIssues: UserIssue[] = [];
    for (const reader of readers) {
      const cell = dataRow.cells[reader.position] ?? null;
      const res = reader.read(cell);
      values[reader.target.code] = res.value;
      if (res.problem) {
        const where: Where = { ...base, row: dataRow.row, column: reader.column.letter };
        const found = textOf(cell);
        rowIssues.push(issue(res.problem.code, 'warning', `${describeLocation(where)}「${reader.column.header}」的值“${found}”${res.problem.message}，已留空。请在台账中改正后重新导入，或导入后在花名册中补填。`, where, found));
      }
      if (res.precision && res.precision !== 'day') precisionCounts.set(reader, (precisionCounts.get(reader) ?? 0) + 1);
      if (typeof res.value === 'number' && reader.sourceUnit === undefined && reader.target.unit === '亿元' && typeof cell === 'number' && Math.abs(res.value) >= 10_000) {
        bigMoney.set(reader, (bigMoney.get(reader) ?? 0) + 1);
      }
    }
    for (const t of required) {
      const v = values[t.code];
      if (readers.some((r) => r.target.code === t.code) && (v === null || v === undefined || v === '')) {
        rowIssues.push(issue('required-missing', 'error', `第 ${dataRow.row} 行缺少「${t.name}」，这一行不能导入。请补上后重新导入，或在预览中排除这一行。`, { ...base, row: dataRow.row }));
      }
    }
    return { row: dataRow.row, sheet: table.sheet, values, issues: rowIssues };
  });

  for (const [reader, n] of precisionCounts) {
    issues.push(issue('date-month-only', 'warning', `「${reader.column.header}」列有 ${n} 个日期只写到月（或年），按当月（当年）1日记录。`, { ...base, column: reader.column.letter }));
  }
  for (const [reader, n] of bigMoney) {
    issues.push(issue('unit-suspect', 'warning', `「${reader.column.header}」列没有写单位，按亿元读取，但有 ${n} 个数值超过 1 万亿元，单位可能是万元。请在列映射中把这一列的单位改为万元。`, { ...base, column: reader.column.letter }));
  }

  // ---- totals against their rows
  for (const total of table.totals) {
    if (total.covers.length === 0) continue;
    for (const reader of readers) {
      if (reader.target.type !== 'number' || reader.target.unit === '%') continue;
      const totalRes = reader.read(total.cells[reader.position] ?? null);
      if (typeof totalRes.value !== 'number') continue;
      let sum = 0;
      for (const idx of total.covers) {
        const row = table.rows[idx];
        if (!row) continue;
        const res = reader.read(row.cells[reader.position] ?? null);
        if (typeof res.value === 'number') sum += res.value;
      }
      // The total must equal the sum rounded to the decimals the total is written with: half a unit
      // in its last decimal, in the source unit, converted like the values.
      let tolerance = 0.5 * 10 ** -(totalRes.decimals ?? 0);
      if (reader.sourceUnit && reader.target.unit && convertible(reader.sourceUnit, reader.target.unit)) tolerance = convertValue(tolerance, reader.sourceUnit, reader.target.unit);
      tolerance = Math.max(tolerance, 1e-9 * Math.abs(totalRes.value));
      const diff = Math.abs(sum - totalRes.value);
      if (diff > tolerance + 1e-12) {
        const where = { ...base, row: total.row, column: reader.column.letter };
        const unit = unitLabel(reader.target.unit);
        const fmt = (v: number): string => String(Number(v.toPrecision(12)));
        issues.push(
          issue(
            'total-mismatch',
            'warning',
            `${describeLocation(where)}「${total.label}」行的「${reader.column.header}」为 ${fmt(totalRes.value)}${unit}，但它合计的 ${total.covers.length} 行相加为 ${fmt(sum)}${unit}，相差 ${fmt(diff)}${unit}。请核对台账中的${total.kind}或明细。`,
            where,
            textOf(total.cells[reader.position] ?? null),
          ),
        );
      }
    }
  }
  return { sheet: table.sheet, mapping, rows, issues, percentColumns };
}
