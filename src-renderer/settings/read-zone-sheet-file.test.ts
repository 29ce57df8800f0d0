import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { builtinZoneRegistry, zonesFromSheet } from '../../src-shared/seeds';
import { readZoneSheetFile } from './read-zone-sheet-file';

const ROWS = [
  ['2024年开发区名录'],
  ['编号', '开发区名称', '简称', '所属市', '县区', '类型', '级别', '设立年份'],
  ['xinshe-kfq', '阳泉新设开发区', '新设开发区', '阳泉市', '郊区', '工业类', '省级', 2024],
];

describe('readZoneSheetFile', () => {
  it('reads the first sheet of an .xlsx into rows of text that zonesFromSheet takes', async () => {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(ROWS), '名录');
    const bytes = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
    const read = await readZoneSheetFile(bytes, '名录.xlsx');
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.value.sheet).toBe('名录');
    const registry = builtinZoneRegistry();
    const zones = zonesFromSheet(read.value.rows, registry, registry.zones, { file: '名录.xlsx', sheet: read.value.sheet });
    expect(zones.ok && zones.value.zones).toEqual([{ id: 'xinshe-kfq', name: '阳泉新设开发区', shortName: '新设开发区', cityCode: '140300', county: '郊区', type: 'industrial', level: '省级', establishedYear: 2024 }]);
  });

  it('reads a CSV saved with a BOM', async () => {
    const text = '\uFEFF' + ROWS.map((r) => r.join(',')).join('\r\n');
    const read = await readZoneSheetFile(new TextEncoder().encode(text), '名录.csv');
    expect(read.ok && read.value.rows[2]?.[1]).toBe('阳泉新设开发区');
  });

  it('a file that is not a sheet comes back as a message, not an exception', async () => {
    const read = await readZoneSheetFile(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31]), '名录.xlsx');
    expect(read.ok).toBe(false);
    expect(read.issues[0]?.message).toMatch(/名录\.xlsx/);
  });
});
