/** The values the repository's methods take and give. */
import type { UserIssue, ZoneReturn } from '../../../src-shared/model';
import type { ImportBatchRecord, OutboxRecord, ReturnRecord, ReturnStatus, RosterCell, ValueColumn } from '../schema';
export interface SaveReceipt {
  /** When the transaction committed (ISO). */
  savedAt: string;
  /** Cells or fields that actually changed; 0 when the edit wrote what was already stored. */
  changed: number;
  /** The return's status after the edit (an edit moves 已校验 back to 填报中). */
  status: ReturnStatus;
}

export interface RosterReceipt {
  savedAt: string;
  changed: number;
  /** Ids of the rows added, in order. */
  ids: string[];
  /** Of rows deleted: where each stood in the ledger's order, for putting it back there (EditContext.positions). */
  positions?: Record<string, number>;
}

export interface ValueCell {
  code: string;
  column: ValueColumn;
  /** `null` clears the cell. */
  value: number | null;
}

export interface ValueBatch {
  returnId: string;
  who: string;
  cells: ValueCell[];
}

export type ReturnSummary = Pick<ReturnRecord, 'id' | 'zoneId' | 'periodKey' | 'period' | 'indicatorSet' | 'status' | 'revision' | 'updatedAt' | 'submittedAt' | 'reopenReason'>;

export interface LoadedReturn {
  /** The return in its canonical form: stored values, texts, explanations, cover and the zone's roster. */
  zoneReturn: ZoneReturn;
  record: ReturnRecord;
  /** The latest outbox entry, for a return submitted at least once (its snapshot is what was sent). */
  submitted?: OutboxRecord;
  /** Last year's return of the same period (上年同期), where the app has it; read in the same transaction. */
  lastYear?: ZoneReturn;
}

/** A roster row to add: its fields, and optionally an id chosen by the caller (e.g. an import). */
export type NewRosterRow = { id?: string } & Record<string, RosterCell | undefined>;

export interface RowPatch {
  id: string;
  fields: Record<string, RosterCell>;
}

/** Which return a roster edit was made from, for the audit log. */
export interface EditContext {
  returnId?: string;
  /** addRows only: put these rows back where they stood (from a delete's receipt), where that place is still free. */
  positions?: Readonly<Record<string, number>>;
}

export interface SubmissionEntry {
  submissionId: string;
  returnId: string;
  /** Must be the return's revision + 1. */
  revision: number;
  fileName: string;
  sha256: string;
  snapshot: string;
}

export interface ImportBatchInput {
  zoneId: string;
  who: string;
  file: string;
  sheet: string;
  /** The return whose indicator values the import sets, if it sets any. */
  returnId?: string | null;
  insert: NewRosterRow[];
  update: RowPatch[];
  values?: ValueCell[];
  /** Rows excluded by the clerk or skipped by the reader, reported in the batch's counts. */
  skipped?: number;
}

export interface UndoReport {
  batch: ImportBatchRecord;
  /** Warnings: rows the clerk had edited after the import (they were put back as before the import anyway). */
  warnings: UserIssue[];
}

export interface RepositoryOptions {
  now?: () => Date;
  newId?: () => string;
}

