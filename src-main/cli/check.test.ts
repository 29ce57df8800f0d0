import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleReturn, kfqSet } from '../../src-shared/seeds';
import { parseCheckArgs, syntaxErrorOffset } from './check';

const root = join(import.meta.dirname, '..', '..');
let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'zr-check-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function write(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

function check(...args: string[]): { code: number | null; out: Record<string, unknown>; stderr: string } {
  const r = spawnSync(process.execPath, [join(root, 'bin', 'zone-returns.mjs'), 'check', ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  const parsed: unknown = r.stdout.trim() === '' ? {} : JSON.parse(r.stdout);
  const out = typeof parsed === 'object' && parsed !== null ? Object.fromEntries(Object.entries(parsed)) : {};
  return { code: r.status, out, stderr: r.stderr };
}

describe('zone-returns check', () => {
  it('prints identity, figures and issues of a valid return and exits 0', () => {
    const { code, out } = check(join(root, 'seeds/examples/jincheng-kfq-2024-q1.json'));
    expect(code).toBe(0);
    expect(out['return']).toMatchObject({ zoneId: 'jincheng-kfq', zoneName: '晋城开发区', periodLabel: '2024年1–3月', indicatorSet: { id: 'kfq-quarterly', version: '2024.1' } });
    expect(out['figures']).toMatchObject({ gyzjz: { current: { ok: true, value: 62.41 }, lastYear: { ok: true, value: 52.3 }, comparison: '高于' }, qySignedCount: { current: { ok: true, value: 5 } } });
    expect(out['issues']).toEqual([]);
  });

  it('exits 1 on hard errors and lists them', () => {
    const ret = exampleReturn('gaoping-kfq-2024-q1');
    ret.values['zxxmtz'] = { current: 9, lastYear: 2.02 };
    delete ret.values['gyzcz'];
    const { code, out } = check(write('errors.json', ret));
    expect(code).toBe(1);
    const issues = out['issues'];
    expect(issues).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'part-of', severity: 'error' }), expect.objectContaining({ code: 'required', key: 'required:gyzcz' })]));
    expect(out['summary']).toMatchObject({ errors: 2 });
  });

  it('exits 0 with warnings only, and counts the unexplained ones', () => {
    const ret = exampleReturn('gaoping-kfq-2024-q1');
    ret.values['gyzjz'] = { current: 21.37, lastYear: 10 };
    const { code, out } = check(write('warning.json', ret));
    expect(code).toBe(0);
    expect(out['summary']).toEqual({ errors: 0, warnings: 1, unexplainedWarnings: 1 });
  });

  it('reports an unknown key of the file apart from the validation issues', () => {
    const { code, out } = check(write('extra.json', { ...exampleReturn('gaoping-kfq-2024-q1'), comment: '草稿' }));
    expect(code).toBe(0);
    expect(out['issues']).toEqual([]);
    expect(out['fileIssues']).toEqual([expect.objectContaining({ code: 'unknown-property', severity: 'warning', location: { path: '$.comment', file: 'extra.json' } })]);
  });

  it('uses last year’s return for the last-year jump check', () => {
    const lastYear = exampleReturn('gaoping-kfq-2024-q1');
    lastYear.period = { ...lastYear.period, year: 2023 };
    lastYear.values['gyzjz'] = { current: 18, lastYear: 15 };
    lastYear.values['gytz'] = { current: 2.301, lastYear: 2 };
    const { code, out } = check(join(root, 'seeds/examples/gaoping-kfq-2024-q1.json'), '--last-year', write('ly.json', lastYear));
    expect(code).toBe(0);
    expect(out['issues']).toEqual([expect.objectContaining({ code: 'last-year-jump', key: 'rule:gyzjz-last-year' })]);
  });

  it.each([
    ['a missing file', () => join(dir, 'nothing.json'), '无法读取报表文件 nothing.json'],
    ['broken JSON', () => write('broken.json', '{"format": "zone-returns/return@1",\n  "zoneId": }'), '报表文件 broken.json 不是有效的 JSON，位置在第2行'],
    ['a wrong period', () => write('period.json', { ...exampleReturn('gaoping-kfq-2024-q1'), period: { year: 2024, endMonth: 4, frequency: 'quarter' } }), '报表文件 period.json 的 $.period.endMonth'],
    ['an unknown set', () => write('set.json', { ...exampleReturn('gaoping-kfq-2024-q1'), indicatorSet: { id: 'kfq-quarterly', version: '1999.1' } }), '报表文件 set.json 的 $.indicatorSet'],
    ['not a return', () => write('other.json', { format: 'zone-returns/zone-registry@1' }), '报表文件 other.json 的 $.format'],
  ])('exits 2 on %s, naming the file and the place', (_what, file, message) => {
    const { code, stderr, out } = check(file());
    expect(code).toBe(2);
    expect(stderr).toContain(message);
    expect(out['ok']).toBe(false);
  });
});

