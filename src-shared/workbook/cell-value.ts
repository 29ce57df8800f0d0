/** What a cell read back by exceljs holds, reduced to what the comparison needs. */
import type { CellValue } from './excel';

export type FoundValue =
  | { kind: 'empty' }
  | { kind: 'number'; value: number }
  | { kind: 'text'; value: string }
  | { kind: 'formula'; formula: string }
  | { kind: 'other'; value: string };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

export function foundValue(value: CellValue): FoundValue {
  if (value === null || value === undefined) return { kind: 'empty' };
  if (typeof value === 'number') return { kind: 'number', value };
  if (typeof value === 'string') return value === '' ? { kind: 'empty' } : { kind: 'text', value };
  if (typeof value === 'boolean') return { kind: 'other', value: value ? 'TRUE' : 'FALSE' };
  if (value instanceof Date) return { kind: 'other', value: value.toISOString() };
  if (isObject(value)) {
    const formula = Reflect.get(value, 'formula') ?? Reflect.get(value, 'sharedFormula');
    if (typeof formula === 'string') return { kind: 'formula', formula };
    const richText: unknown = Reflect.get(value, 'richText');
    if (Array.isArray(richText)) {
      const joined = richText.map((run: unknown) => (isObject(run) && typeof run['text'] === 'string' ? run['text'] : '')).join('');
      return joined === '' ? { kind: 'empty' } : { kind: 'text', value: joined };
    }
    const text: unknown = Reflect.get(value, 'text');
    if (typeof text === 'string') return { kind: 'text', value: text };
    const error: unknown = Reflect.get(value, 'error');
    if (typeof error === 'string') return { kind: 'other', value: error };
  }
  return { kind: 'other', value: String(value) };
}

export function describeFound(found: FoundValue): string {
  switch (found.kind) {
    case 'empty':
      return '（空）';
    case 'number':
      return String(found.value);
    case 'text':
      return `“${found.value}”`;
    case 'formula':
      return `公式 =${found.formula}`;
    case 'other':
      return found.value;
  }
}

/**
 * A number re-saved by another spreadsheet program may come back with 15 rather than 17
 * significant digits; anything closer than that is the same number.
 */
export function sameNumber(expected: number, found: number): boolean {
  if (expected === found) return true;
  return Math.abs(expected - found) <= Math.max(Math.abs(expected), Math.abs(found)) * 1e-14;
}
