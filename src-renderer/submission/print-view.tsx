import type { LayoutSheet } from '../../src-shared/workbook/layout';
import { sheetRows } from './layout-html';

/** Excel column widths are in characters; on paper one character of 宋体 10pt is about 7 px. */
const PX_PER_CHAR = 7;

/**
 * The return printed as the workbook's visible sheets, one after the other, each starting a new
 * page (the cover in portrait, the tables in landscape: see submission.css).
 */
export function PrintView({ sheets }: { sheets: LayoutSheet[] }) {
  return (
    <section className="print-view" aria-label="打印稿">
      {sheets.map((sheet, index) => (
        <div key={sheet.name} className={`print-sheet print-${sheet.orientation}${index === 0 ? ' print-first' : ''}`} data-sheet={sheet.name}>
          <table className="print-table">
            <colgroup>
              {sheet.columnWidths.map((width, i) => (
                <col key={i} style={{ width: `${Math.round(width * PX_PER_CHAR)}px` }} />
              ))}
            </colgroup>
            <tbody>
              {sheetRows(sheet).map((row) => (
                <tr key={row.key} style={row.height === undefined ? undefined : { height: `${Math.round(row.height * 1.33)}px` }}>
                  {row.cells.map((cell) => (
                    <td key={cell.key} colSpan={cell.colSpan} rowSpan={cell.rowSpan} className={`pc-${cell.style}${cell.numeric ? ' pc-num' : ''}`}>
                      {cell.text}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </section>
  );
}
