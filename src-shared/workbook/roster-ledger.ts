/**
 * 导出台账: the zone's project roster alone, as an .xlsx the clerk keeps working in (their own
 * ledger back). One sheet, the header in row 1 with the names the ledger import recognises (the
 * field's name, its unit in brackets: 总投资（亿元）), 是 / 否 for yes/no, numbers as numbers and
 * dates as dates, the header frozen, an autofilter over the table and columns wide enough to read.
 * Importing the file back gives the same roster (tests/ledger round trip).
 */
import type { RosterField, RosterRow } from '../model';
import { rosterColumnHeader } from '../ledger/targets';
import { ExcelJS } from './excel';
import { cellText } from './safe-text';

export const ROSTER_LEDGER_SHEET = '项目台账';

/** Display width of a text in Excel's character units: a CJK character counts two. */
function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/.test(ch) ? 2 : 1;
  return w;
}

function numberFormat(field: RosterField): string {
  const decimals = field.decimals ?? 2;
  return decimals > 0 ? `#,##0.${'0'.repeat(decimals)}` : '#,##0';
}

/** An ISO date (2024-03-01) as a date cell; anything else stays the text it is. */
function dateValue(text: string): Date | string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : text;
}

export async function writeRosterLedger(fields: readonly RosterField[], rows: readonly RosterRow[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'zone-returns';
  const ws = wb.addWorksheet(ROSTER_LEDGER_SHEET, { views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }] });
  const headers = fields.map(rosterColumnHeader);
  const header = ws.addRow(headers);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEF2F7' } };
    cell.border = { bottom: { style: 'thin', color: { argb: 'FF9AA7B8' } } };
  });
  const widths = headers.map((h) => textWidth(h) + 2);
  for (const row of rows) {
    const values = fields.map((f) => {
      const v = row[f.code];
      if (v === null || v === undefined || v === '') return null;
      if (f.type === 'boolean') return v === true ? '是' : v === false ? '否' : cellText(String(v));
      if (f.type === 'number' && typeof v === 'number') return v;
      if (f.type === 'date' && typeof v === 'string') return dateValue(v);
      return cellText(String(v));
    });
    const added = ws.addRow(values);
    fields.forEach((f, i) => {
      const cell = added.getCell(i + 1);
      const v = values[i];
      if (f.type === 'number' && typeof v === 'number') cell.numFmt = numberFormat(f);
      else if (v instanceof Date) cell.numFmt = 'yyyy-mm-dd';
      else if (typeof v === 'string') cell.numFmt = '@';
      if (f.type === 'boolean') cell.alignment = { horizontal: 'center' };
      const shown = v === null || v === undefined ? '' : v instanceof Date ? '0000-00-00' : typeof v === 'number' ? v.toFixed(f.decimals ?? 2) : v;
      widths[i] = Math.max(widths[i] ?? 0, textWidth(shown) + 2);
    });
  }
  fields.forEach((_, i) => {
    ws.getColumn(i + 1).width = Math.min(Math.max(widths[i] ?? 8, 8), 50);
  });
  if (fields.length > 0) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, rows.length + 1), column: fields.length } };
  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer);
}

/** `晋城开发区_项目台账_2024-05-06.xlsx`; characters Windows refuses in file names replaced. */
export function rosterLedgerFileName(zoneName: string, date: string): string {
  return `${zoneName.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').trim()}_项目台账_${date}.xlsx`;
}
