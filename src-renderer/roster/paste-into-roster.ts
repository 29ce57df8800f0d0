import type { RosterField, RosterRow } from '../../src-shared/model';
import type { RosterCell } from '../db/schema';
import { parseClipboardBlock } from '../grid/parse-clipboard';
import { planPaste } from '../grid/plan-paste';
import { parseRosterCell } from './parse-roster-cell';

export interface RosterRowChange {
  rowId: string;
  changes: Record<string, RosterCell>;
}

export interface RosterPaste {
  /** Header and total rows (项目名称…, 合计, 小计) copied along with the projects and left out. */
  droppedRows: number;
  /** Changes to rows already in the roster (only fields whose value changes). */
  updates: RosterRowChange[];
  /** Rows of the block below the last displayed row: new projects to append. */
  newRows: Array<Record<string, RosterCell>>;
  problems: string[];
  skipped: number;
}

/**
 * Lays a block copied from a ledger over the roster as displayed (sorted and filtered as the clerk
 * sees it), from the focused cell; block rows below the last row become new projects. With no focused
 * cell the block is appended from the first column, so a whole ledger can be pasted into an empty roster.
 */
export function pasteIntoRoster(
  text: string,
  focus: { rowIndex: number; colId: string } | null,
  displayed: readonly RosterRow[],
  fields: readonly RosterField[],
): RosterPaste {
  const columns = fields.map((f) => f.code);
  const byCode = new Map(fields.map((f) => [f.code, f]));
  const start = focus ?? { rowIndex: displayed.length, colId: columns[0] ?? '' };
  const block = parseClipboardBlock(text);
  const kept = block.filter((row, index) => !(index === 0 && isHeaderRow(row, fields)) && !isTotalRow(row));
  const plan = planPaste(kept, start, { rowCount: displayed.length, columns, isEditable: () => true });
  const problems: string[] = [];
  const read = (colId: string, raw: string, where: string): { ok: true; value: RosterCell } | { ok: false } => {
    const field = byCode.get(colId);
    if (field === undefined) return { ok: false };
    const parsed = parseRosterCell(raw, field);
    if (!parsed.ok) {
      problems.push(`${where}：${parsed.message}`);
      return { ok: false };
    }
    return parsed;
  };

  const updates = new Map<string, RosterRowChange>();
  for (const cell of plan.cells) {
    const row = displayed[cell.rowIndex];
    if (row === undefined) continue;
    const parsed = read(cell.colId, cell.text, `第${cell.rowIndex + 1}行`);
    if (!parsed.ok) continue;
    if ((row[cell.colId] ?? null) === parsed.value) continue;
    const change = updates.get(row.id) ?? { rowId: row.id, changes: {} };
    change.changes[cell.colId] = parsed.value;
    updates.set(row.id, change);
  }

  const newRows: Array<Record<string, RosterCell>> = [];
  plan.newRows.forEach((cells, i) => {
    const record: Record<string, RosterCell> = {};
    for (const cell of cells) {
      const parsed = read(cell.colId, cell.text, `新增第${i + 1}行`);
      if (parsed.ok && parsed.value !== null) record[cell.colId] = parsed.value;
    }
    // Empty lines in the block (a blank row between ledger parts) do not become empty projects.
    if (Object.keys(record).length > 0) newRows.push(record);
  });

  return { updates: [...updates.values()], newRows, problems, skipped: plan.outsideColumns, droppedRows: block.length - kept.length };
}

function normalizeHeader(text: string): string {
  return text.replace(/[\s（）()]/g, '').replace(/亿元|万元|元|%$/g, '');
}

/** A copied header row: most of its filled cells are field names (or their ledger synonyms). */
function isHeaderRow(row: readonly string[], fields: readonly RosterField[]): boolean {
  const names = new Set(fields.flatMap((f) => [f.name, ...f.synonyms]).map(normalizeHeader));
  const filled = row.map((c) => c.trim()).filter((c) => c !== '');
  if (filled.length === 0) return false;
  return filled.filter((c) => names.has(normalizeHeader(c))).length * 2 >= filled.length;
}

/** A total row of a ledger (合计, 小计, 总计 in its first filled cell). */
function isTotalRow(row: readonly string[]): boolean {
  const first = row.find((c) => c.trim() !== '')?.replace(/\s/g, '') ?? '';
  return /^(合计|小计|总计)/.test(first);
}
