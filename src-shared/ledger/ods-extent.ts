/**
 * How many cells with content an .ods sheet declares, counted from `content.xml` before SheetJS
 * expands anything: `number-rows-repeated` × `number-columns-repeated` let a 1 KB file declare
 * millions of cells, which SheetJS would build one by one.
 */
function latin1(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 8192) s += String.fromCharCode(...bytes.subarray(i, Math.min(bytes.length, i + 8192)));
  return s;
}

const TAG = /<table:(table-row|table-cell|covered-table-cell)\b[^>]*>/g;

/** Cells with a value or text, as declared (repeats multiplied out), over every sheet. */
export function odsDeclaredCells(contentXml: Uint8Array): number {
  const xml = latin1(contentXml);
  let total = 0;
  let rowRepeat = 1;
  for (const m of xml.matchAll(TAG)) {
    const tag = m[0];
    if (m[1] === 'table-row') {
      rowRepeat = Number(/table:number-rows-repeated="(\d+)"/.exec(tag)?.[1] ?? 1);
      continue;
    }
    const hasContent = !tag.endsWith('/>') || tag.includes('office:value-type');
    if (!hasContent) continue;
    const columns = Number(/table:number-columns-repeated="(\d+)"/.exec(tag)?.[1] ?? 1);
    total += rowRepeat * columns;
  }
  return total;
}