describe('zone-returns check --set', () => {
  const setFile = join(root, 'seeds/indicator-sets/kfq-quarterly-2024.json');

  it('checks with an indicator set read from a file, so a new set can be tried as data', () => {
    const set = kfqSet();
    const rules = set.rules.map((r) => (r.kind === 'growth-range' && r.id === 'gyzjz-growth' ? { ...r, max: 10 } : r));
    const { code, out } = check(join(root, 'seeds/examples/gaoping-kfq-2024-q1.json'), '--set', write('tight-set.json', { ...set, rules }));
    expect(code).toBe(0);
    expect(out['issues']).toEqual([expect.objectContaining({ code: 'growth-range', key: 'rule:gyzjz-growth' })]);
  });

  it('refuses a malformed set with the file and the JSON path', () => {
    const set = readFileSync(setFile, 'utf8').replace('"unit": "亿元"', '"unit": "亿"');
    const { code, stderr } = check(join(root, 'seeds/examples/gaoping-kfq-2024-q1.json'), '--set', write('bad-set.json', set));
    expect(code).toBe(2);
    expect(stderr).toContain('指标集文件 bad-set.json 的 $.sections[0].indicators[0].unit');
  });

  it('refuses a set that is not the return’s', () => {
    const set = readFileSync(setFile, 'utf8').replace('"version": "2024.1"', '"version": "2025.1"');
    const { code, stderr } = check(join(root, 'seeds/examples/gaoping-kfq-2024-q1.json'), '--set', write('other-set.json', set));
    expect(code).toBe(2);
    expect(stderr).toContain('请选择对应的指标集');
  });
});

describe('zone-returns check for any zone of the province, in any shipped year', () => {
  const ret = (zoneId: string, year: number, version = `${year}.1`) => ({ ...exampleReturn('gaoping-kfq-2024-q1'), zoneId, period: { year, endMonth: 3, frequency: 'quarter' }, indicatorSet: { id: 'kfq-quarterly', version } });

  it.each([
    ['yangquan-gxq', 2023, 'industrial'],
    ['zgsfq', 2024, 'industrial'],
    ['jinzhong-nyq', 2025, 'agricultural'],
  ])('%s %s without extra flags: the registry gives the type, no unknown-zone', (zoneId, year, type) => {
    const base = ret(zoneId, year).values;
    const texts = Object.fromEntries(Object.entries(base).filter(([k]) => k.startsWith('txt')));
    const values = type === 'agricultural' ? { ...texts, gdzctz: { current: 5000, lastYear: 4000 }, cyxmtz: { current: 3000, lastYear: 2500 } } : base;
    const { code, out } = check(write(`${zoneId}-${year}.json`, { ...ret(zoneId, year), values }));
    expect(code).toBe(0);
    expect(out['return']).toMatchObject({ zoneId, zoneType: type, zoneTypeFrom: 'registry', indicatorSet: { version: `${year}.1` } });
    expect(out['issues']).toEqual([]);
  });

  it('refuses a 2023 return filed with the 2024 set, naming the set in force', () => {
    const { code, stderr } = check(write('yq-2023-with-2024.json', ret('yangquan-gxq', 2023, '2024.1')));
    expect(code).toBe(2);
    expect(stderr).toContain('kfq-quarterly 2023.1');
  });

  it('--zone-type is for a zone not in the registry (then unknown-zone is a warning) and may not contradict it', () => {
    const unknown = check(write('new-zone.json', ret('weizhi-kfq', 2024)), '--zone-type', 'industrial');
    expect(unknown.code).toBe(0);
    expect(unknown.out['issues']).toEqual([expect.objectContaining({ code: 'unknown-zone', severity: 'warning' })]);
    const noType = check(write('new-zone-2.json', ret('weizhi-kfq', 2024)));
    expect(noType.code).toBe(1);
    expect(noType.out['issues']).toEqual([expect.objectContaining({ code: 'unknown-zone', severity: 'error' })]);
    const conflict = check(write('conflict.json', ret('gaoping-kfq', 2024)), '--zone-type', 'tourism');
    expect(conflict.code).toBe(2);
    expect(conflict.stderr).toContain('工业类');
  });

  it('--registry checks against a bureau’s own registry file', () => {
    const reg = JSON.parse(readFileSync(join(root, 'seeds/zones.json'), 'utf8')) as { zones: Array<Record<string, unknown>> };
    reg.zones.push({ id: 'weizhi-kfq', name: '未知开发区', cityCode: '140300', county: '郊区', type: 'industrial', level: '省级' });
    const { code, out } = check(write('weizhi.json', ret('weizhi-kfq', 2024)), '--registry', write('zones.json', reg));
    expect(code).toBe(0);
    expect(out['return']).toMatchObject({ zoneName: '未知开发区', zoneTypeFrom: 'registry' });
  });
});

describe('syntaxErrorOffset', () => {
  it.each([
    ['Unexpected token \'}\', ...""zoneId": }" is not valid JSON', '{"a": 1,\n  "zoneId": }', 21],
    ['Expected property name or \'}\' in JSON at position 1', '{x}', 1],
    ['Unexpected end of JSON input', '{"a":', 5],
    ['something else', '{', undefined],
  ])('%s', (message, text, offset) => {
    expect(syntaxErrorOffset(message, text)).toBe(offset);
  });
});

describe('parseCheckArgs', () => {
  it.each([
    [['a.json'], { input: 'a.json' }],
    [['a.json', '--last-year', 'b.json', '--zone-type', 'tourism'], { input: 'a.json', lastYear: 'b.json', zoneType: 'tourism' }],
    [[], '缺少要检查的报表文件'],
    [['a.json', 'b.json'], '多余的参数'],
    [['a.json', '--zone-type', 'mine'], '--zone-type 只能是'],
    [['a.json', '--verbose'], '不认识的参数'],
    [['a.json', '--set', 's.json'], { input: 'a.json', set: 's.json' }],
    [['a.json', '--set'], '--set 后面要写'],
  ])('%j', (args, expected) => {
    const r = parseCheckArgs(args);
    if (typeof expected === 'string') expect(r).toEqual(expect.stringContaining(expected));
    else expect(r).toEqual(expected);
  });
});
