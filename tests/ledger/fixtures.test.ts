/** Every fixture ledger imports to the rows it holds, through the same functions the app uses. */
import { describe, expect, it } from 'vitest';
import { diffRows, indicatorLedgerTargets, indicatorRowsFromLedger, indicatorRowsFromLong, indicatorRowsFromWide, longIndicatorTargets, mergeIndicatorValues, mapLedgerTable, parseLedgerFile, type LedgerFile, type MappedLedger, type MappingTarget } from '../../src-shared/ledger';
import * as F from '../fixtures/ledgers/make-ledgers';
import { allIndicators } from '../../src-shared/seeds';
import { resolveSeedZone, seedIndicatorTargets, seedRosterTargets, seedSet } from './seed-targets';

const roster = seedRosterTargets();

function parse(bytes: Uint8Array, fileName: string, targets: MappingTarget[] = roster): LedgerFile {
  const r = parseLedgerFile(bytes, { fileName, targets });
  if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('\n'));
  return r.value;
}

function mapped(file: LedgerFile, index = 0, targets: MappingTarget[] = roster): MappedLedger {
  const table = file.tables[index];
  if (!table) throw new Error('no table');
  return mapLedgerTable(table, { fileName: file.fileName, targets });
}

const SIMPLE_ROWS = [
  { name: '沁水煤层气液化项目', totalInvestment: 12.5, expectedOutput: 15, producing: true, productionDate: '2023-11-20' },
  { name: '沁水新能源储能项目', totalInvestment: 8, expectedOutput: 9.6, producing: false, productionDate: null },
  { name: '阳城光伏玻璃项目', totalInvestment: 6.3, expectedOutput: 7.1, producing: true, productionDate: '2024-01-08' },
];

