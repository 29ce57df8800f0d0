/** Returns of a zone and period: create, load (with last year's), and edit values, texts, explanations and the cover. */
import Dexie from 'dexie';
import { RETURN_FORMAT, type CoverInfo, type IndicatorValue, type Period, type Result, type RosterRow, type UserIssue, type ZoneReturn } from '../../../src-shared/model';
import { lastYearPeriod, periodKey } from '../../../src-shared/period';
import { returnIdOf, type AuditEntry, type ExplanationRecord, type ReturnRecord, type TextRecord, type ValueColumn, type ValueRecord } from '../schema';
import { refuse } from './store-core';
import type { SaveReceipt, ValueCell, ValueBatch, ReturnSummary, LoadedReturn } from './types';
import { RosterPart } from './roster-store';

const COLUMN_LABEL: Record<ValueColumn, string> = { current: '本期', lastYear: '上年同期' };
const COVER_FIELDS: ReadonlyArray<keyof CoverInfo> = ['unitHead', 'statisticsHead', 'filler', 'phone', 'reportDate'];
/** The people on a cover (not the date, which is each period's own). */
const COVER_PEOPLE = ['unitHead', 'statisticsHead', 'filler', 'phone'] as const satisfies ReadonlyArray<keyof CoverInfo>;

/**
 * The cover people a new return of a zone starts with: those of the zone's own return edited
 * last; for a zone without returns, the people in 设置 if it is the home zone (or none is set),
 * else none. Never another zone's people: a county bureau filling for several zones keeps each apart.
 */
export function coverPeopleFor(zoneId: string, zoneReturns: ReadonlyArray<Pick<ReturnRecord, 'zoneId' | 'updatedAt' | 'cover'>>, settings: { zoneId?: string; unitHead?: string; statisticsHead?: string; fillerName?: string; phone?: string }): CoverInfo {
  const hasPeople = (c: CoverInfo): boolean => COVER_PEOPLE.some((k) => (c[k] ?? '') !== '');
  const last = zoneReturns
    .filter((r) => r.zoneId === zoneId && hasPeople(r.cover))
    .reduce<Pick<ReturnRecord, 'updatedAt' | 'cover'> | undefined>((best, r) => (best === undefined || r.updatedAt > best.updatedAt ? r : best), undefined);
  const cover: CoverInfo = {};
  if (last !== undefined) {
    for (const k of COVER_PEOPLE) if (last.cover[k]) cover[k] = last.cover[k];
    return cover;
  }
  if (settings.zoneId !== undefined && settings.zoneId !== zoneId) return cover;
  if (settings.unitHead) cover.unitHead = settings.unitHead;
  if (settings.statisticsHead) cover.statisticsHead = settings.statisticsHead;
  if (settings.fillerName) cover.filler = settings.fillerName;
  if (settings.phone) cover.phone = settings.phone;
  return cover;
}
function summaryOf(r: ReturnRecord): ReturnSummary {
  return { id: r.id, zoneId: r.zoneId, periodKey: r.periodKey, period: r.period, indicatorSet: r.indicatorSet, status: r.status, revision: r.revision, updatedAt: r.updatedAt, submittedAt: r.submittedAt, reopenReason: r.reopenReason };
}

/** The canonical `ZoneReturn` of a stored return's rows and the zone's ledger. */
function zoneReturnOf(record: ReturnRecord, rows: { values: ValueRecord[]; texts: TextRecord[]; explanations: ExplanationRecord[] }, roster: RosterRow[]): ZoneReturn {
  const valueMap: Record<string, IndicatorValue> = {};
  for (const v of rows.values) {
    const iv: IndicatorValue = {};
    if (v.current !== null) iv.current = v.current;
    if (v.lastYear !== null) iv.lastYear = v.lastYear;
    if (v.current !== null || v.lastYear !== null) valueMap[v.code] = iv;
  }
  for (const t of rows.texts) if (t.text !== '') valueMap[t.code] = { current: t.text };
  return {
    format: RETURN_FORMAT,
    indicatorSet: { ...record.indicatorSet },
    zoneId: record.zoneId,
    period: { ...record.period },
    values: valueMap,
    roster,
    explanations: Object.fromEntries(rows.explanations.filter((e) => e.text !== '').map((e) => [e.key, e.text])),
    cover: { ...record.cover },
  };
}

