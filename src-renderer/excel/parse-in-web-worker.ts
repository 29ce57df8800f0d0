/**
 * The renderer's client of the ledger Web Worker (web build): one worker per file, stopped after
 * `timeoutMs` with a Chinese message, so a huge or hostile file cannot freeze the page.
 */
import type { LedgerFile } from '../../src-shared/ledger';
import type { Result, UserIssue } from '../../src-shared/model';
import type { WebLedgerAnswer, WebLedgerJob } from './ledger-worker-protocol';

export const WEB_WORKER_TIMEOUT_MS = 30_000;

function failure(code: string, message: string, file: string): Result<LedgerFile> {
  const issue: UserIssue = { code, severity: 'error', message, location: { file } };
  return { ok: false, issues: [issue] };
}

/** What the client needs of a worker (a DOM `Worker` is one); tests give a fake. */
export interface LedgerWorkerLike {
  onmessage: ((event: MessageEvent<WebLedgerAnswer>) => unknown) | null;
  onerror: ((event: ErrorEvent) => unknown) | null;
  postMessage(message: WebLedgerJob, transfer: Transferable[]): void;
  terminate(): void;
}

export type WorkerFactory = () => LedgerWorkerLike;

export const startLedgerWorker: WorkerFactory = () => new Worker(new URL('./ledger.worker.ts', import.meta.url), { type: 'module', name: 'ledger-reader' });

export function parseLedgerInWebWorker(job: WebLedgerJob, options: { timeoutMs?: number; startWorker?: WorkerFactory } = {}): Promise<Result<LedgerFile>> {
  const timeoutMs = options.timeoutMs ?? WEB_WORKER_TIMEOUT_MS;
  const name = job.fileName;
  return new Promise((resolve) => {
    let settled = false;
    const worker = (options.startWorker ?? startLedgerWorker)();
    const finish = (result: Result<LedgerFile>): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.terminate();
      resolve(result);
    };
    const timer = setTimeout(() => {
      finish(failure('timeout', `读取「${name}」超过 ${Math.round(timeoutMs / 1000)} 秒仍未完成，已停止。文件可能过大或格式异常：请删去无关的工作表、拆分文件，或另存为 .xlsx 后再试。`, name));
    }, timeoutMs);
    worker.onmessage = (event) => {
      const answer = event.data;
      if (answer.kind === 'done') finish(answer.result);
      else finish(failure('crashed', `读取「${name}」时出错（${answer.message}）。请在 Excel 或 WPS 中打开该文件，另存为 .xlsx 后再导入。`, name));
    };
    worker.onerror = (event) => {
      event.preventDefault();
      finish(failure('crashed', `读取「${name}」的后台任务出错（${event.message || '内存不足或脚本错误'}）。文件可能过大：请拆分文件或另存为 .xlsx 后再导入。`, name));
    };
    // The caller keeps its bytes (to re-read another sheet); the worker gets its own copy.
    const bytes = new Uint8Array(job.bytes);
    worker.postMessage({ ...job, bytes }, [bytes.buffer]);
  });
}
