/**
 * Canonical JSON: object keys sorted by code unit, no whitespace, `undefined` members dropped —
 * the bytes the workbook checksum covers. The same definition as `canonicalJson` of the domain
 * core (src-shared/return); kept here until that module lands so the workbook has no gap.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((item) => (item === undefined ? null : sortKeys(item)));
  if (value !== null && typeof value === 'object') {
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const member: unknown = Reflect.get(value, key);
      if (member !== undefined) sorted[key] = sortKeys(member);
    }
    return sorted;
  }
  return value;
}