export class ReturnsPart extends RosterPart {
  /** The zone's returns, latest period first. */
  async listReturns(zoneId: string): Promise<ReturnSummary[]> {
    const records = await this.db.returns.where('[zoneId+periodKey]').between([zoneId, Dexie.minKey], [zoneId, Dexie.maxKey]).reverse().toArray();
    return records.map(summaryOf);
  }

  async getReturn(returnId: string): Promise<ReturnRecord | undefined> {
    return this.db.returns.get(returnId);
  }

  /** The return of a zone and period; created (status 未填) when there is none yet. */
  async getOrCreateReturn(input: { zoneId: string; period: Period; indicatorSet: { id: string; version: string } }, who: string): Promise<Result<ReturnRecord>> {
    const key = periodKey(input.period);
    const id = returnIdOf(input.zoneId, key);
    const existing = await this.db.returns.get(id);
    if (existing !== undefined) return { ok: true, value: existing, issues: [] };
    return this.write([this.db.zones, this.db.returns, this.db.settings, this.db.auditLog], async (at) => {
      const again = await this.db.returns.get(id);
      if (again !== undefined) return again;
      if ((await this.db.zones.get(input.zoneId)) === undefined) refuse('zone-not-found', `找不到开发区“${input.zoneId}”。请先在设置中选择本开发区。`);
      const settings = await this.getSettings();
      const zoneReturns = await this.db.returns.where('[zoneId+periodKey]').between([input.zoneId, Dexie.minKey], [input.zoneId, Dexie.maxKey]).toArray();
      const cover = coverPeopleFor(input.zoneId, zoneReturns, settings);
      const record: ReturnRecord = {
        id,
        zoneId: input.zoneId,
        periodKey: key,
        period: { year: input.period.year, endMonth: input.period.endMonth, frequency: input.period.frequency },
        indicatorSet: { id: input.indicatorSet.id, version: input.indicatorSet.version },
        status: '未填',
        revision: 0,
        cover,
        createdAt: at,
        updatedAt: at,
        submittedAt: null,
        reopenReason: null,
      };
      await this.db.returns.add(record);
      await this.db.auditLog.add({ at, who, returnId: id, zoneId: input.zoneId, table: 'returns', key: id, field: '*', old: null, new: { periodKey: key, indicatorSet: { ...record.indicatorSet } }, action: 'insert' });
      return record;
    });
  }

  /**
   * The return as `ZoneReturn` (what computation, validation and the workbook take) with its status,
   * and last year's return of the same period — all in one read-only transaction, reading only
   * what the return's screen needs: the two returns' own rows by their primary keys, and the zone's
   * ledger only when its roster version changed since it was last read (see keptRoster).
   */
  async loadReturn(returnId: string): Promise<Result<LoadedReturn>> {
    performance.mark('open:read:start');
    const loaded = await this.db.transaction('r', [this.db.returns, this.db.values, this.db.texts, this.db.explanations, this.db.rosterRows, this.db.rosterVersions, this.db.outbox], async () => {
      const record = await this.db.returns.get(returnId);
      if (record === undefined) return undefined;
      const lastYearId = returnIdOf(record.zoneId, periodKey(lastYearPeriod(record.period)));
      const [own, last, roster, outbox] = await Promise.all([
        this.returnRows(returnId),
        this.db.returns.get(lastYearId).then(async (lastRecord) => (lastRecord === undefined ? undefined : { record: lastRecord, ...(await this.returnRows(lastYearId)) })),
        this.keptRoster(record.zoneId),
        this.db.outbox.where('[returnId+revision]').between([returnId, Dexie.minKey], [returnId, Dexie.maxKey]).last(),
      ]);
      return { record, own, last, roster, outbox };
    });
    performance.measure('open:read', 'open:read:start');
    if (loaded === undefined) return { ok: false, issues: [{ code: 'return-not-found', severity: 'error', message: `找不到报表“${returnId}”。请回到报表列表重新选择。` }] };
    const { record, own, last, roster, outbox } = loaded;
    const result: LoadedReturn = { zoneReturn: zoneReturnOf(record, own, roster), record };
    if (last !== undefined) result.lastYear = zoneReturnOf(last.record, last, roster);
    if (outbox !== undefined) result.submitted = outbox;
    return { ok: true, value: result, issues: [] };
  }

