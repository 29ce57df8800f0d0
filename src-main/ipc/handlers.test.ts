import { describe, expect, it } from 'vitest';
import { BACKUP_FILTERS, HOST_ISSUE, LEDGER_FILTERS, MAX_LEDGER_BYTES, PDF_FILTERS } from '../../src-shared/ipc/contract';
import { createFakeHost } from './fake-host';
import { createHandlers, withExtension } from './handlers';

const ctx = { owner: 'window-1' };
const bytes = new Uint8Array([1, 2, 3]);
const target = { code: 'name', name: '项目名称', type: 'text' as const, synonyms: ['项目名称', '项目'] };

function setup() {
  const host = createFakeHost();
  return { host, handlers: createHandlers(host) };
}

describe('reading files the user picks', () => {
  it('ledger: opens main own dialog, parses in the worker, returns name, bytes and the parse', async () => {
    const { host, handlers } = setup();
    host.openAnswers.push('/home/clerk/台账/2024台账.xlsx');
    host.files.set('/home/clerk/台账/2024台账.xlsx', bytes);
    const warning = { code: 'hidden-sheet', severity: 'warning' as const, message: '隐藏的工作表' };
    host.ledgerAnswer = { ok: true, value: { fileName: '2024台账.xlsx', format: 'xlsx', sheets: [], tables: [], issues: [] }, issues: [warning] };
    const result = await handlers['ledger:pick-and-read']({ targets: [target], sheet: '台账' }, ctx);
    expect(result).toEqual({
      ok: true,
      value: { kind: 'picked', file: { name: '2024台账.xlsx', bytes, ledger: host.ledgerAnswer.ok ? host.ledgerAnswer.value : null } },
      issues: [warning],
    });
    expect(host.calls.map((c) => c.call)).toEqual(['open', 'read', 'parse']);
    expect(host.calls[0]).toMatchObject({ owner: 'window-1', filters: LEDGER_FILTERS });
    expect(host.ledgerJobs).toEqual([{ bytes, fileName: '2024台账.xlsx', sheet: '台账', targetCodes: ['name'] }]);
  });

  it('ledger: a file the reader refuses comes back with the reader issues', async () => {
    const { host, handlers } = setup();
    host.openAnswers.push('/d/坏文件.xlsx');
    host.files.set('/d/坏文件.xlsx', bytes);
    const refused = { code: 'not-a-workbook', severity: 'error' as const, message: '不是 Excel 文件' };
    host.ledgerAnswer = { ok: false, issues: [refused] };
    expect(await handlers['ledger:pick-and-read']({ targets: [target] }, ctx)).toEqual({ ok: false, issues: [refused] });
  });

  it('ledger: cancelling the dialog parses nothing', async () => {
    const { host, handlers } = setup();
    expect(await handlers['ledger:pick-and-read']({ targets: [] }, ctx)).toEqual({ ok: true, value: { kind: 'cancelled' }, issues: [] });
    expect(host.calls.map((c) => c.call)).toEqual(['open']);
  });

  it('a cancelled dialog is a normal outcome and reads nothing', async () => {
    const { host, handlers } = setup();
    expect(await handlers['backup:pick'](undefined, ctx)).toEqual({ ok: true, value: { kind: 'cancelled' }, issues: [] });
    expect(host.calls.map((c) => c.call)).toEqual(['open']);
    expect(host.calls[0]?.filters).toEqual(BACKUP_FILTERS);
  });

  it('a file over the limit is refused with a Chinese message naming it', async () => {
    const { host, handlers } = setup();
    host.openAnswers.push('/d/big.xlsx');
    host.files.set('/d/big.xlsx', new Uint8Array(MAX_LEDGER_BYTES + 1));
    const result = await handlers['ledger:pick-and-read']({ targets: [target] }, ctx);
    expect(result.ok).toBe(false);
    expect(host.calls.some((c) => c.call === 'parse')).toBe(false);
    expect(result.issues[0]).toMatchObject({ code: HOST_ISSUE.fileTooLarge, location: { file: 'big.xlsx' } });
    expect(result.issues[0]?.message).toContain('big.xlsx');
  });

  it('file:open honours a smaller maxBytes; an unreadable file is a value, not an exception', async () => {
    const { host, handlers } = setup();
    host.openAnswers.push('/d/a.json', '/d/gone.json');
    host.files.set('/d/a.json', bytes);
    const small = await handlers['file:open']({ filters: [{ name: 'JSON', extensions: ['json'] }], maxBytes: 2 }, ctx);
    expect(small.issues[0]?.code).toBe(HOST_ISSUE.fileTooLarge);
    const gone = await handlers['file:open']({ filters: [{ name: 'JSON', extensions: ['json'] }] }, ctx);
    expect(gone).toMatchObject({ ok: false, issues: [{ code: HOST_ISSUE.fileUnreadable }] });
  });
});

