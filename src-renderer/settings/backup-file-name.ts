import { BACKUP_FILTERS } from '../bridge';

// The extension follows the IPC contract's backup filter, so the open dialog always shows our files.
const EXTENSION = BACKUP_FILTERS[0]?.extensions[0] ?? 'zrbak';

/** `开发区填报备份-20240415-0930.<ext>`: sortable by time in a folder, no characters Windows refuses. */
export function backupFileName(at: Date): string {
  const p = (n: number): string => String(n).padStart(2, '0');
  return `开发区填报备份-${at.getFullYear()}${p(at.getMonth() + 1)}${p(at.getDate())}-${p(at.getHours())}${p(at.getMinutes())}.${EXTENSION}`;
}