  /** A return's own rows, by primary-key range ([returnId+code], [returnId+key]). */
  private async returnRows(returnId: string): Promise<{ values: ValueRecord[]; texts: TextRecord[]; explanations: ExplanationRecord[] }> {
    const [values, texts, explanations] = await Promise.all([
      this.db.values.where('[returnId+code]').between([returnId, Dexie.minKey], [returnId, Dexie.maxKey]).toArray(),
      this.db.texts.where('[returnId+code]').between([returnId, Dexie.minKey], [returnId, Dexie.maxKey]).toArray(),
      this.db.explanations.where('[returnId+key]').between([returnId, Dexie.minKey], [returnId, Dexie.maxKey]).toArray(),
    ]);
    return { values, texts, explanations };
  }

  /** Last year's return for the same period (上年同期), where the app has it. */
  async loadLastYearReturn(returnId: string): Promise<ZoneReturn | undefined> {
    const loaded = await this.loadReturn(returnId);
    return loaded.ok ? loaded.value.lastYear : undefined;
  }

  /** The current values of last year's same-period return, by indicator code: the prefill of 上年同期. Empty when the app does not have it. */
  async lastYearValues(returnId: string): Promise<Record<string, number>> {
    const record = await this.db.returns.get(returnId);
    if (record === undefined) return {};
    const lastYearId = returnIdOf(record.zoneId, periodKey(lastYearPeriod(record.period)));
    const rows = await this.db.values.where('returnId').equals(lastYearId).toArray();
    return Object.fromEntries(rows.flatMap((v) => (v.current === null ? [] : [[v.code, v.current]])));
  }

  /** Fills 上年同期 from last year's return: only empty cells unless `overwrite`. One transaction. */
  async prefillLastYear(returnId: string, who: string, options: { overwrite?: boolean } = {}): Promise<Result<SaveReceipt>> {
    const source = await this.lastYearValues(returnId);
    const current = await this.db.values.where('returnId').equals(returnId).toArray();
    const filled = new Set(current.filter((v) => v.lastYear !== null).map((v) => v.code));
    const cells = Object.entries(source)
      .filter(([code]) => options.overwrite === true || !filled.has(code))
      .map(([code, value]): ValueCell => ({ code, column: 'lastYear', value }));
    return this.saveValues({ returnId, who, cells });
  }

  // ------------------------------------------------------------------------------------------
  // Edits of a return

  async saveValue(returnId: string, code: string, column: ValueColumn, value: number | null, who: string): Promise<Result<SaveReceipt>> {
    return this.saveValues({ returnId, who, cells: [{ code, column, value }] });
  }

  /** A paste of many cells: all written in one transaction, or none. */
  async saveValues(batch: ValueBatch): Promise<Result<SaveReceipt>> {
    const bad = batch.cells.flatMap((cell, index): UserIssue[] => {
      if (typeof cell.code !== 'string' || cell.code === '') return [{ code: 'bad-indicator', severity: 'error', message: `第 ${index + 1} 个单元格没有指标代码，整批未保存。请重新粘贴。` }];
      if (cell.column !== 'current' && cell.column !== 'lastYear') return [{ code: 'bad-column', severity: 'error', message: `指标“${cell.code}”的列“${String(cell.column)}”不存在，整批未保存。` }];
      if (cell.value !== null && (typeof cell.value !== 'number' || !Number.isFinite(cell.value))) {
        return [{ code: 'not-a-number', severity: 'error', message: `指标“${cell.code}”的${COLUMN_LABEL[cell.column]}值“${String(cell.value)}”不是有效数字，整批未保存。请改正后重新输入。` }];
      }
      return [];
    });
    if (bad.length > 0) return { ok: false, issues: bad };

    return this.write([this.db.returns, this.db.values, this.db.auditLog], async (at) => {
      const ret = await this.editableReturn(batch.returnId);
      const stored = await this.storedValues(batch.returnId, batch.cells);
      const changed = new Map<string, ValueRecord>();
      const audits: AuditEntry[] = [];
      for (const cell of batch.cells) {
        const before = changed.get(cell.code) ?? stored.get(cell.code) ?? { returnId: batch.returnId, code: cell.code, current: null, lastYear: null, updatedAt: at };
        if (before[cell.column] === cell.value) continue;
        audits.push({ at, who: batch.who, returnId: ret.id, zoneId: ret.zoneId, table: 'values', key: cell.code, field: cell.column, old: before[cell.column], new: cell.value, action: 'update' });
        changed.set(cell.code, { ...before, [cell.column]: cell.value, updatedAt: at });
      }
      if (audits.length === 0) return { savedAt: at, changed: 0, status: ret.status };
      await this.db.values.bulkPut([...changed.values()]);
      const status = await this.touchReturn(ret, batch.who, at, audits);
      await this.db.auditLog.bulkAdd(audits);
      return { savedAt: at, changed: audits.filter((a) => a.table === 'values').length, status };
    });
  }

