/**
 * Finding the table on a sheet the way a clerk made it: title rows above, a header of one to
 * four rows with merged cells, a numbering row, 合计 / 小计 rows, section rows, notes below.
 */
import type * as XLSX from 'xlsx';
import type { Result, Unit, UserIssue } from '../model';
import { columnLetter, issue } from './issues';
import { headerParts, isIndexHeader, matchScore, normaliseHeaderText } from './match-header';
import { parseBooleanText, toHalfWidth } from './normalise-value';
import type { RawSheet } from './read-workbook';
import type { LedgerColumn, LedgerDataRow, LedgerLimits, LedgerTable, LedgerTotalRow, MappingTarget, TableCell } from './types';
import { unitInCaption, unitInHeader } from './units';

export interface FindTableOptions {
  fileName: string;
  targets: MappingTarget[];
  limits: LedgerLimits;
  date1904: boolean;
  /**
   * Let go of each SheetJS row below the header once it is read (`sheet.data[r]` becomes
   * undefined), so the sheet's cells and the table's rows are not both held in full: the
   * caller owns the sheet and needs nothing of it afterwards (parseLedgerFile).
   */
  consumeRows?: boolean;
}

/** How many rows from the top a header is looked for in. */
const HEADER_SEARCH_ROWS = 40;
const MAX_HEADER_ROWS = 4;

export function cellText(cell: XLSX.CellObject | undefined): string {
  if (!cell || cell.t === 'z' || cell.v === undefined || cell.v === null) return '';
  if (cell.t === 's') return String(cell.v).trim();
  if (cell.w !== undefined) return cell.w.trim();
  return String(cell.v);
}

export function toTableCell(cell: XLSX.CellObject | undefined): TableCell {
  if (!cell) return null;
  switch (cell.t) {
    case 's': {
      const v = String(cell.v ?? '');
      return v.trim() === '' ? null : v;
    }
    case 'n': {
      const v = typeof cell.v === 'number' ? cell.v : Number(cell.v);
      // A number shown as a percentage keeps its shown text, so the column's percent rule sees it.
      if (cell.w !== undefined && cell.w.includes('%')) return cell.w.trim();
      return Number.isFinite(v) ? v : null;
    }
    case 'b':
      return cell.v === true;
    case 'e':
      return cell.w ?? '#VALUE!';
    case 'd':
      return cell.v instanceof Date ? cell.v.toISOString().slice(0, 10) : String(cell.v ?? '');
    default:
      return null;
  }
}

