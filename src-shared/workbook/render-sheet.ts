/** Renders a `LayoutSheet` into an exceljs worksheet: values, styles, merges, page setup. */
import type { Borders, Style, Workbook } from './excel';
import { escapeOoxml } from './safe-text';
import { columnLetters, type CellStyle, type LayoutSheet } from './layout';

const BODY_FONT = '宋体';
const TITLE_FONT = '黑体';
const thin = { style: 'thin' as const, color: { argb: 'FF000000' } };
const BOX: Partial<Borders> = { top: thin, left: thin, bottom: thin, right: thin };

/** Text number format: Excel keeps whatever is typed into such a cell as text, never a formula. */
export const TEXT_FORMAT = '@';

export const STYLES: Record<CellStyle, Partial<Style>> = {
  title: { font: { name: TITLE_FONT, size: 16, bold: true }, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } },
  subtitle: { font: { name: BODY_FONT, size: 11 }, alignment: { horizontal: 'left', vertical: 'middle' } },
  'subtitle-right': { font: { name: BODY_FONT, size: 11 }, alignment: { horizontal: 'right', vertical: 'middle' } },
  header: {
    font: { name: BODY_FONT, size: 10, bold: true },
    alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
    border: BOX,
    fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } },
  },
  section: { font: { name: BODY_FONT, size: 10, bold: true }, alignment: { horizontal: 'left', vertical: 'middle' }, border: BOX },
  label: { font: { name: BODY_FONT, size: 12 }, alignment: { horizontal: 'right', vertical: 'bottom' } },
  value: { font: { name: BODY_FONT, size: 12 }, alignment: { horizontal: 'left', vertical: 'bottom', wrapText: true }, border: { bottom: thin } },
  text: { font: { name: BODY_FONT, size: 10 }, alignment: { horizontal: 'left', vertical: 'middle', wrapText: true }, border: BOX },
  'text-center': { font: { name: BODY_FONT, size: 10 }, alignment: { horizontal: 'center', vertical: 'middle' }, border: BOX },
  number: { font: { name: BODY_FONT, size: 10 }, alignment: { horizontal: 'right', vertical: 'middle' }, border: BOX },
  paragraph: { font: { name: BODY_FONT, size: 11 }, alignment: { horizontal: 'left', vertical: 'top', wrapText: true }, border: BOX },
  heading: { font: { name: TITLE_FONT, size: 12, bold: true }, alignment: { horizontal: 'left', vertical: 'middle' } },
  note: { font: { name: BODY_FONT, size: 9, italic: true }, alignment: { horizontal: 'left', vertical: 'top', wrapText: true } },
  seal: { border: BOX, alignment: { horizontal: 'right', vertical: 'bottom' } },
};

/** `&` starts a code in Excel's header and footer language; a literal one is doubled. */
function headerText(text: string): string {
  return text.replace(/&/g, '&&');
}

export function renderSheet(workbook: Workbook, layout: LayoutSheet): void {
  const lastCol = layout.columnWidths.length;
  const sheet = workbook.addWorksheet(layout.name, {
    pageSetup: {
      paperSize: 9, // A4; A3 below
      orientation: layout.orientation,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0, // as many pages high as it takes
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
    },
    headerFooter: {
      differentFirst: false,
      differentOddEven: false,
      oddHeader: `&L${headerText(layout.headerLeft)}&C${headerText(layout.headerCenter)}&R${headerText(layout.name)}`,
      oddFooter: '&C第 &P 页，共 &N 页',
    },
    views: layout.frozenRows ? [{ state: 'frozen', ySplit: layout.frozenRows, xSplit: 0 }] : [{ state: 'normal' }],
  });
  // OOXML paper size 8 is A3; exceljs's PaperSize type lists no A3 but writes the number as given.
  if (layout.paper === 'A3') Object.assign(sheet.pageSetup, { paperSize: 8 });
  if (layout.printTitleRows) sheet.pageSetup.printTitlesRow = `${layout.printTitleRows.first}:${layout.printTitleRows.last}`;
  const lastRow = layout.cells.reduce((max, c) => Math.max(max, c.row), 1);
  sheet.pageSetup.printArea = `A1:${columnLetters(lastCol)}${lastRow}`;

  layout.columnWidths.forEach((width, i) => {
    sheet.getColumn(i + 1).width = width;
  });
  for (const { row, height } of layout.rowHeights) sheet.getRow(row).height = height;

  for (const cell of layout.cells) {
    const target = sheet.getCell(cell.row, cell.col);
    const style = STYLES[cell.style];
    // Styles are shared objects in exceljs unless copied; each cell gets its own shallow copy.
    target.style = { ...style, numFmt: typeof cell.value === 'string' ? TEXT_FORMAT : cell.numFmt ?? 'General' };
    if (cell.value !== null) target.value = typeof cell.value === 'string' ? escapeOoxml(cell.value) : cell.value;
  }
  for (const m of layout.merges) sheet.mergeCells(m.top, m.left, m.bottom, m.right);
}