describe('fixture ledgers', () => {
  it('title rows, 单位：万元, merged two-row header, numbering row, merged zone cells, 小计/合计, notes', () => {
    const file = parse(F.titledMergedLedger(), 'titled.xlsx');
    const table = file.tables[0];
    expect(table?.headerRows).toEqual([3, 4]);
    expect(table?.captionUnit).toBe('万元');
    expect(table?.totals.map((t) => t.kind)).toEqual(['小计', '小计', '合计']);
    expect(table?.skipped.map((s) => s.reason)).toEqual(['栏次编号行', '表格下方的说明', '表格下方的说明']);
    const m = mapped(file);
    expect(Object.fromEntries(m.mapping.columns.map((c) => [c.header, c.target]))).toEqual({
      序号: null,
      所属开发区: '$zone',
      项目名称: 'name',
      '投资情况 / 计划总投资': 'totalInvestment',
      '投资情况 / 本年完成投资': 'investmentThisYear',
      预计年产值: 'expectedOutput',
      是否开工: 'started',
      开工时间: 'startDate',
      备注: 'note',
    });
    expect(m.rows.map((r) => r.values)).toEqual(
      F.PROJECTS.map((p) => ({
        $zone: p.zone,
        name: p.name,
        totalInvestment: p.total / 10000,
        investmentThisYear: p.year / 10000,
        expectedOutput: p.output / 10000,
        started: p.started !== '否',
        startDate: { '2024.3.18': '2024-03-18', '': null, '2024年3月': '2024-03-01', '2024-02-20': '2024-02-20', '2024年3月15日': '2024-03-15' }[p.startDate],
        note: null,
      })),
    );
    // The totals add up, so the only file-level remark is the month-only date.
    expect(m.issues.map((i) => i.code)).toEqual(['date-month-only']);
  });

  it('full-width digits, text numbers, thousands separators, units and (negative) in cells, errors, dates', () => {
    const m = mapped(parse(F.messyValuesLedger(), 'messy.xlsx'));
    expect(m.rows.map((r) => [r.values.totalInvestment, r.values.investmentThisYear, r.values.expectedOutput, r.values.signDate])).toEqual([
      [12.5, 0.12, 30, '2024-03-15'],
      [8.6, 0.5, -1.5, '2024-03-15'],
      [1234.5, 2.1, null, '2024-03-15'],
      [3.2, null, null, '2024-03-01'],
      [5, 1, 6, null],
    ]);
    const problems = m.rows.flatMap((r) => r.issues.map((i) => [i.code, i.location?.row, i.location?.column, i.found]));
    expect(problems).toEqual([
      ['excel-error', 4, 'D', '#DIV/0!'],
      ['not-a-number', 5, 'D', '四亿'],
      ['not-a-date', 6, 'E', '2024-13-45'],
    ]);
    expect(m.rows.map((r) => [r.values.started, r.values.strategicEmerging])).toEqual([
      [true, true],
      [false, false],
      [true, false],
      [true, true],
      [false, false],
    ]);
  });

  it.each([
    ['gbk.csv', F.gbkCsv, 'gbk'],
    ['utf8-bom.csv', F.utf8BomCsv, 'utf-8-bom'],
  ])('%s: encoding detected and 万元 converted', (name, make, encoding) => {
    const file = parse(make(), name);
    expect(file.format).toBe('csv');
    expect(file.encoding).toBe(encoding);
    const m = mapped(file);
    expect(m.rows.map((r) => [r.values.name, r.values.$zone, r.values.totalInvestment, r.values.expectedOutput, r.values.startDate])).toEqual([
      ['侯马经济开发区装备制造项目', '侯马开发区', 2.5, 3, '2024-04-01'],
      ['临汾钢铁深加工项目', '临汾开发区', 12.8, 15, '2024-05-10'],
      ['临汾生物医药产业园', '临汾开发区', 6.6, 8, null],
    ]);
    expect(m.issues).toEqual([]);
  });

  it.each([
    ['old.xls', F.biffXls, 'xls'],
    ['wps.et', F.biffXls, 'xls'],
    ['ledger.ods', F.odsLedger, 'ods'],
    ['inline-strings.xlsx', F.inlineStringXlsx, 'xlsx'],
  ])('%s reads like any workbook', (name, make, format) => {
    const file = parse(make(), name);
    expect(file.format).toBe(format);
    expect(mapped(file).rows.map((r) => r.values)).toEqual(SIMPLE_ROWS);
  });

  it('hidden columns are reported and not imported', () => {
    const file = parse(F.hiddenColumnLedger(), 'hidden.xlsx');
    const m = mapped(file);
    expect(file.tables[0]?.columns[1]).toMatchObject({ header: '备用编码', hidden: true });
    expect(m.mapping.columns[1]?.target).toBeNull();
    expect(m.issues.map((i) => [i.code, i.location?.column])).toEqual([['hidden-column', 'B']]);
    expect(m.rows.map((r) => r.values)).toEqual([
      { name: '侯马物流园项目', totalInvestment: 3.5, expectedOutput: 4 },
      { name: '侯马食品加工项目', totalInvestment: 2.25, expectedOutput: 3.1 },
    ]);
  });

  it('several sheets: every table is found, a sheet without one is mentioned, one sheet can be asked for', () => {
    const file = parse(F.multiSheetLedger(), 'multi.xlsx');
    expect(file.sheets.map((s) => [s.name, s.hasTable])).toEqual([
      ['填表说明', false],
      ['签约项目', true],
      ['第二批', true],
    ]);
    expect(file.issues.map((i) => i.code)).toEqual(['no-table']);
    expect(mapped(file, 1).rows.map((r) => r.values)).toEqual([
      { name: '运城铝基新材料项目', totalInvestment: 20, signed: true },
      { name: '运城氢能重卡项目', totalInvestment: 15.5, signed: true },
    ]);
    const only = parseLedgerFile(F.multiSheetLedger(), { fileName: 'multi.xlsx', targets: roster, sheet: '第二批' });
    expect(only.ok && only.value.tables.map((t) => t.sheet)).toEqual(['第二批']);
    const missing = parseLedgerFile(F.multiSheetLedger(), { fileName: 'multi.xlsx', targets: roster, sheet: '第三批' });
    expect(missing.ok).toBe(false);
    expect(missing.issues[0]?.message).toContain('现有工作表：填表说明、签约项目、第二批');
  });

  it('a 小计 that does not add up is a warning at its cell; the 合计 that does is not', () => {
    const m = mapped(parse(F.wrongSubtotalLedger(), 'subtotal.xlsx'));
    expect(m.rows.map((r) => r.values.name)).toEqual(['项目甲', '项目乙', '项目丙']);
    expect(m.issues.map((i) => [i.code, i.severity, i.location?.row, i.location?.column, i.found])).toEqual([['total-mismatch', 'warning', 4, 'B', '3.85']]);
    expect(m.issues[0]?.message).toContain('3.75');
  });

  it('a stray value in column XFD does not stop the import', () => {
    const m = mapped(parse(F.strayLastColumnLedger(), 'stray.xlsx'));
    expect(m.rows.map((r) => r.values)).toEqual(SIMPLE_ROWS);
    expect(m.issues.map((i) => [i.code, i.location?.column])).toEqual([['column-without-header', 'XFD']]);
  });

  it('a ledger of indicator values maps to returns: this year and last year per zone', () => {
    const targets = seedIndicatorTargets();
    const m = mapped(parse(F.indicatorValuesLedger(), 'indicators.xlsx', targets), 0, targets);
    const rows = indicatorRowsFromWide(m, { defaultZoneId: null, resolveZone: resolveSeedZone });
    expect(rows.map((r) => [r.zoneId, r.values])).toEqual([
      ['jincheng-kfq', { gyzjz: { current: 45.2, lastYear: 38.1 }, gytz: { current: 8.1, lastYear: 5.3 } }],
      ['gaoping-kfq', { gyzjz: { current: 21.3, lastYear: 17.9 }, gytz: { current: 3.4, lastYear: 2.1 } }],
      ['lingchuan-lyq', { gdzctz: { current: 12500, lastYear: 9800 } }],
    ]);
  });

  it('previews a fixture against rows already stored', () => {
    const m = mapped(parse(F.titledMergedLedger(), 'titled.xlsx'));
    const preview = diffRows(
      m.rows,
      [
        { id: 'r1', zoneId: 'jincheng-kfq', values: { name: '康佳智慧科技城项目', totalInvestment: 50, investmentThisYear: 3.2, expectedOutput: 60, started: true, startDate: '2024-03-18', note: null } },
        { id: 'r2', zoneId: 'gaoping-kfq', values: { name: '高平肉制品深加工', totalInvestment: 4 } },
      ],
      { keyFields: seedSet().roster.keyFields, targets: roster, defaultZoneId: null, resolveZone: resolveSeedZone },
    );
    expect(preview.rows.map((r) => r.status)).toEqual(['unchanged', 'new', 'new', 'new', 'new']);
    expect(preview.rows[4]?.nearDuplicates).toEqual([{ id: 'r2', name: '高平肉制品深加工' }]);
  });

  it('an .xlsm reads like an .xlsx, and rows hidden by a filter are imported with a warning', () => {
    const file = parse(F.xlsmWithHiddenRow(), 'ledger.xlsm');
    expect(file.format).toBe('xlsx');
    const m = mapped(file);
    expect(m.rows.map((r) => r.values)).toEqual(SIMPLE_ROWS);
    expect(m.issues.map((i) => i.code)).toEqual(['hidden-rows']);
    expect(m.issues[0]?.message).toContain('1 行数据');
  });

  it('a ledger of indicator values laid out one row per indicator', () => {
    const targets = longIndicatorTargets();
    const m = mapped(parse(F.longIndicatorLedger(), 'long.xlsx', targets), 0, targets);
    const rows = indicatorRowsFromLong(m, allIndicators(seedSet()), { defaultZoneId: 'jincheng-kfq' });
    // Given the targets of both layouts, the layout is recognised from the mapping.
    const both = indicatorLedgerTargets(allIndicators(seedSet()));
    const again = indicatorRowsFromLedger(mapped(parse(F.longIndicatorLedger(), 'long.xlsx', both), 0, both), allIndicators(seedSet()), { defaultZoneId: 'jincheng-kfq' });
    expect(again.map((r) => r.values)).toEqual(rows.map((r) => r.values));
    const wide = indicatorRowsFromLedger(mapped(parse(F.indicatorValuesLedger(), 'wide.xlsx', both), 0, both), allIndicators(seedSet()), { defaultZoneId: null, resolveZone: resolveSeedZone });
    expect(wide.map((r) => r.zoneId)).toEqual(['jincheng-kfq', 'gaoping-kfq', 'lingchuan-lyq']);
    expect(wide[0]?.values.gyzjz).toEqual({ current: 45.2, lastYear: 38.1 });
    expect(rows.map((r) => [r.zoneId, r.values])).toEqual([
      ['jincheng-kfq', { gyzjz: { current: 45.2, lastYear: 38.1 }, gytz: { current: 8.1, lastYear: 5.3 }, xzgsqy: { current: 3 } }],
    ]);
    expect(rows[0]?.issues.map((i) => [i.code, i.found])).toEqual([['unknown-indicator', '不在指标体系中的指标']]);
    // Imported values replace stored ones; what the ledger does not have stays.
    expect(mergeIndicatorValues({ gyzjz: { current: 1, lastYear: 2 }, gyzcz: { current: 9 } }, rows[0]?.values ?? {})).toEqual({
      gyzjz: { current: 45.2, lastYear: 38.1 },
      gyzcz: { current: 9 },
      gytz: { current: 8.1, lastYear: 5.3 },
      xzgsqy: { current: 3 },
    });
  });
});
