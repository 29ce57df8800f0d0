/** The worker thread of the verify pool: verifies each workbook it is sent and answers with plain data. */
import { parentPort } from 'node:worker_threads';
import { verifyWorkbook } from './verify-workbook';

parentPort?.on('message', (job: { id: number; bytes: Uint8Array }) => {
  verifyWorkbook(job.bytes).then(
    (result) => parentPort?.postMessage({ id: job.id, result }),
    (error: unknown) => parentPort?.postMessage({ id: job.id, result: { ok: false, reason: 'verifier-failed', message: error instanceof Error ? error.message : String(error), issues: [] } }),
  );
});
parentPort?.postMessage({ ready: true });