  /** A text section (文字材料); an empty text clears it. */
  async saveText(returnId: string, code: string, text: string, who: string): Promise<Result<SaveReceipt>> {
    return this.write([this.db.returns, this.db.texts, this.db.auditLog], async (at) => {
      const ret = await this.editableReturn(returnId);
      const before = await this.db.texts.get([returnId, code]);
      const old = before?.text ?? '';
      if (old === text) return { savedAt: at, changed: 0, status: ret.status };
      const audits: AuditEntry[] = [{ at, who, returnId, zoneId: ret.zoneId, table: 'texts', key: code, field: 'text', old, new: text, action: before ? 'update' : 'insert' }];
      if (text === '') await this.db.texts.delete([returnId, code]);
      else await this.db.texts.put({ returnId, code, text, updatedAt: at });
      const status = await this.touchReturn(ret, who, at, audits);
      await this.db.auditLog.bulkAdd(audits);
      return { savedAt: at, changed: 1, status };
    });
  }

  /** A 合理性说明 for a warning, under the issue's key; an empty text removes it. */
  async saveExplanation(returnId: string, key: string, text: string, who: string): Promise<Result<SaveReceipt>> {
    return this.write([this.db.returns, this.db.explanations, this.db.auditLog], async (at) => {
      const ret = await this.editableReturn(returnId);
      const before = await this.db.explanations.get([returnId, key]);
      const old = before?.text ?? '';
      if (old === text) return { savedAt: at, changed: 0, status: ret.status };
      const audits: AuditEntry[] = [{ at, who, returnId, zoneId: ret.zoneId, table: 'explanations', key, field: 'text', old, new: text, action: before ? 'update' : 'insert' }];
      if (text === '') await this.db.explanations.delete([returnId, key]);
      else await this.db.explanations.put({ returnId, key, text, updatedAt: at });
      const status = await this.touchReturn(ret, who, at, audits);
      await this.db.auditLog.bulkAdd(audits);
      return { savedAt: at, changed: 1, status };
    });
  }

  /** Cover sheet fields (封面); an empty string or undefined clears a field. */
  async saveCover(returnId: string, patch: Partial<CoverInfo>, who: string): Promise<Result<SaveReceipt>> {
    return this.write([this.db.returns, this.db.auditLog], async (at) => {
      const ret = await this.editableReturn(returnId);
      const cover: CoverInfo = { ...ret.cover };
      const audits: AuditEntry[] = [];
      for (const field of COVER_FIELDS) {
        if (!(field in patch)) continue;
        const next = patch[field];
        const old = cover[field] ?? '';
        const value = next ?? '';
        if (old === value) continue;
        if (value === '') delete cover[field];
        else cover[field] = value;
        audits.push({ at, who, returnId, zoneId: ret.zoneId, table: 'returns', key: 'cover', field, old, new: value, action: 'update' });
      }
      if (audits.length === 0) return { savedAt: at, changed: 0, status: ret.status };
      const changed = audits.length;
      await this.db.returns.update(returnId, { cover });
      const status = await this.touchReturn({ ...ret, cover }, who, at, audits);
      await this.db.auditLog.bulkAdd(audits);
      return { savedAt: at, changed, status };
    });
  }
}
