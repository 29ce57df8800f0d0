import { describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES } from '../../src-shared/ipc/contract';
import { argValidators, checkBaseName } from './validate-args';

const bytes = new Uint8Array([1, 2, 3]);
const filters = [{ name: 'Excel 工作簿', extensions: ['xlsx'] }];

describe('argument checks', () => {
  it.each([
    ['app:info', undefined],
    ['ledger:pick-and-read', { targets: [] }],
    ['ledger:pick-and-read', { targets: [{ code: 'totalInvestment', name: '总投资', type: 'number', unit: '亿元', synonyms: ['总投资'], required: true }], sheet: '台账' }],
    ['ledger:pick-and-read', { targets: [{ code: 'industry', name: '行业', type: 'text', synonyms: [], options: ['制造业'], requireWords: ['行业'], excludeWords: [] }] }],
    ['backup:pick', undefined],
    ['file:save', { suggestedName: '报送.xlsx', bytes, filters }],
    ['file:open', { filters }],
    ['file:open', { filters, maxBytes: 1024 }],
    ['folder:open', { extensions: ['xlsx', 'json'] }],
    ['folder:open', { extensions: ['xlsx'], maxBytes: 1024 }],
    ['print:to-pdf', { suggestedName: '报表.pdf', landscape: true, pageSize: 'A4' }],
    ['backup:save', { suggestedName: '备份.zrbak', bytes }],
  ] as const)('%s accepts %j', (channel, raw) => {
    expect(argValidators[channel](raw)).toEqual({ ok: true, value: raw });
  });

  it.each([
    ['app:info', 'x'],
    ['ledger:pick-and-read', undefined],
    ['ledger:pick-and-read', { targets: [], path: '/etc/passwd' }],
    ['ledger:pick-and-read', { targets: [{ code: 'x', name: 'x', type: 'money', synonyms: [] }] }],
    ['ledger:pick-and-read', { targets: [{ code: 'x', name: 'x', type: 'number', unit: 'USD', synonyms: [] }] }],
    ['ledger:pick-and-read', { targets: [{ code: 'x', name: 'x', type: 'number' }] }],
    ['ledger:pick-and-read', { targets: [{ code: 'x', name: 'x', type: 'text', synonyms: [1] }] }],
    ['ledger:pick-and-read', { targets: [{ code: '', name: 'x', type: 'text', synonyms: [] }] }],
    ['ledger:pick-and-read', { targets: [], sheet: 3 }],
    ['file:save', null],
    ['file:save', { suggestedName: '报送.xlsx', bytes: [1, 2, 3], filters }],
    ['file:save', { suggestedName: '../../evil.xlsx', bytes, filters }],
    ['file:save', { suggestedName: 'C:\\Windows\\evil.xlsx', bytes, filters }],
    ['file:save', { suggestedName: '', bytes, filters }],
    ['file:save', { suggestedName: 'a.xlsx', bytes, filters, path: '/tmp/a.xlsx' }],
    ['file:save', { suggestedName: 'a.xlsx', bytes, filters: [{ name: 'x', extensions: ['.xlsx'] }] }],
    ['file:save', { suggestedName: 'a.xlsx', bytes, filters: [{ name: 'x', extensions: [] }] }],
    ['file:open', { filters, maxBytes: MAX_FILE_BYTES + 1 }],
    ['file:open', { filters, maxBytes: 1.5 }],
    ['file:open', { filters, defaultPath: '/home' }],
    ['folder:open', { extensions: [] }],
    ['folder:open', { extensions: ['.xlsx'] }],
    ['folder:open', { extensions: ['xlsx'], path: '/home/clerk' }],
    ['folder:open', { extensions: ['xlsx'], maxBytes: 0 }],
    ['print:to-pdf', { suggestedName: 'a.pdf', landscape: 'yes', pageSize: 'A4' }],
    ['print:to-pdf', { suggestedName: 'a.pdf', landscape: false, pageSize: 'Letter' }],
    ['backup:save', { suggestedName: 'b.zrbak' }],
  ] as const)('%s refuses %j', (channel, raw) => {
    const checked = argValidators[channel](raw);
    expect(checked.ok).toBe(false);
  });

  it('refuses bytes over the size limit', () => {
    const huge = new Uint8Array(0);
    Object.defineProperty(huge, 'byteLength', { value: MAX_FILE_BYTES + 1 });
    expect(argValidators['backup:save']({ suggestedName: 'b.zrbak', bytes: huge }).ok).toBe(false);
  });

  it.each([
    ['某开发区2024年一季度.xlsx', true],
    ['a'.repeat(201), false],
    ['..', false],
    ['a\nb', false],
    [42, false],
  ])('base name %j ok: %s', (raw, ok) => {
    expect(checkBaseName(raw, 'name').ok).toBe(ok);
  });
});