describe('opening a whole folder (folder:open)', () => {
  it('shows main own folder dialog and reads the matching files in every subfolder, lock files and others left out', async () => {
    const { host, handlers } = setup();
    host.folderAnswers.push('/home/city/一季度报送');
    host.files.set('/home/city/一季度报送/高平开发区.xlsx', bytes);
    host.files.set('/home/city/一季度报送/沁水/沁水开发区.XLSX', new Uint8Array([4]));
    host.files.set('/home/city/一季度报送/沁水/说明.docx', new Uint8Array([5]));
    host.files.set('/home/city/一季度报送/~$高平开发区.xlsx', new Uint8Array([6]));
    host.files.set('/home/city/一季度报送/晋城.json', new Uint8Array([7]));
    host.files.set('/home/city/其他/阳城开发区.xlsx', new Uint8Array([8]));
    const result = await handlers['folder:open']({ extensions: ['xlsx', 'json'] }, ctx);
    expect(result).toEqual({
      ok: true,
      value: { kind: 'picked', file: { name: '一季度报送', files: [{ name: '高平开发区.xlsx', bytes }, { name: '晋城.json', bytes: new Uint8Array([7]) }, { name: '沁水/沁水开发区.XLSX', bytes: new Uint8Array([4]) }] } },
      issues: [],
    });
    expect(host.calls[0]).toMatchObject({ call: 'open-folder', owner: 'window-1', title: '选择文件夹' });
  });

  it('a file too large is an issue beside the files read; cancelled and an unreadable folder are values', async () => {
    const { host, handlers } = setup();
    host.folderAnswers.push('/d', null, '/unreadable/x', '/only');
    host.files.set('/d/a.xlsx', bytes);
    host.files.set('/d/big.xlsx', new Uint8Array(10));
    host.files.set('/only/big.xlsx', new Uint8Array(10));
    const some = await handlers['folder:open']({ extensions: ['xlsx'], maxBytes: 5 }, ctx);
    expect(some).toMatchObject({ ok: true, value: { kind: 'picked', file: { name: 'd', files: [{ name: 'a.xlsx' }] } }, issues: [{ code: HOST_ISSUE.fileTooLarge, location: { file: 'big.xlsx' } }] });
    expect(await handlers['folder:open']({ extensions: ['xlsx'] }, ctx)).toEqual({ ok: true, value: { kind: 'cancelled' }, issues: [] });
    expect(await handlers['folder:open']({ extensions: ['xlsx'] }, ctx)).toMatchObject({ ok: false, issues: [{ code: HOST_ISSUE.fileUnreadable, location: { file: 'x' } }] });
    expect(await handlers['folder:open']({ extensions: ['xlsx'], maxBytes: 5 }, ctx)).toMatchObject({ ok: false, issues: [{ code: HOST_ISSUE.fileTooLarge }] });
  });
});

