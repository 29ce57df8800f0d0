/**
 * The one place exceljs is imported. Under Node (tsx, vitest) this resolves to exceljs's CommonJS
 * build; a Vite browser bundle takes the package's `browser` field, `dist/exceljs.min.js`, a
 * self-contained UMD build with no Node modules (checked: a Vite 8 build of this import runs in
 * Chromium). Both expose the same default export.
 */
import ExcelJS from 'exceljs';

export { ExcelJS };
export type { Borders, Cell, CellValue, Style, Workbook, Worksheet } from 'exceljs';
