import { describe, expect, it } from 'vitest';
import { builtinZoneRegistry } from './builtin';
import { zonesFromSheet } from './zones-from-sheet';

const registry = builtinZoneRegistry();
const HEADER = ['编号', '开发区名称', '简称', '所属市', '县区', '类型', '级别', '设立年份'];

describe('zonesFromSheet', () => {
  it('adds a new zone with its id and renames an existing one found by id, keeping the old name', () => {
    const r = zonesFromSheet([['山西省开发区名录'], HEADER, ['xinshe-kfq', '阳泉新设开发区', '新设开发区', '阳泉', '郊区', '工业类', '省级', '2024'], ['gaoping-kfq', '高平经济技术开发区', '', '晋城市', '', '', '', '']], registry, registry.zones, { sheet: '名录' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.added).toEqual(['xinshe-kfq']);
    expect(r.value.updated).toEqual(['gaoping-kfq']);
    expect(r.value.zones[0]).toEqual({ id: 'xinshe-kfq', name: '阳泉新设开发区', shortName: '新设开发区', cityCode: '140300', county: '郊区', type: 'industrial', level: '省级', establishedYear: 2024 });
    expect(r.value.zones[1]).toMatchObject({ id: 'gaoping-kfq', name: '高平经济技术开发区', county: '高平市', type: 'industrial', formerNames: ['高平开发区'] });
  });

  it('a row without 编号 updates the zone of that name', () => {
    const r = zonesFromSheet([HEADER, ['', '陵川生态文化旅游示范区', '', '晋城市', '陵川县', '旅游类', '省级', '']], registry, registry.zones);
    expect(r.ok && r.value.zones[0]?.id).toBe('lingchuan-lyq');
  });

  it.each([
    [['', '全新开发区', '', '阳泉市', '郊区', '工业类', '省级', ''], 'missing-id', '第2行「编号」'],
    [['Bad_Id', '全新开发区', '', '阳泉市', '郊区', '工业类', '省级', ''], 'bad-zone-id', '第2行「编号」'],
    [['new-kfq', '全新开发区', '', '北京市', '郊区', '工业类', '省级', ''], 'unknown-city', '第2行「所属市」'],
    [['new-kfq', '全新开发区', '', '阳泉市', '郊区', '矿业类', '省级', ''], 'unknown-type', '第2行「类型」'],
    [['new-kfq', '全新开发区', '', '阳泉市', '郊区', '工业类', '市级', ''], 'unknown-level', '第2行「级别」'],
    [['new-kfq', '全新开发区', '', '阳泉市', '', '工业类', '省级', ''], 'missing', '第2行「县区」'],
    [['new-kfq', '全新开发区', '', '阳泉市', '郊区', '工业类', '省级', '二〇二四'], 'bad-year', '第2行「设立年份」'],
  ])('refuses %j with %s at its row and column', (row, code, where) => {
    const r = zonesFromSheet([HEADER, row], registry, registry.zones, { sheet: '名录' });
    expect(r.ok).toBe(false);
    expect(r.issues[0]).toMatchObject({ code, location: { row: 2, sheet: '名录' } });
    expect(r.issues[0]?.message).toContain(where);
  });

  it('a sheet without the header says what it needs', () => {
    const r = zonesFromSheet([['a', 'b']], registry, registry.zones);
    expect(r.ok).toBe(false);
    expect(r.issues[0]?.message).toContain('开发区名称');
  });
});
