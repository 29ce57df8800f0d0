/**
 * SheetJS' code-page tables, needed for GBK text and for old .xls files written with a Chinese
 * code page. The package's typings declare a `cptable` export, but the module's namespace
 * itself (with `utils`) is what `set_cptable` expects, so we type that namespace here.
 */
import * as XLSX from 'xlsx';
import * as cpexcel from 'xlsx/dist/cpexcel.full.mjs';

interface CodepageModule {
  utils: { decode(cp: number, data: Uint8Array | number[]): string };
}

// The typings describe a different shape than the module has; see the comment above.
export const codepages = cpexcel as unknown as CodepageModule;

let installed = false;
export function installCodepages(): void {
  if (installed) return;
  XLSX.set_cptable(codepages);
  installed = true;
}
