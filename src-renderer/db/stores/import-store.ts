/** Ledger import batches: one transaction per import, kept whole so that it can be undone. */
import type { Result, UserIssue } from '../../../src-shared/model';
import type { SavedMapping } from '../../../src-shared/ledger';
import { ROSTER_NAME_FIELD, type AuditEntry, type ImportBatchRecord, type LedgerMappingRecord, type ValueRecord } from '../schema';
import { refuse, rowToJson } from './store-core';
import { bumpRosterVersion } from '../roster-version';
import type { ImportBatchInput, UndoReport } from './types';
import { InboxPart } from './inbox-store';

export class ImportPart extends InboxPart {
  /** Writes an import (new rows, changed rows, indicator values) in one transaction, keeping what undo needs. */
  async applyImportBatch(input: ImportBatchInput): Promise<Result<ImportBatchRecord>> {
    const values = input.values ?? [];
    const returnId = input.returnId ?? null;
    return this.write([this.db.zones, this.db.returns, this.db.values, this.db.rosterRows, this.db.auditLog, this.db.importBatches], async (at) => {
      if ((await this.db.zones.get(input.zoneId)) === undefined) refuse('zone-not-found', `找不到开发区“${input.zoneId}”。请先选择本开发区。`);
      const batchId = this.newId();
      const audits: AuditEntry[] = [];
      const { before, after } = await this.patchRows(input.zoneId, input.update, input.who, at, returnId, audits, batchId);
      const insertedRowIds = await this.insertRows(input.zoneId, input.insert, input.who, at, returnId, audits, batchId);
      const valuesBefore: ImportBatchRecord['valuesBefore'] = [];
      if (values.length > 0) {
        if (returnId === null) refuse('import-no-return', '导入指标数值时必须选定报表。请先选择报告期。');
        const ret = await this.editableReturn(returnId);
        const stored = await this.storedValues(returnId, values);
        const next = new Map<string, ValueRecord>();
        for (const cell of values) {
          if (cell.value !== null && !Number.isFinite(cell.value)) refuse('not-a-number', `指标“${cell.code}”的值不是有效数字，未导入任何数据。`);
          const old = next.get(cell.code) ?? stored.get(cell.code);
          if (!next.has(cell.code)) valuesBefore.push({ returnId, code: cell.code, before: old ?? null });
          const base = old ?? { returnId, code: cell.code, current: null, lastYear: null, updatedAt: at };
          if (base[cell.column] === cell.value) continue;
          audits.push({ at, who: input.who, returnId, zoneId: ret.zoneId, table: 'values', key: cell.code, field: cell.column, old: base[cell.column], new: cell.value, batchId, action: 'import' });
          next.set(cell.code, { ...base, [cell.column]: cell.value, updatedAt: at });
        }
        await this.db.values.bulkPut([...next.values()]);
        await this.touchReturn(ret, input.who, at, audits);
      }
      const batch: ImportBatchRecord = {
        id: batchId,
        at,
        who: input.who,
        file: input.file,
        sheet: input.sheet,
        zoneId: input.zoneId,
        returnId,
        counts: { inserted: insertedRowIds.length, updated: after.length, values: values.length, skipped: input.skipped ?? 0 },
        insertedRowIds,
        rowsBefore: before,
        rowsAfter: after,
        valuesBefore,
        undoneAt: null,
        undoneBy: null,
      };
      await this.db.importBatches.add(batch);
      await this.db.auditLog.bulkAdd(audits);
      return batch;
    });
  }

  /** Takes an import back: inserted rows deleted, changed rows and values put back as they were. */
  async undoImportBatch(batchId: string, who: string): Promise<Result<UndoReport>> {
    return this.write([this.db.returns, this.db.values, this.db.rosterRows, this.db.auditLog, this.db.importBatches], async (at) => {
      const batch = await this.db.importBatches.get(batchId);
      if (batch === undefined) refuse('batch-not-found', '找不到这次导入记录。请刷新导入历史后重试。');
      if (batch.undoneAt !== null) refuse('batch-undone', `这次导入已于 ${batch.undoneAt} 撤销过。`);
      const audits: AuditEntry[] = [];
      const warnings: UserIssue[] = [];
      const base = { at, who, returnId: batch.returnId, zoneId: batch.zoneId, batchId, action: 'undo-import' } as const;

      const inserted = await this.db.rosterRows.bulkGet(batch.insertedRowIds);
      for (const row of inserted) if (row !== undefined) audits.push({ ...base, table: 'rosterRows', key: row.id, field: '*', old: rowToJson(row), new: null });
      await this.db.rosterRows.bulkDelete(batch.insertedRowIds);

      const now = new Map((await this.db.rosterRows.bulkGet(batch.rowsBefore.map((r) => r.id))).flatMap((r) => (r ? [[r.id, r] as const] : [])));
      const afterById = new Map(batch.rowsAfter.map((r) => [r.id, r]));
      for (const row of batch.rowsBefore) {
        const current = now.get(row.id);
        const name = String(row[ROSTER_NAME_FIELD] ?? row.id);
        if (current === undefined) {
          warnings.push({ code: 'undo-restored-deleted', severity: 'warning', message: `项目“${name}”在导入后被删除过，撤销导入已将其恢复为导入前的内容。如不需要，请在台账中再次删除。` });
        } else if (JSON.stringify(current) !== JSON.stringify(afterById.get(row.id))) {
          warnings.push({ code: 'undo-overwrote-edit', severity: 'warning', message: `项目“${name}”在导入后又被修改过，撤销导入已将其恢复为导入前的内容。如需保留后来的修改，请重新录入。` });
        }
        audits.push({ ...base, table: 'rosterRows', key: row.id, field: '*', old: current ? rowToJson(current) : null, new: rowToJson(row) });
      }
      await this.db.rosterRows.bulkPut(batch.rowsBefore);
      await bumpRosterVersion(this.db.rosterVersions, batch.zoneId);

      if (batch.valuesBefore.length > 0 && batch.returnId !== null) {
        const ret = await this.editableReturn(batch.returnId);
        for (const { returnId, code, before } of batch.valuesBefore) {
          const current = await this.db.values.get([returnId, code]);
          audits.push({ ...base, table: 'values', key: code, field: '*', old: current ? { current: current.current, lastYear: current.lastYear } : null, new: before ? { current: before.current, lastYear: before.lastYear } : null });
          if (before === null) await this.db.values.delete([returnId, code]);
          else await this.db.values.put(before);
        }
        await this.touchReturn(ret, who, at, audits);
      }
      const undone: ImportBatchRecord = { ...batch, undoneAt: at, undoneBy: who };
      await this.db.importBatches.put(undone);
      await this.db.auditLog.bulkAdd(audits);
      return { batch: undone, warnings };
    });
  }

  async listImportBatches(zoneId: string): Promise<ImportBatchRecord[]> {
    return (await this.db.importBatches.where('zoneId').equals(zoneId).sortBy('at')).reverse();
  }

  /** The column mapping remembered for a ledger layout (keyed by `headerSignature`). */
  async getLedgerMapping(signature: string): Promise<SavedMapping | undefined> {
    return (await this.db.ledgerMappings.get(signature))?.mapping;
  }

  async saveLedgerMapping(signature: string, mapping: SavedMapping): Promise<void> {
    const record: LedgerMappingRecord = { signature, mapping, updatedAt: this.now().toISOString() };
    await this.db.ledgerMappings.put(record);
  }
}
