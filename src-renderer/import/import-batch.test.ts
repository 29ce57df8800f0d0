import { describe, expect, it } from 'vitest';
import { applyNearDuplicateChoices, autoMapColumns, diffRows, indicatorRowsFromWide, mapLedgerTable, mapRows, parseLedgerFile, setColumnTarget, type MappingTarget } from '../../src-shared/ledger';
import { builtinZoneRegistry } from '../../src-shared/seeds';
import { seedIndicatorTargets, seedRosterTargets, seedSet } from '../../tests/ledger/seed-targets';
import * as F from '../../tests/fixtures/ledgers/make-ledgers';
import { expectOk, REGISTRY, repositoryWithReturn } from '../db/test-support';
import type { Repository } from '../db';
import { importHistory, rememberedMapping, runImport, undoImport } from './import-batch';
import { searchNearDuplicates } from './near-duplicates';
import { existingRowsOf, mergeSheets, planRosterImport, planValueImport, previewForZone, sheetsLabel, skippedRows } from './plan-import';

const targets = seedRosterTargets();
const zones = REGISTRY.zones;
function firstZone() {
  const zone = zones[0] ?? builtinZoneRegistry().zones[0];
  if (!zone) throw new Error('no zone');
  return zone;
}
const jincheng = firstZone();

function table(bytes: Uint8Array, t: MappingTarget[] = targets) {
  const parsed = parseLedgerFile(bytes, { fileName: 'ledger.xlsx', targets: t });
  if (!parsed.ok) throw new Error(parsed.issues[0]?.message);
  const first = parsed.value.tables[0];
  if (!first) throw new Error('no table');
  return first;
}

let ids = 0;
const newId = () => `row-${++ids}`;

async function snapshot(repo: Repository) {
  return { roster: await repo.listRoster('jincheng-kfq'), audit: (await repo.auditTrail({ zoneId: 'jincheng-kfq' })).length, batches: (await repo.listImportBatches('jincheng-kfq')).length };
}

async function importTitled(repo: Repository, mapping = autoMapColumns(table(F.titledMergedLedger()), targets)) {
  const t = table(F.titledMergedLedger());
  const mapped = mapRows(t, mapping, { fileName: 'ledger.xlsx', targets });
  const preview = previewForZone(mapped, existingRowsOf(await repo.listRoster('jincheng-kfq'), 'jincheng-kfq'), { zone: jincheng, zones, keyFields: seedSet().roster.keyFields, targets });
  const plan = planRosterImport(preview, (r) => r.excluded, newId);
  return { preview, plan, result: await runImport(repo, { zoneId: 'jincheng-kfq', who: '王芳', file: 'ledger.xlsx', sheet: t.sheet, mappings: [mapping], roster: plan }) };
}

describe('importing a roster ledger', () => {
  it('imports the zone’s rows in one batch, leaves other zones’ rows out, remembers the mapping, and undoes as a whole', async () => {
    const { repo } = await repositoryWithReturn();
    const before = await snapshot(repo);
    const { preview, plan, result } = await importTitled(repo);
    expect(preview.rows.map((r) => [r.status, r.excluded])).toEqual([
      ['new', false],
      ['new', false],
      ['new', false],
      ['new', true],
      ['new', true],
    ]);
    expect(preview.rows[3]?.issues.map((i) => i.code)).toEqual(['other-zone']);
    expect(plan.insert).toHaveLength(3);
    expect(plan.skipped).toBe(2);
    const batch = expectOk(result);
    expect(batch.counts).toMatchObject({ inserted: 3, updated: 0, skipped: 2 });
    const roster = await repo.listRoster('jincheng-kfq');
    expect(roster.map((r) => [r.name, r.totalInvestment, r.started])).toEqual([
      ['康佳智慧科技城项目', 50, true],
      ['江苏国强智能光伏装备制造项目', 30, false],
      ['富士康精密模组扩产项目', 12, true],
    ]);
    expect(await rememberedMapping(repo, autoMapColumns(table(F.titledMergedLedger()), targets).signature)).toMatchObject({ columns: { '投资情况 / 计划总投资': 'totalInvestment' } });
    expect((await importHistory(repo, 'jincheng-kfq')).map((b) => b.id)).toEqual([batch.id]);

    expectOk(await undoImport(repo, batch.id, '王芳'));
    const after = await snapshot(repo);
    expect(after.roster).toEqual(before.roster);
  });

  it('a second import of a changed ledger updates the changed rows only', async () => {
    const { repo } = await repositoryWithReturn();
    expectOk((await importTitled(repo)).result);
    // The clerk maps 计划总投资 to 当年完成投资 this time: every row changes those two fields.
    const t = table(F.titledMergedLedger());
    const changed = setColumnTarget(autoMapColumns(t, targets), 3, 'investmentThisYear');
    const { preview, plan, result } = await importTitled(repo, changed);
    expect(preview.rows.slice(0, 3).map((r) => r.status)).toEqual(['changed', 'changed', 'changed']);
    expect(plan.insert).toEqual([]);
    expect(plan.update[0]?.fields).toEqual({ investmentThisYear: 50 });
    expect(expectOk(result).counts).toMatchObject({ inserted: 0, updated: 3 });
    const roster = await repo.listRoster('jincheng-kfq');
    expect(roster.map((r) => [r.totalInvestment, r.investmentThisYear])).toEqual([
      [50, 50],
      [30, 30],
      [12, 12],
    ]);
  });

  it('leaves the database unchanged when the import fails', async () => {
    const { repo } = await repositoryWithReturn();
    const before = await snapshot(repo);
    const t = table(F.titledMergedLedger());
    const mapping = autoMapColumns(t, targets);
    // A row with a field the database reserves makes the transaction refuse everything.
    const result = await runImport(repo, { zoneId: 'jincheng-kfq', who: '王芳', file: 'x.xlsx', sheet: t.sheet, mappings: [mapping], roster: { insert: [{ id: newId(), name: '甲' }, { id: newId(), name: '乙', position: 3 }], update: [], skipped: 0 } });
    expect(result.ok).toBe(false);
    expect(await snapshot(repo)).toEqual(before);
    expect(await rememberedMapping(repo, mapping.signature)).toBeUndefined();
  });
});

