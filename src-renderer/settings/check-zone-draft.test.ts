import { describe, expect, it } from 'vitest';
import { builtinZoneRegistry } from '../../src-shared/seeds';
import { checkZoneDraft, emptyZoneDraft, type ZoneDraft } from './check-zone-draft';

const { cities } = builtinZoneRegistry();
const taken = new Set(['gaoping-kfq']);
const good: ZoneDraft = { ...emptyZoneDraft('140300'), id: 'xinjian-kfq', name: '阳泉新建开发区', county: '郊区' };

describe('checkZoneDraft', () => {
  it('a complete draft becomes a zone', () => {
    expect(checkZoneDraft({ ...good, shortName: ' 新建开发区 ' }, cities, taken, true)).toEqual({ ok: true, zone: { id: 'xinjian-kfq', name: '阳泉新建开发区', shortName: '新建开发区', cityCode: '140300', county: '郊区', type: 'industrial', level: '省级' } });
  });

  it.each<[string, Partial<ZoneDraft>, keyof ZoneDraft]>([
    ['no id', { id: '' }, 'id'],
    ['an id with capitals', { id: 'XinJian' }, 'id'],
    ['an id in use', { id: 'gaoping-kfq' }, 'id'],
    ['no name', { name: ' ' }, 'name'],
    ['no city', { cityCode: '' }, 'cityCode'],
    ['no county', { county: '' }, 'county'],
    ['an unknown type', { type: 'mining' }, 'type'],
    ['a 设立年份 that is not a year', { establishedYear: '二〇二四' }, 'establishedYear'],
  ])('%s is refused at its field', (_what, change, field) => {
    const r = checkZoneDraft({ ...good, ...change }, cities, taken, true);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problems[field]).toBeTruthy();
  });

  it('a 设立年份 marks a new zone', () => {
    const r = checkZoneDraft({ ...good, establishedYear: '2024年' }, cities, taken, true);
    expect(r.ok && r.zone.establishedYear).toBe(2024);
  });

  it('editing a zone does not check its id again (an id never changes)', () => {
    expect(checkZoneDraft({ ...good, id: 'gaoping-kfq' }, cities, taken, false).ok).toBe(true);
  });
});
