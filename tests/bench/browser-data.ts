/**
 * The database of the browser benchmark, as the tables of a backup file: 120 zones (the 86 of the
 * built-in registry and 34 the clerk added), five years (2020–2024) of quarterly returns each
 * with every entered indicator of that year's set filled (本期 and 上年同期) and the text sections
 * written, 60 audit lines per return (143,940 in all, as in issue 14), and a ledger of 10,000
 * projects in the zone being filled (晋城开发区) and 20 in each other zone. Rows are in the stored
 * shapes of src-renderer/db/schema.ts; the values are varied (not one number repeated), so the
 * file compresses like a real one.
 */
import { builtinIndicatorSets, builtinZoneRegistry } from '../../src-shared/seeds';
import type { IndicatorSet, RosterField } from '../../src-shared/model';
import { BACKUP_FORMAT, type BackupDocument } from '../../src-renderer/db/backup';
import { SCHEMA_VERSION, TABLE_NAMES, type AuditEntry, type ReturnRecord, type RosterRowRecord, type TextRecord, type ValueRecord, type ZoneRecord } from '../../src-renderer/db/schema';

export const BIG_ZONE = 'jincheng-kfq';
export const BIG_ROSTER = 10_000;
export const OPEN_PERIOD = '2024-12-q';
export const YEARS = [2020, 2021, 2022, 2023, 2024];
const ZONES = 120;
const SMALL_ROSTER = 20;
const AUDIT_PER_RETURN = 60;
const AUDIT_TOTAL = 143_940;

/** A small deterministic generator, so every run benchmarks the same file. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function setOfYear(sets: IndicatorSet[], year: number): IndicatorSet {
  const ofYear = sets.filter((s) => s.year === year);
  const pool = ofYear.length > 0 ? ofYear : sets.filter((s) => s.year === Math.min(...sets.map((x) => x.year)));
  const set = pool[pool.length - 1];
  if (set === undefined) throw new Error('no built-in indicator set');
  return set;
}

const INDUSTRIES = ['光机电', '新材料', '煤化工', '装备制造', '现代医药', '数字经济', '节能环保', '食品加工'];
const WORDS = ['智能', '科技', '产业园', '光伏', '新能源', '装备', '制造', '材料', '数字', '医药', '循环', '物流', '基地', '扩建', '二期'];

/** A project as a clerk's ledger has it: consistent flags (投产 only when 开工, 开工 only when 签约), dates in order. */
function rosterRowFields(fields: RosterField[], r: number, rand: () => number): Record<string, string | number | boolean> {
  const started = rand() < 0.6;
  const producing = started && rand() < 0.5;
  const reachedDesign = producing && rand() < 0.4;
  const month = 1 + Math.floor(rand() * 6);
  const date = (m: number) => `2024-${String(Math.min(12, m)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`;
  const total = Math.round(rand() * 5000) / 100;
  const known: Record<string, string | number | boolean | undefined> = {
    name: `${WORDS[r % WORDS.length]}${WORDS[(r * 7) % WORDS.length]}${WORDS[(r * 11) % WORDS.length]}项目${r + 1}号`,
    batch: `2024年第${1 + (r % 2)}次`,
    industry: INDUSTRIES[r % INDUSTRIES.length],
    totalInvestment: total,
    investmentThisYear: Math.round(total * rand() * 50) / 100,
    plannedInvestmentThisYear: Math.round(total * rand() * 60) / 100,
    expectedOutput: Math.round(rand() * 8000) / 100,
    signed: true,
    started,
    producing,
    reachedDesign,
    signDate: date(month),
    startDate: started ? date(month + 2) : undefined,
    productionDate: producing ? date(month + 5) : undefined,
    startBatch: started ? '2024年第3次' : undefined,
    productionBatch: producing ? '2024年第4次' : undefined,
    industrial: rand() < 0.8,
    strategicEmerging: rand() < 0.4,
    keyChain: rand() < 0.3,
    note: rand() < 0.2 ? `备注${r}` : undefined,
  };
  const row: Record<string, string | number | boolean> = {};
  for (const field of fields) {
    const value = known[field.code];
    if (value !== undefined) row[field.code] = value;
  }
  return row;
}

export interface BenchData {
  doc: BackupDocument;
  /** Rows per table, for the printout. */
  counts: Record<string, number>;
}

