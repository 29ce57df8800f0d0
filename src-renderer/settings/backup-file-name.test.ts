import { describe, expect, it } from 'vitest';
import { BACKUP_FILTERS } from '../bridge';
import { backupFileName } from './backup-file-name';

describe('backupFileName', () => {
  it('names the file by local date and time, with the extension the restore dialog looks for', () => {
    const name = backupFileName(new Date(2024, 3, 5, 9, 7));
    expect(name.startsWith('开发区填报备份-20240405-0907.')).toBe(true);
    expect(BACKUP_FILTERS.some((f) => f.extensions.some((ext) => name.endsWith(`.${ext}`)))).toBe(true);
  });
});