describe('saving files', () => {
  it('offers a safe name, writes where the user chose, and reports the file name', async () => {
    const { host, handlers } = setup();
    host.saveAnswers.push('/home/clerk/报送/某开发区.xlsx');
    const result = await handlers['file:save']({ suggestedName: '某开发区:一季度.xlsx', bytes, filters: [{ name: 'Excel', extensions: ['xlsx'] }] }, ctx);
    expect(result).toEqual({ ok: true, value: { kind: 'saved', fileName: '某开发区.xlsx' }, issues: [] });
    expect(host.calls[0]).toMatchObject({ call: 'save', defaultName: '某开发区_一季度.xlsx' });
    expect(host.files.get('/home/clerk/报送/某开发区.xlsx')).toBe(bytes);
  });

  it('adds the extension when the clerk typed a name without one', async () => {
    const { host, handlers } = setup();
    host.saveAnswers.push('/home/clerk/备份');
    const result = await handlers['backup:save']({ suggestedName: '备份.zrbak', bytes }, ctx);
    expect(result).toMatchObject({ ok: true, value: { kind: 'saved', fileName: '备份.zrbak' } });
    expect(host.files.has('/home/clerk/备份.zrbak')).toBe(true);
  });

  it('a file held open by Excel comes back as file-busy, so the UI can offer 另存为', async () => {
    const { host, handlers } = setup();
    host.saveAnswers.push('/d/报送.xlsx');
    host.busyPaths.add('/d/报送.xlsx');
    const result = await handlers['file:save']({ suggestedName: '报送.xlsx', bytes, filters: [] }, ctx);
    expect(result).toMatchObject({ ok: false, issues: [{ code: HOST_ISSUE.fileBusy }] });
    expect(result.issues[0]?.message).toContain('另存为');
  });

  it('an unwritable folder is a value with advice', async () => {
    const { host, handlers } = setup();
    host.saveAnswers.push('/readonly/报送.xlsx');
    const result = await handlers['file:save']({ suggestedName: '报送.xlsx', bytes, filters: [] }, ctx);
    expect(result).toMatchObject({ ok: false, issues: [{ code: HOST_ISSUE.fileUnwritable }] });
  });

  it('a cancelled save dialog writes nothing', async () => {
    const { host, handlers } = setup();
    expect(await handlers['file:save']({ suggestedName: 'a.xlsx', bytes, filters: [] }, ctx)).toEqual({ ok: true, value: { kind: 'cancelled' }, issues: [] });
    expect(host.calls.map((c) => c.call)).toEqual(['save']);
  });
});

describe('print to PDF', () => {
  it('prints the asking window and saves the PDF', async () => {
    const { host, handlers } = setup();
    host.saveAnswers.push('/d/报表');
    const result = await handlers['print:to-pdf']({ suggestedName: '报表.pdf', landscape: true, pageSize: 'A4' }, ctx);
    expect(result).toEqual({ ok: true, value: { kind: 'saved', fileName: '报表.pdf' }, issues: [] });
    expect(host.calls.map((c) => c.call)).toEqual(['save', 'print', 'write']);
    expect(host.calls[0]?.filters).toEqual(PDF_FILTERS);
    expect(host.calls[1]?.owner).toBe('window-1');
  });

  it('a failed print is a value and writes nothing', async () => {
    const { host, handlers } = setup();
    host.saveAnswers.push('/d/报表.pdf');
    host.pdf = new Error('printing failed');
    const result = await handlers['print:to-pdf']({ suggestedName: '报表.pdf', landscape: false, pageSize: 'A3' }, ctx);
    expect(result).toMatchObject({ ok: false, issues: [{ code: HOST_ISSUE.printFailed }] });
    expect(host.calls.some((c) => c.call === 'write')).toBe(false);
  });
});

describe('withExtension', () => {
  const xlsx = [{ name: 'Excel', extensions: ['xlsx'] }];
  it.each([
    ['/d/a', xlsx, '/d/a.xlsx'],
    ['/d/a.xlsx', xlsx, '/d/a.xlsx'],
    ['/d/a.b/c', xlsx, '/d/a.b/c.xlsx'],
    ['/d/a', [], '/d/a'],
    ['/d/a', [{ name: 'all', extensions: ['*'] }], '/d/a'],
  ])('%s → %s', (path, filters, expected) => {
    expect(withExtension(path, filters)).toBe(expected);
  });
});
