/** The renderer's local storage: open with `openRepository()`; see repository.ts for the API. */
export { openRepository, Repository } from './repository';
export type {
  EditContext,
  ImportBatchInput,
  LoadedReturn,
  NewRosterRow,
  RepositoryOptions,
  ReturnSummary,
  RosterReceipt,
  RowPatch,
  SaveReceipt,
  SubmissionEntry,
  UndoReport,
  ValueBatch,
  ValueCell,
} from './stores/types';
export type { OpenOptions } from './open-database';
export type { RestoreProgress, RestoreSummary, StoredBackupInfo, EncodeOptions } from './backup';
export { contentsText, sizeText, type BackupContents } from './backup-contents';
export { BACKUP_FORMAT } from './backup';
export {
  DEFAULT_DB_NAME,
  RETURN_STATUSES,
  ROSTER_NAME_FIELD,
  SCHEMA_VERSION,
  returnIdOf,
  type AuditEntry,
  type ImportBatchRecord,
  type JsonObject,
  type JsonValue,
  type OutboxRecord,
  type ReturnRecord,
  type ReturnStatus,
  type RosterCell,
  type Settings,
  type ValueColumn,
} from './schema';
