/**
 * worker_threads entry: parses one ledger and answers. Anything thrown here is a bug in the
 * reader or SheetJS; it is answered as `crashed` so that the caller can tell the clerk.
 */
import { parentPort } from 'node:worker_threads';
import { parseLedgerFile } from '../../src-shared/ledger';
import type { LedgerJob, LedgerJobAnswer } from './ledger-job';

const port = parentPort;
if (!port) throw new Error('ledger-worker must run as a worker thread');
port.once('message', (job: LedgerJob) => {
  let answer: LedgerJobAnswer;
  try {
    const opts = { fileName: job.fileName, targets: job.targets, ...(job.sheet === undefined ? {} : { sheet: job.sheet }), ...(job.limits === undefined ? {} : { limits: job.limits }) };
    answer = { kind: 'done', result: parseLedgerFile(job.bytes, opts) };
  } catch (err) {
    answer = { kind: 'crashed', message: err instanceof Error ? err.message : String(err) };
  }
  port.postMessage(answer);
});