describe('importing every sheet of a workbook', () => {
  it('maps each sheet on its own, previews them together, imports one batch, and undoes it as a whole', async () => {
    const { repo } = await repositoryWithReturn();
    const before = await snapshot(repo);
    const parsed = parseLedgerFile(F.multiSheetLedger(), { fileName: 'multi.xlsx', targets });
    if (!parsed.ok) throw new Error(parsed.issues[0]?.message);
    // The instructions sheet holds no table; the two ledgers have different headers.
    const tables = parsed.value.tables;
    expect(tables.map((t) => t.sheet)).toEqual(['签约项目', '第二批']);
    const mappings = tables.map((t) => autoMapColumns(t, targets));
    expect(new Set(mappings.map((m) => m.signature)).size).toBe(2);
    const merged = mergeSheets(tables.map((t, i) => mapRows(t, mappings[i] ?? autoMapColumns(t, targets), { fileName: 'multi.xlsx', targets })));
    if (!merged) throw new Error('nothing merged');
    expect(merged.sheet).toBe('全部工作表：签约项目、第二批');
    const preview = previewForZone(merged, existingRowsOf(await repo.listRoster('jincheng-kfq'), 'jincheng-kfq'), { zone: jincheng, zones, keyFields: seedSet().roster.keyFields, targets });
    expect(preview.rows.filter((r) => r.sheet === '第二批').map((r) => [r.key, r.values['name'], r.values['totalInvestment']])).toEqual([
      ['第二批!2', '运城铝基新材料项目', 20],
      ['第二批!3', '运城氢能重卡项目', 15.5],
    ]);
    const fromFirst = preview.rows.filter((r) => r.sheet === '签约项目').length;
    expect(fromFirst).toBeGreaterThan(0);
    const plan = planRosterImport(preview, (r) => r.excluded, newId);
    const batch = expectOk(await runImport(repo, { zoneId: 'jincheng-kfq', who: '王芳', file: 'multi.xlsx', sheet: merged.sheet, mappings, roster: plan }));
    expect(batch.counts.inserted).toBe(plan.insert.length);
    expect(plan.insert.length).toBe(fromFirst + 2);
    expect((await repo.listRoster('jincheng-kfq')).map((r) => r.name)).toEqual(expect.arrayContaining(['运城铝基新材料项目', '运城氢能重卡项目']));
    // Both sheets' mappings are remembered; the batch names both sheets.
    for (const m of mappings) expect(await rememberedMapping(repo, m.signature)).toBeDefined();
    expect((await importHistory(repo, 'jincheng-kfq'))[0]?.sheet).toBe('全部工作表：签约项目、第二批');
    expectOk(await undoImport(repo, batch.id, '王芳'));
    expect((await snapshot(repo)).roster).toEqual(before.roster);
  });

  it('names a single sheet plainly and merges nothing when there is nothing', () => {
    expect(sheetsLabel(['台账'])).toBe('台账');
    expect(mergeSheets([])).toBeNull();
  });
});

