import type { FileLocation, UserIssue } from '../model';

/** 0-based column index → spreadsheet letters (0 → A, 25 → Z, 26 → AA). */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** "「台账」工作表第 5 行 C 列" — how a location reads in a message. */
export function describeLocation(loc: FileLocation): string {
  const parts: string[] = [];
  if (loc.sheet !== undefined) parts.push(`「${loc.sheet}」工作表`);
  if (loc.row !== undefined) parts.push(`第 ${loc.row} 行`);
  if (loc.column !== undefined) parts.push(` ${loc.column} 列`);
  return parts.join('');
}

export function issue(
  code: string,
  severity: UserIssue['severity'],
  message: string,
  location?: FileLocation,
  found?: string,
): UserIssue {
  const out: UserIssue = { code, severity, message };
  if (location) out.location = location;
  if (found !== undefined) out.found = found;
  return out;
}

export function fileError(code: string, message: string, file?: string): UserIssue {
  return issue(code, 'error', message, file === undefined ? undefined : { file });
}
