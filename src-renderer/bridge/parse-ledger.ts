import { parseLedgerFile } from '../../src-shared/ledger';
import type { LedgerFile } from '../../src-shared/ledger/types';
import type { Result } from '../../src-shared/model/results';
import type { LedgerJob } from './browser-bridge';

/**
 * The web build's ledger parse. INTERIM: runs on the UI thread until the ledger Web Worker
 * (src-renderer/excel) lands; then this module forwards to it and keeps this signature.
 */
export async function parseLedgerInBrowser(job: LedgerJob): Promise<Result<LedgerFile>> {
  return parseLedgerFile(job.bytes, { fileName: job.fileName, targets: job.targets, ...(job.sheet === undefined ? {} : { sheet: job.sheet }) });
}
