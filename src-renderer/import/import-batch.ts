/**
 * The import's database side, through the repository: one transaction per import recorded as a
 * batch (Repository.applyImportBatch), undone as a whole (undoImportBatch); the mapping used is
 * remembered for ledgers with the same header only once the import has committed.
 */
import { toSavedMapping, type LedgerMapping, type SavedMapping } from '../../src-shared/ledger';
import type { Result } from '../../src-shared/model';
import type { ImportBatchRecord, Repository, UndoReport, ValueCell } from '../db';
import type { RosterPlan } from './plan-import';

export interface ImportRequest {
  zoneId: string;
  who: string;
  file: string;
  sheet: string;
  /** The mapping of each sheet imported, remembered for ledgers with the same header once the import commits. */
  mappings: LedgerMapping[];
  roster?: RosterPlan;
  /** Indicator values for `returnId`. */
  values?: ValueCell[];
  returnId?: string | null;
  /** Rows the reader skipped (blank, totals …), added to the batch's count of skipped rows. */
  readerSkipped?: number;
}

export async function runImport(repo: Repository, req: ImportRequest): Promise<Result<ImportBatchRecord>> {
  const result = await repo.applyImportBatch({
    zoneId: req.zoneId,
    who: req.who,
    file: req.file,
    sheet: req.sheet,
    returnId: req.returnId ?? null,
    insert: req.roster?.insert ?? [],
    update: req.roster?.update ?? [],
    values: req.values ?? [],
    skipped: (req.roster?.skipped ?? 0) + (req.readerSkipped ?? 0),
  });
  if (result.ok) for (const mapping of req.mappings) await repo.saveLedgerMapping(mapping.signature, toSavedMapping(mapping));
  return result;
}

export function undoImport(repo: Repository, batchId: string, who: string): Promise<Result<UndoReport>> {
  return repo.undoImportBatch(batchId, who);
}

export function rememberedMapping(repo: Repository, signature: string): Promise<SavedMapping | undefined> {
  return repo.getLedgerMapping(signature);
}

export function importHistory(repo: Repository, zoneId: string): Promise<ImportBatchRecord[]> {
  return repo.listImportBatches(zoneId);
}
