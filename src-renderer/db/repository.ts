/**
 * The storage API the screens call. Open it once with `openRepository()` and pass it down
 * (e.g. through a React context); every method is async and safe to call from `useLiveQuery`
 * for the reading ones.
 *
 * Every edit runs in ONE read-write transaction (strict durability) that also appends its lines
 * to the audit log; the returned promise resolves only after the transaction has committed, so
 * `{ ok: true }` is the moment the UI may show 已保存. Errors the clerk can meet (a submitted,
 * locked return; an unknown return; a value that is not a number; a disk that refused the
 * write) come back as `{ ok: false, issues }` with a Chinese message, and nothing is written.
 *
 *   openRepository(options?): Promise<Result<Repository>>
 *
 * Each group below is one file of `stores/`, by what it stores; the parts are layered in the order
 * they build on each other (settings → zones → roster → returns → outbox → inbox → import → audit → backup → sync),
 * so that `Repository` is the last of them and each part can be read alone.
 *
 *   Zones       ensureZones(registry) · listZones() · getZone(id) · addZone(zone, who) · updateZone(id, edits, who)
 *   Returns     listReturns(zoneId) · getReturn(returnId) · getOrCreateReturn({ zoneId, period, indicatorSet }, who)
 *               loadReturn(returnId) → { zoneReturn, record, submitted? }
 *               loadLastYearReturn(returnId) · lastYearValues(returnId) · prefillLastYear(returnId, who, { overwrite? })
 *   Edits       saveValue(returnId, code, column, value, who) · saveValues({ returnId, who, cells })
 *               saveText(returnId, code, text, who) · saveExplanation(returnId, key, text, who) · saveCover(returnId, patch, who)
 *   Roster      listRoster(zoneId) · findRosterRowsByName(zoneId, name)
 *               addRows(zoneId, rows, who, context?) · updateRowFields(zoneId, patches, who, context?) · deleteRows(zoneId, ids, who, context?)
 *   Lifecycle   markValidated(returnId, gate, who) · nextRevision(returnId) · recordSubmission(entry, who) · reopenReturn(returnId, reason, who) · listOutbox(returnId?)
 *   Inbox       receiveFiles(files, who) · listInbox() · judgedInbox(rules) · acceptedReturns(rules, periodKey) · inboxFileBytes(id)
 *               returnSubmission(id, reason, who) · setExcluded(id, excluded, who) · inboxTrail(id) · getReferenceFigures(city, period) · saveReferenceFigures(city, period, figures)
 *   Import      applyImportBatch(input) · undoImportBatch(batchId, who) · listImportBatches(zoneId)
 *               getLedgerMapping(signature) · saveLedgerMapping(signature, mapping)
 *   Audit       auditTrail({ returnId?, zoneId?, batchId? })
 *   Settings    getSettings() · setSettings(patch) · getBulletinNarrative(city, period) · saveBulletinNarrative(city, period, narrative)
 *   Sync        getEnrollment() · saveEnrollment(e, key) · clearEnrollment() · recordSubmissionAndQueue(entry, bytes, who)
 *               queueUpload(entry, bytes) · listUploads() · putUpload(item) · uploadBytes(id) · retryUpload(id)
 *   Backup      exportBackup(options?) · restoreBackup(bytes, who, onProgress?) · inspectBackup(bytes) · listStoredBackups() · storedBackupBytes(id) · restoreStoredBackup(id, who, onProgress?)
 *
 * States follow `src-shared/lifecycle` (the one place the transitions are defined): an edit moves
 * 未填 and 已校验 to 填报中 (a checked return that changes must be checked again); 退回修改 stays
 * 退回修改; 已报送 refuses every edit of the return's own data.
 * The roster is the zone's ledger, shared by all its returns, so roster edits are not refused
 * when a return is submitted: what was submitted is kept as the outbox snapshot (`loadReturn`
 * gives it as `submitted.snapshot`; the read-only view and the print view of a submitted return
 * show that, through `returns/submitted-return.ts`).
 */
import Dexie, { type Table } from 'dexie';
import type { Result } from '../../src-shared/model';
import { openDatabase, type OpenOptions } from './open-database';
import { SyncPart } from './stores/sync-store';
import type { RepositoryOptions } from './stores/types';


export class Repository extends SyncPart {}

export async function openRepository(options: OpenOptions & RepositoryOptions = {}): Promise<Result<Repository>> {
  const opened = await openDatabase(options);
  if (!opened.ok) return opened;
  const { db, backups, upgradedFrom, preUpgradeBackupId } = opened.value;
  return { ok: true, value: new Repository(db, backups, { ...options, upgradedFrom, preUpgradeBackupId }), issues: [] };
}
