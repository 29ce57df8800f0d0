/**
 * The ledger worker as electron-vite bundles it for the built app (out/main/…), for
 * parseLedgerInWorker (src-main/excel). Only src-main/index.ts imports this: the `?modulePath`
 * import exists only in the electron-vite build.
 */
import { pathToFileURL } from 'node:url';
import type { WorkerSpec } from '../excel/parse-in-worker';
import ledgerWorkerPath from '../excel/ledger-worker?modulePath';

export const bundledLedgerWorker: WorkerSpec = { url: pathToFileURL(ledgerWorkerPath), typescript: false };