export function benchData(): BenchData {
  const rand = random(14);
  const sets = builtinIndicatorSets();
  const at = '2025-01-10T02:00:00.000Z';
  const registry = builtinZoneRegistry();
  const zones: ZoneRecord[] = registry.zones.map((zone) => ({ id: zone.id, registry: zone, registryVersion: registry.version, edits: {}, updatedAt: at }));
  for (let z = zones.length; z < ZONES; z += 1) {
    const id = `added-${String(z).padStart(3, '0')}`;
    zones.push({ id, edits: { name: `新增第${z}开发区`, cityCode: '140500', county: '城区', type: 'industrial', level: '省级' }, updatedAt: at });
  }
  const returns: ReturnRecord[] = [];
  const values: ValueRecord[] = [];
  const texts: TextRecord[] = [];
  const rosterRows: RosterRowRecord[] = [];
  const auditLog: AuditEntry[] = [];
  let seq = 0;
  for (const zone of zones) {
    for (const year of YEARS) {
      const set = setOfYear(sets, year);
      for (const endMonth of [3, 6, 9, 12]) {
        const periodKey = `${year}-${String(endMonth).padStart(2, '0')}-q`;
        const returnId = `${zone.id}|${periodKey}`;
        const submitted = !(year === 2024 && endMonth === 12);
        returns.push({
          id: returnId,
          zoneId: zone.id,
          periodKey,
          period: { year, endMonth, frequency: 'quarter' },
          indicatorSet: { id: set.id, version: set.version },
          status: submitted ? '已报送' : '填报中',
          revision: submitted ? 1 : 0,
          cover: { filler: '王芳', phone: '0356-1234567' },
          createdAt: at,
          updatedAt: at,
          submittedAt: submitted ? at : null,
          reopenReason: null,
        });
        const type = zone.registry?.type ?? zone.edits.type ?? 'industrial';
        const entered = set.sections.flatMap((s) => s.indicators).filter((i) => i.source === 'entered' && i.zoneTypes.includes(type));
        for (const indicator of entered) {
          if (indicator.kind === 'text') {
            texts.push({ returnId, code: indicator.code, text: `本季度${zone.id}围绕主导产业推进项目建设，签约${Math.floor(rand() * 20)}个项目，开工${Math.floor(rand() * 15)}个。`.repeat(3), updatedAt: at });
            continue;
          }
          const current = indicator.kind === 'integer' ? Math.floor(rand() * 40) : indicator.kind === 'percent' ? Math.round(rand() * 5000) / 100 : Math.round(rand() * 30000) / 100;
          values.push({ returnId, code: indicator.code, current, lastYear: indicator.compareLastYear === true ? Math.round(current * (0.8 + rand() * 0.3) * (indicator.kind === 'integer' ? 1 : 100)) / (indicator.kind === 'integer' ? 1 : 100) : null, updatedAt: at });
        }
        const lines = seq + AUDIT_PER_RETURN > AUDIT_TOTAL ? AUDIT_TOTAL - seq : AUDIT_PER_RETURN;
        for (let a = 0; a < lines; a += 1) {
          const indicator = entered[a % entered.length];
          seq += 1;
          auditLog.push({ seq, at, who: '王芳', returnId, zoneId: zone.id, table: 'values', key: indicator?.code ?? 'x', field: a % 2 === 0 ? 'current' : 'lastYear', old: a < entered.length ? null : Math.round(rand() * 1000) / 10, new: Math.round(rand() * 1000) / 10, action: 'update' });
        }
      }
    }
    const fields = setOfYear(sets, 2024).roster.fields;
    const rows = zone.id === BIG_ZONE ? BIG_ROSTER : SMALL_ROSTER;
    for (let r = 0; r < rows; r += 1) {
      rosterRows.push({ id: `${zone.id}-p${r}`, zoneId: zone.id, position: r + 1, ...rosterRowFields(fields, r, rand) });
    }
  }
  const settings = [
    { key: 'zoneId', value: BIG_ZONE },
    { key: 'fillerName', value: '王芳' },
    { key: 'phone', value: '0356-1234567' },
    { key: 'lastPeriodKey', value: OPEN_PERIOD },
  ];
  const tables: Record<string, unknown[]> = {};
  for (const name of TABLE_NAMES) tables[name] = [];
  Object.assign(tables, { zones, returns, values, texts, rosterRows, auditLog, settings });
  const counts = Object.fromEntries(Object.entries(tables).map(([name, rows]) => [name, rows.length]));
  return { doc: { format: BACKUP_FORMAT, schemaVersion: SCHEMA_VERSION, createdAt: at, tables }, counts };
}
