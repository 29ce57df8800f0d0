/**
 * The completeness board (报送情况) as a workbook: a title, the counts line ("应报 12 个，已报 9 个，
 * 逾期 2 个"), then one row per zone and one column per period with the cell's state, revision and
 * export time, and a counts row per period at the foot. A4 landscape, one page wide, so it prints
 * as it is.
 */
import { boardCellText, type Board } from '../collect/board';
import { periodKey, periodLabel } from '../period';
import { ExcelJS } from './excel';

export interface BoardWorkbookInput {
  board: Board;
  /** e.g. 晋城市开发区 2024 年报送情况 */
  title: string;
  /** When the board was drawn up (the day its 逾期 was judged), yyyy-mm-dd. */
  asOf: string;
}

const FILL: Record<string, string> = { submitted: 'FFE6F4EA', returned: 'FFFFF4E0', overdue: 'FFFDECEA', 'not-due': 'FFFFFFFF' };

export async function writeBoardWorkbook({ board, title, asOf }: BoardWorkbookInput): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'zone-returns';
  const ws = wb.addWorksheet('报送情况', {
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, horizontalCentered: true, printTitlesRow: '4:4' },
    views: [{ state: 'frozen', xSplit: 1, ySplit: 4 }],
  });
  const width = 1 + board.periods.length;
  const line = (text: string, size: number, bold: boolean): void => {
    const row = ws.addRow([text]);
    ws.mergeCells(row.number, 1, row.number, width);
    row.getCell(1).font = { bold, size };
    row.getCell(1).alignment = { horizontal: 'center', vertical: 'middle' };
    row.height = size * 1.8;
  };
  line(title, 16, true);
  line(board.summary, 12, true);
  line(`统计截至 ${asOf}`, 10, false);
  const border = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } } as const;
  const head = ws.addRow(['开发区', ...board.periods.map(periodLabel)]);
  head.font = { bold: true };
  head.eachCell((c) => {
    c.border = border;
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEF2F7' } };
  });
  for (const zone of board.zones) {
    const cells = board.periods.map((p) => board.cells.find((c) => c.zoneId === zone.id && c.periodKey === periodKey(p)));
    const row = ws.addRow([zone.name, ...cells.map((c) => (c ? boardCellText(c) : ''))]);
    row.eachCell((c, n) => {
      c.border = border;
      c.alignment = { vertical: 'middle', wrapText: true, horizontal: n === 1 ? 'left' : 'center' };
      const state = cells[n - 2]?.state;
      if (state) c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: FILL[state]! } };
    });
    row.height = 32;
  }
  const count = ws.addRow([
    '合计',
    ...board.periods.map((p) => {
      const of = board.cells.filter((c) => c.periodKey === periodKey(p));
      const n = (s: string): number => of.filter((c) => c.state === s).length;
      if (of.every((c) => c.state === 'not-due')) return '未到期';
      return `已报 ${n('submitted')} 个，逾期 ${n('overdue')} 个${n('returned') ? `，退回 ${n('returned')} 个` : ''}`;
    }),
  ]);
  count.font = { bold: true };
  count.eachCell((c) => {
    c.border = border;
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  ws.getColumn(1).width = 24;
  for (let i = 2; i <= width; i += 1) ws.getColumn(i).width = 26;
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
