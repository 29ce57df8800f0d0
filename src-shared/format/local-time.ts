/** Times as the app shows them: `2024-04-08 16:30` in the local time zone (the clerk's, the bureau's). */
const pad = (n: number): string => String(n).padStart(2, '0');

/** `2024-04-08 16:30` in local time; what is not a time is shown as given. */
export function localTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** `12-02 10:31` within the year of `now`, else as `localTime` (for a narrow column). */
export function shortLocalTime(iso: string, now: Date = new Date()): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.getFullYear() === now.getFullYear() ? localTime(iso).slice(5) : localTime(iso);
}

/**
 * Date and minute of an ISO instant in China Standard Time, `2024-04-08 16:00`, whatever the
 * machine's time zone: for what a file says (a board or summary workbook), which must not
 * depend on where it was written. `undefined` for what is not a time.
 */
export function chinaDateTime(iso: string): string | undefined {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return undefined;
  return new Date(ms + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}
