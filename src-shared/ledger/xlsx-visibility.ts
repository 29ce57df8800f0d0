/**
 * Hidden columns and rows of an .xlsx, read straight from the sheet XML. SheetJS only reports
 * them with `cellStyles`, which makes reading a large ledger several times slower; the column
 * list sits before the cell data, so reading it ourselves costs one more unzip and a byte scan.
 */
import * as XLSX from 'xlsx';

/** The part of SheetJS' bundled zip/CFB reader we use; its typings declare it as `any`. */
interface ZipReader {
  read(data: Uint8Array, opts: { type: 'array' }): unknown;
  find(container: unknown, path: string): { content?: unknown } | null;
}
const zipReader: ZipReader = XLSX.CFB;

export interface Visibility {
  hiddenColumns: Set<number>;
  hiddenRows: Set<number>;
}

function latin1(bytes: Uint8Array, start = 0, end = bytes.length): string {
  let s = '';
  for (let i = start; i < end; i += 8192) s += String.fromCharCode(...bytes.subarray(i, Math.min(end, i + 8192)));
  return s;
}

function utf8(bytes: Uint8Array): string {
  // Workbook part names and sheet names: small, so a simple decoder through percent-encoding will do.
  let s = '';
  for (const b of bytes) s += `%${b.toString(16).padStart(2, '0')}`;
  try {
    return decodeURIComponent(s);
  } catch {
    return latin1(bytes);
  }
}

function indexOfBytes(hay: Uint8Array, needle: string, from = 0): number {
  const first = needle.charCodeAt(0);
  const n = needle.length;
  outer: for (let i = hay.indexOf(first, from); i >= 0 && i <= hay.length - n; i = hay.indexOf(first, i + 1)) {
    for (let k = 1; k < n; k++) if (hay[i + k] !== needle.charCodeAt(k)) continue outer;
    return i;
  }
  return -1;
}

function unescapeXml(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

/** The zip container of an .xlsx, read once and shared with SheetJS' own parse (`XLSX.parse_zip`). */
export function readZipContainer(bytes: Uint8Array): unknown {
  return zipReader.read(bytes, { type: 'array' });
}

/** One entry's bytes of a container read by `readZipContainer`. */
export function zipEntry(container: unknown, path: string): Uint8Array | undefined {
  const entry = zipReader.find(container, `/${path}`);
  const content: unknown = entry?.content;
  return content instanceof Uint8Array ? content : Array.isArray(content) ? Uint8Array.from(content as number[]) : undefined;
}

/** Most bytes looked back from a `hidden="1"` for the start of its tag: a row tag is short. */
const MAX_TAG_BYTES = 2048;

/**
 * Sheet name → hidden columns and rows, for every sheet of an .xlsx; empty when anything is
 * unexpected. Takes the bytes (unzipped here) or the container SheetJS reads from (no second unzip).
 */
export function xlsxVisibility(source: Uint8Array | { container: unknown }): Map<string, Visibility> {
  const out = new Map<string, Visibility>();
  let container: unknown;
  if (source instanceof Uint8Array) {
    try {
      container = zipReader.read(source, { type: 'array' });
    } catch {
      return out;
    }
  } else {
    container = source.container;
  }
  const file = (path: string): Uint8Array | undefined => {
    const entry = zipReader.find(container, `/${path}`);
    const content: unknown = entry?.content;
    return content instanceof Uint8Array ? content : Array.isArray(content) ? Uint8Array.from(content as number[]) : undefined;
  };
  const workbook = file('xl/workbook.xml');
  const rels = file('xl/_rels/workbook.xml.rels');
  if (!workbook || !rels) return out;
  const targets = new Map<string, string>();
  for (const m of utf8(rels).matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  for (const m of utf8(workbook).matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
    const rid = /\br:id="([^"]+)"|\bid="([^"]+)"/.exec(m[0]);
    const path = targets.get(rid?.[1] ?? rid?.[2] ?? '');
    if (name === undefined || !path) continue;
    const xml = file(path);
    if (!xml) continue;
    const visibility: Visibility = { hiddenColumns: new Set(), hiddenRows: new Set() };
    const dataStart = indexOfBytes(xml, 'sheetData');
    const head = latin1(xml, 0, dataStart < 0 ? xml.length : dataStart);
    for (const col of head.matchAll(/<(?:\w+:)?col\b[^>]*>/g)) {
      if (!/\bhidden="(?:1|true)"/.test(col[0])) continue;
      const min = Number(/\bmin="(\d+)"/.exec(col[0])?.[1]);
      const max = Number(/\bmax="(\d+)"/.exec(col[0])?.[1]);
      if (!Number.isInteger(min) || !Number.isInteger(max)) continue;
      // A hidden range reaching the last column (16384) hides only empty columns; cap it.
      for (let c = min; c <= Math.min(max, min + 1024); c++) visibility.hiddenColumns.add(c - 1);
    }
    if (dataStart >= 0) {
      // Linear: each look-back stops at the previous hit and at MAX_TAG_BYTES, so 40,000
      // attributes in one tag cost 40,000 short scans, not 40,000 scans of the whole tag.
      let previous = dataStart;
      for (let at = indexOfBytes(xml, 'hidden="1"', dataStart); at >= 0; at = indexOfBytes(xml, 'hidden="1"', at + 10)) {
        let tagStart = -1;
        for (let i = at - 1; i >= Math.max(previous, at - MAX_TAG_BYTES); i--) {
          if (xml[i] === 0x3c) {
            tagStart = i;
            break;
          }
        }
        previous = at + 10;
        if (tagStart < 0) continue;
        const tag = latin1(xml, tagStart, at);
        const r = /^<(?:\w+:)?row\b[^>]*\br="(\d+)"/.exec(tag)?.[1];
        if (r) visibility.hiddenRows.add(Number(r) - 1);
      }
    }
    out.set(unescapeXml(name), visibility);
  }
  return out;
}
