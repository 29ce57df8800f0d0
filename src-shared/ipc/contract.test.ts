import { describe, expect, it } from 'vitest';
import {
  BRIDGE_METHODS,
  CHANNELS,
  HOST_ISSUE,
  MENU_COMMANDS,
  fileBusyIssue,
  fileTooLargeIssue,
  fileUnreadableIssue,
  fileUnwritableIssue,
  printFailedIssue,
} from './contract';

describe('the IPC contract', () => {
  it('maps every channel to exactly one bridge method', () => {
    expect(Object.values(BRIDGE_METHODS).sort()).toEqual([...CHANNELS].sort());
    expect(new Set(CHANNELS).size).toBe(CHANNELS.length);
  });

  it('menu commands are distinct', () => {
    expect(new Set(MENU_COMMANDS).size).toBe(MENU_COMMANDS.length);
  });

  it.each([
    ['busy', fileBusyIssue('报送.xlsx'), HOST_ISSUE.fileBusy, ['报送.xlsx', '另存为']],
    ['too large', fileTooLargeIssue('台账.xlsx', 80 * 1024 * 1024, 60 * 1024 * 1024), HOST_ISSUE.fileTooLarge, ['台账.xlsx', '80.0 MB', '60.0 MB']],
    ['unreadable', fileUnreadableIssue('台账.xlsx', 'ENOENT'), HOST_ISSUE.fileUnreadable, ['台账.xlsx', 'ENOENT', '重试']],
    ['unwritable', fileUnwritableIssue('报送.xlsx', 'EROFS'), HOST_ISSUE.fileUnwritable, ['报送.xlsx', '另存为']],
    ['print', printFailedIssue('no printer'), HOST_ISSUE.printFailed, ['PDF', '重试']],
  ])('the %s issue has its code and says what happened and what to do', (_what, issue, code, words) => {
    expect(issue.code).toBe(code);
    expect(issue.severity).toBe('error');
    for (const word of words) expect(issue.message).toContain(word);
  });
});