describe('importing indicator values', () => {
  it('sets this year’s and last year’s values of the open return, undone as a whole', async () => {
    const { repo, returnId } = await repositoryWithReturn();
    const t = seedIndicatorTargets();
    const mapped = mapLedgerTable(table(F.indicatorValuesLedger(), t), { fileName: 'v.xlsx', targets: t });
    const rows = indicatorRowsFromWide(mapped, { defaultZoneId: null, resolveZone: (s) => zones.find((z) => z.name === s)?.id });
    const plan = planValueImport(rows, 'jincheng-kfq');
    expect(plan.cells).toEqual([
      { code: 'gyzjz', column: 'current', value: 45.2 },
      { code: 'gyzjz', column: 'lastYear', value: 38.1 },
      { code: 'gytz', column: 'current', value: 8.1 },
      { code: 'gytz', column: 'lastYear', value: 5.3 },
    ]);
    const batch = expectOk(await runImport(repo, { zoneId: 'jincheng-kfq', who: '王芳', file: 'v.xlsx', sheet: '主要指标', mappings: [mapped.mapping], values: plan.cells, returnId }));
    const loaded = await repo.loadReturn(returnId);
    expect(loaded.ok && loaded.value.zoneReturn.values.gyzjz).toEqual({ current: 45.2, lastYear: 38.1 });
    expectOk(await undoImport(repo, batch.id, '王芳'));
    const undone = await repo.loadReturn(returnId);
    expect(undone.ok && undone.value.zoneReturn.values.gyzjz).toBeUndefined();
  });

  it('says so when the ledger has no row for the zone', () => {
    expect(planValueImport([], 'jincheng-kfq').issues.map((i) => i.code)).toEqual(['zone-not-in-ledger']);
  });
});

describe('near-duplicate choices on import', () => {
  it('writes a row said to be the same project into that project, and a row left as new as a new one', () => {
    const existing = [{ id: 'kj', zoneId: 'jincheng-kfq', values: { name: '康佳智慧科技城项目', totalInvestment: 50 } }];
    const mapped = [
      { row: 2, sheet: '台账', values: { name: '康佳智慧科技城', totalInvestment: 55 }, issues: [] },
      { row: 3, sheet: '台账', values: { name: '康佳智慧科技城项目二期', totalInvestment: 8 }, issues: [] },
    ];
    const preview = diffRows(mapped, existing, { keyFields: ['name'], targets, defaultZoneId: 'jincheng-kfq' });
    expect(preview.rows.map((r) => r.nearDuplicates.map((d) => d.id))).toEqual([['kj'], ['kj']]);
    const chosen = applyNearDuplicateChoices(preview, new Map([['台账!2', 'kj']]), existing, { keyFields: ['name'], targets });
    const plan = planRosterImport(chosen, (r) => r.excluded, () => 'new-1');
    expect(plan.update).toEqual([{ id: 'kj', fields: { totalInvestment: 55 } }]);
    expect(plan.insert).toEqual([{ id: 'new-1', name: '康佳智慧科技城项目二期', totalInvestment: 8 }]);
  });
});

describe('the near-duplicate search after the preview', () => {
  it('shows the preview without it, then gives the same flags as the one-pass preview', async () => {
    const existing = [{ id: 'kj', zoneId: 'jincheng-kfq', values: { name: '康佳智慧科技城项目', totalInvestment: 50 } }];
    const mapped = {
      rows: [
        { row: 2, sheet: '台账', values: { name: '康佳智慧科技城', totalInvestment: 55 }, issues: [] },
        { row: 3, sheet: '台账', values: { name: '兰花科创园', totalInvestment: 8 }, issues: [] },
      ],
    } as unknown as Parameters<typeof previewForZone>[0];
    const opts = { zone: jincheng, zones, keyFields: ['name'], targets };
    const unflagged = previewForZone(mapped, existing, { ...opts, nearDuplicates: false });
    expect(unflagged.summary.nearDuplicates).toBe(0);
    expect(unflagged.rows.every((r) => r.nearDuplicates.length === 0)).toBe(true);
    const flagged = await searchNearDuplicates({ preview: unflagged, existing, keyFields: ['name'] }).result;
    expect(flagged).toEqual(previewForZone(mapped, existing, opts));
    expect(flagged.rows.map((r) => r.nearDuplicates.map((d) => d.id))).toEqual([['kj'], []]);
  });
});

describe('the rows an import leaves out', () => {
  it('names each with its sheet, row and reason, linking preview rows by key', () => {
    const t = table(F.titledMergedLedger());
    const mapped = mapRows(t, autoMapColumns(t, targets), { fileName: 'ledger.xlsx', targets });
    const preview = previewForZone(mapped, [], { zone: jincheng, zones, keyFields: ['name'], targets });
    const first = preview.rows[0];
    if (!first) throw new Error('no rows');
    const list = skippedRows(preview, (r) => r.key === first.key || r.excluded, [t]);
    const fromPreview = list.filter((r) => r.key !== undefined);
    expect(fromPreview.map((r) => [r.sheet, r.row, r.key])).toEqual(
      [first, ...preview.rows.filter((r) => r.excluded)].map((r) => [r.sheet, r.row, r.key]).sort((a, b) => Number(a[1]) - Number(b[1])),
    );
    expect(fromPreview.find((r) => r.key === first.key)?.reason).toBe('在预览中取消了勾选');
    expect(fromPreview.filter((r) => r.key !== first.key).every((r) => /^属于「.+」，不是本开发区/.test(r.reason))).toBe(true);
    // The reader's skipped and total rows, which the preview does not list, are named too.
    expect(list.length).toBe(fromPreview.length + t.skipped.length + t.totals.length);
    expect(list.map((r) => r.row)).toEqual([...list.map((r) => r.row)].sort((a, b) => a - b));
  });
});