const TOTAL = /^(?:总合计|合计|总计|共计|小计|全部合计)|(?:合计|小计|总计)$|^(?:合计|小计|总计)[(（:：\d]/;
const OF_WHICH = /^其中[:：,，]?/;
const NOTE = /^(?:注|备注|说明|填报说明|填表说明|填表人|制表人?|审核人?|负责人|单位负责人|统计负责人|联系人|联系电话|数据来源|资料来源)\s*[:：\d一二三、.．]|^注\s*\d|^注[：:]/;
const SECTION = /^(?:[一二三四五六七八九十]+\s*[、.．]|[（(][一二三四五六七八九十]+[)）]|第[一二三四五六七八九十\d]+(?:批|部分))/;
const NUMBERING = /^(?:[（(]?\d{1,3}[)）]?|[甲乙丙丁戊己庚辛]|栏次|[A-Z])$/;

function isNumberingRow(texts: string[]): boolean {
  const nonEmpty = texts.filter((t) => t !== '');
  if (nonEmpty.length < 3 || !nonEmpty.every((t) => NUMBERING.test(toHalfWidth(t).replace(/\s+/g, '')))) return false;
  const numbers = nonEmpty.map((t) => /\d+/.exec(t)?.[0]).filter((n): n is string => n !== undefined).map(Number);
  // 1 2 3 4 … in order: a column-numbering row, not data.
  return numbers.length >= 3 && numbers.every((n, i) => i === 0 || n === (numbers[i - 1] ?? 0) + 1);
}

interface MergeIndex {
  /** Merges that start on a given row. */
  byStartRow: Map<number, XLSX.Range[]>;
  all: XLSX.Range[];
}

function indexMerges(merges: XLSX.Range[]): MergeIndex {
  const byStartRow = new Map<number, XLSX.Range[]>();
  for (const m of merges) {
    const list = byStartRow.get(m.s.r);
    if (list) list.push(m);
    else byStartRow.set(m.s.r, [m]);
  }
  return { byStartRow, all: merges };
}

/**
 * How much a row reads as a header: one point per cell naming a target, half for a 序号 cell.
 * A cell that reads as a yes/no status (是 / 否 / √ / 已签约 / 未开工 …) is what a data row holds
 * under such a header, not a header word, even where it matches a synonym (已签约): it scores
 * nothing, so a data row of statuses never outscores the header above it.
 */
function isStatusValue(text: string): boolean {
  const s = normaliseHeaderText(text);
  // 是否开工 asks the question a header asks; 已签约 / 未开工 / 是 / √ answer it.
  return s.length <= 4 && !s.startsWith('是否') && parseBooleanText(s) !== null;
}

export function headerWordScore(texts: readonly string[], targets: readonly MappingTarget[]): number {
  let score = 0;
  for (const t of texts) {
    if (t === '' || /^[\d.,%\s-]+$/.test(t)) continue;
    if (isIndexHeader(t)) score += 0.5;
    else if (isStatusValue(t)) continue;
    else if (targets.some((target) => matchScore(t, target) > 0)) score += 1;
  }
  return score;
}

export function findTable(sheet: RawSheet, opts: FindTableOptions): Result<LedgerTable> {
  const { data } = sheet;
  const where = { file: opts.fileName, sheet: sheet.name };
  const merges = indexMerges(sheet.merges);
  const rowTexts = (r: number): string[] => {
    const row = data[r];
    if (!row) return [];
    const out: string[] = new Array<string>(row.length);
    for (let c = 0; c < row.length; c++) out[c] = cellText(row[c]);
    return out;
  };

  // ---- size checks over the whole sheet (one pass)
  let cells = 0;
  const usedColumns = new Set<number>();
  for (const row of data) {
    if (!row) continue;
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (cell && cell.t !== 'z' && cell.v !== undefined && cell.v !== '') {
        cells += 1;
        usedColumns.add(c);
      }
    }
  }
  if (usedColumns.size > opts.limits.maxColumns) {
    return {
      ok: false,
      issues: [issue('too-many-columns', 'error', `「${sheet.name}」工作表有 ${usedColumns.size} 列数据，超过上限 ${opts.limits.maxColumns} 列，不像是一份项目台账。请删去多余的列，或确认选对了工作表。`, where)],
    };
  }
  if (cells > opts.limits.maxCells) {
    return {
      ok: false,
      issues: [issue('too-many-cells', 'error', `「${sheet.name}」工作表有 ${cells.toLocaleString('en-US')} 个非空单元格，超过上限 ${opts.limits.maxCells.toLocaleString('en-US')}。请拆分文件后再导入。`, where)],
    };
  }

  // ---- header row: the row whose cells name the most targets
  const searchEnd = Math.min(data.length, HEADER_SEARCH_ROWS);
  let headerRow = -1;
  let bestScore = 0;
  for (let r = 0; r < searchEnd; r++) {
    const score = headerWordScore(rowTexts(r), opts.targets);
    if (score > bestScore) {
      bestScore = score;
      headerRow = r;
    }
  }
  if (bestScore < 2) {
    // No known header words: take the first row of three or more texts followed by a row with data.
    headerRow = -1;
    for (let r = 0; r + 1 < searchEnd; r++) {
      const texts = rowTexts(r).filter((t) => t !== '');
      const next = rowTexts(r + 1).filter((t) => t !== '');
      if (texts.length >= 3 && texts.every((t) => !/^[\d.,%\s-]+$/.test(t)) && next.length >= 2) {
        headerRow = r;
        break;
      }
    }
  }
  if (headerRow < 0) {
    return {
      ok: false,
      issues: [issue('no-table', 'warning', `「${sheet.name}」工作表中找不到表头（如“项目名称”“总投资”），已跳过。如果这就是台账，请确认表头在前 ${HEADER_SEARCH_ROWS} 行内。`, where)],
    };
  }

  // ---- extend the header over merged rows above and below
  let top = headerRow;
  let bottom = headerRow;
  const mergesInRow = (r: number): XLSX.Range[] => merges.all.filter((m) => m.s.r <= r && m.e.r >= r);
  const nonEmptyCount = (r: number): number => rowTexts(r).filter((t) => t !== '').length;
  while (top > 0 && bottom - top + 1 < MAX_HEADER_ROWS) {
    const r = top - 1;
    const verticalInto = merges.all.some((m) => m.s.r === r && m.e.r >= top && m.e.c - m.s.c < 6);
    const groupRow = nonEmptyCount(r) >= 2 && (merges.byStartRow.get(r) ?? []).some((m) => m.e.r === r && m.e.c > m.s.c);
    if (!verticalInto && !groupRow) break;
    top = r;
  }
  const rowHasNumbers = (r: number): boolean => (data[r] ?? []).some((c) => c?.t === 'n');
  while (bottom + 1 < data.length && bottom - top + 1 < MAX_HEADER_ROWS) {
    const r = bottom + 1;
    const texts = rowTexts(r).filter((t) => t !== '');
    if (texts.length === 0 || rowHasNumbers(r) || texts.some((t) => TOTAL.test(normaliseHeaderText(t)))) break;
    const verticalInto = mergesInRow(r).some((m) => m.s.r >= top && m.s.r <= bottom);
    const unitsOnly = texts.every((t) => unitInHeader(`(${t.replace(/[()（）]/g, '')})`) !== undefined && normaliseHeaderText(t).length <= 5);
    const underGroup = (merges.byStartRow.get(bottom) ?? []).some((m) => m.e.r === bottom && m.e.c > m.s.c) && !isNumberingRow(rowTexts(r));
    if (!verticalInto && !unitsOnly && !underGroup) break;
    bottom = r;
  }

  // ---- flatten: every header cell takes the text of the merge covering it
  let width = 0;
  for (let r = top; r <= bottom; r++) width = Math.max(width, data[r]?.length ?? 0);
  const grid: string[][] = [];
  for (let r = top; r <= bottom; r++) {
    const texts = rowTexts(r);
    while (texts.length < width) texts.push('');
    grid.push(texts);
  }
  for (const m of merges.all) {
    if (m.e.r < top || m.s.r > bottom) continue;
    const text = cellText(data[m.s.r]?.[m.s.c]);
    for (let r = Math.max(m.s.r, top); r <= Math.min(m.e.r, bottom); r++) {
      const row = grid[r - top];
      if (!row) continue;
      for (let c = m.s.c; c <= Math.min(m.e.c, width - 1); c++) row[c] = text;
    }
  }
  const title: string[] = [];
  let captionUnit: Unit | undefined;
  for (let r = 0; r < top; r++) {
    const texts = rowTexts(r).filter((t) => t !== '');
    if (texts.length > 0) title.push(texts.join(' '));
    for (const t of texts) captionUnit = unitInCaption(t) ?? captionUnit;
  }
  const columns: LedgerColumn[] = [];
  const issues: UserIssue[] = [];
  for (let c = 0; c < width; c++) {
    const parts: string[] = [];
    for (const row of grid) {
      const t = (row[c] ?? '').replace(/\s+/g, ' ').trim();
      if (t !== '' && !parts.includes(t)) parts.push(t);
    }
    const header = parts.join(' / ');
    if (header === '') continue;
    if (/^单位\s*[:：]/.test(header)) {
      captionUnit = unitInCaption(header) ?? captionUnit;
      continue;
    }
    const column: LedgerColumn = { index: c, letter: columnLetter(c), header, hidden: sheet.hiddenColumns.has(c), isIndex: isIndexHeader(header) };
    const unit = unitInHeader(header);
    if (unit) column.headerUnit = unit;
    columns.push(column);
    if (column.hidden) {
      issues.push(issue('hidden-column', 'warning', `「${header}」（${column.letter} 列）在表格中是隐藏列，默认不导入。如需导入，请在列映射中为它选择字段。`, { ...where, row: top + 1, column: column.letter }, header));
    }
  }
  const columnIndexes = columns.map((c) => c.index);
  const headerLast = columns.map((c) => {
    const parts = headerParts(c.header);
    return parts[parts.length - 1] ?? '';
  });

  // ---- data rows
  const carry = new Map<number, { until: number; value: TableCell }>();
  const rows: LedgerDataRow[] = [];
  const totals: LedgerTotalRow[] = [];
  const skipped: LedgerTable['skipped'] = [];
  const leading: Array<{ total: LedgerTotalRow; kind: '合计' | '小计' }> = [];
  let groupStart = 0;
  let totalStart = 0;
  let inNotes = false;
  let hiddenDataRows = 0;
  const strayColumns = new Map<number, number>();
  const closeLeading = (kind: '合计' | '小计' | 'all'): void => {
    for (let i = leading.length - 1; i >= 0; i--) {
      const entry = leading[i];
      if (!entry || (kind !== 'all' && entry.kind !== kind && !(kind === '合计' && entry.kind === '小计'))) continue;
      const start = entry.total.covers[0] ?? rows.length;
      entry.total.covers = [];
      for (let k = start; k < rows.length; k++) entry.total.covers.push(k);
      leading.splice(i, 1);
    }
  };
  const columnSet = new Set(columnIndexes);
  for (let r = bottom + 1; r < data.length; r++) {
    const raw = data[r];
    if (opts.consumeRows) data[r] = undefined;
    for (const m of merges.byStartRow.get(r) ?? []) {
      if (m.e.r > m.s.r && columnSet.has(m.s.c)) carry.set(m.s.c, { until: m.e.r, value: toTableCell(raw?.[m.s.c]) });
    }
    const cells: TableCell[] = new Array<TableCell>(columns.length);
    let nonEmpty = 0;
    for (let k = 0; k < columnIndexes.length; k++) {
      const c = columnIndexes[k] as number;
      let v = toTableCell(raw?.[c]);
      if (v === null) {
        const held = carry.get(c);
        if (held && r <= held.until) v = held.value;
      }
      cells[k] = v;
      if (v !== null) nonEmpty += 1;
    }
    if (raw && raw.length > 0) {
      for (let c = 0; c < raw.length; c++) {
        if (!columnSet.has(c) && toTableCell(raw[c]) !== null && !strayColumns.has(c)) strayColumns.set(c, r + 1);
      }
    }
    if (nonEmpty === 0) continue;
    if (inNotes) {
      skipped.push({ row: r + 1, reason: '表格下方的说明' });
      continue;
    }
    const texts = cells.map((v) => (v === null ? '' : typeof v === 'string' ? v.trim() : String(v)));
    const firstText = normaliseHeaderText(texts.find((t) => t !== '') ?? '');
    if (nonEmpty <= 3 && NOTE.test(toHalfWidth(texts.find((t) => t !== '') ?? '').trim())) {
      inNotes = true;
      skipped.push({ row: r + 1, reason: '表格下方的说明' });
      continue;
    }
    let totalCell: string | undefined;
    for (let k = 0; k < Math.min(6, texts.length); k++) {
      const t = texts[k] ?? '';
      if (t !== '' && typeof cells[k] === 'string' && t.length <= 24 && TOTAL.test(normaliseHeaderText(t))) {
        totalCell = t;
        break;
      }
    }
    if (totalCell !== undefined) {
      const kind: '合计' | '小计' = normaliseHeaderText(totalCell).includes('小计') ? '小计' : '合计';
      const total: LedgerTotalRow = { row: r + 1, cells, kind, label: totalCell, covers: [] };
      if (kind === '小计') {
        if (rows.length === groupStart) {
          total.covers = [rows.length];
          leading.push({ total, kind });
        } else {
          for (let k = groupStart; k < rows.length; k++) total.covers.push(k);
          groupStart = rows.length;
        }
      } else if (rows.length === totalStart) {
        total.covers = [rows.length];
        leading.push({ total, kind });
      } else {
        closeLeading('小计');
        for (let k = totalStart; k < rows.length; k++) total.covers.push(k);
        totalStart = rows.length;
        groupStart = rows.length;
      }
      totals.push(total);
      continue;
    }
    if (OF_WHICH.test(firstText)) {
      skipped.push({ row: r + 1, reason: '“其中”行（分项，不是单个项目）' });
      continue;
    }
    let headerLike = 0;
    for (let k = 0; k < texts.length; k++) {
      const t = texts[k] ?? '';
      // A number's or a yes/no's text (12.5, 1e-7, true) is already as normaliseHeaderText would make it.
      if (t !== '' && (typeof cells[k] === 'string' ? normaliseHeaderText(t) : t) === headerLast[k]) headerLike += 1;
    }
    if (headerLike >= Math.max(2, nonEmpty / 2)) {
      skipped.push({ row: r + 1, reason: '重复的表头行' });
      continue;
    }
    if (rows.length === 0 && isNumberingRow(texts)) {
      skipped.push({ row: r + 1, reason: '栏次编号行' });
      continue;
    }
    const onlyText = nonEmpty === 1 ? texts.find((t) => t !== '') ?? '' : '';
    const spansWide = (merges.byStartRow.get(r) ?? []).some((m) => m.e.r === r && m.e.c - m.s.c >= 2);
    if (nonEmpty === 1 && typeof cells.find((v) => v !== null) === 'string' && (SECTION.test(toHalfWidth(onlyText).trim()) || spansWide)) {
      closeLeading('小计');
      groupStart = rows.length;
      skipped.push({ row: r + 1, reason: `分组行「${onlyText}」` });
      continue;
    }
    if (sheet.hiddenRows.has(r)) hiddenDataRows += 1;
    rows.push({ row: r + 1, cells });
  }
  closeLeading('all');
  if (hiddenDataRows > 0) {
    issues.push(issue('hidden-rows', 'warning', `「${sheet.name}」工作表有 ${hiddenDataRows} 行数据在表格中被隐藏（可能是筛选），这些行也会导入。如不需要，请在预览中排除。`, where));
  }
  for (const [c, row] of strayColumns) {
    issues.push(issue('column-without-header', 'warning', `${columnLetter(c)} 列有数据（如第 ${row} 行）但没有表头，已忽略。如需导入，请在台账中为该列补上表头。`, { ...where, row, column: columnLetter(c) }));
  }
  if (rows.length === 0) {
    issues.push(issue('no-rows', 'warning', `「${sheet.name}」工作表的表头下面没有数据行。`, where));
  }
  const headerRows: number[] = [];
  for (let r = top; r <= bottom; r++) headerRows.push(r + 1);
  const table: LedgerTable = { sheet: sheet.name, headerRows, title, date1904: opts.date1904, columns, rows, totals, skipped, issues };
  if (captionUnit) table.captionUnit = captionUnit;
  return { ok: true, value: table, issues: [] };
}
