/**
 * Runs the ledger parse in a worker thread, so a huge or hostile file cannot freeze the app:
 * the worker has a memory ceiling and a time limit, and is terminated when either is hit.
 */
import { Worker } from 'node:worker_threads';
import type { LedgerFile } from '../../src-shared/ledger';
import type { Result, UserIssue } from '../../src-shared/model';
import { workerModule, type WorkerModule } from '../../src-shared/worker-module';
import type { LedgerJob, LedgerJobAnswer } from './ledger-job';

export interface WorkerLimits {
  /** Milliseconds before the parse is stopped. */
  timeoutMs: number;
  /** Heap ceiling of the worker, in MB. */
  maxHeapMb: number;
}

/** The whole process stays under 1 GB: a 768 MB heap, and every limit applied before SheetJS expands. */
export const DEFAULT_WORKER_LIMITS: WorkerLimits = { timeoutMs: 30_000, maxHeapMb: 768 };

/**
 * Where the worker script is. The Electron build passes its bundled JavaScript file; the CLI's
 * bundle (out/cli/, vite.cli.config.ts) has ledger-worker.mjs beside its chunks; from source
 * (vitest, the benchmarks through tsx) the worker is TypeScript and is loaded through tsx first.
 */
export type WorkerSpec = WorkerModule;

export function defaultWorkerSpec(): WorkerSpec {
  return workerModule(import.meta.url, 'ledger-worker');
}

function startWorker(spec: WorkerSpec, maxHeapMb: number): Worker {
  const resourceLimits = { maxOldGenerationSizeMb: maxHeapMb };
  if (!spec.typescript) return new Worker(spec.url, { resourceLimits });
  // Loader hooks given as --import do not reach worker threads; registering tsx inside the worker does.
  const boot = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((m) => { m.register(); return import(${JSON.stringify(spec.url.href)}); });`;
  return new Worker(boot, { eval: true, resourceLimits });
}

function failure(code: string, message: string, file: string): Result<LedgerFile> {
  const issue: UserIssue = { code, severity: 'error', message, location: { file } };
  return { ok: false, issues: [issue] };
}

export function parseLedgerInWorker(job: LedgerJob, limits: Partial<WorkerLimits> = {}, spec: WorkerSpec = defaultWorkerSpec()): Promise<Result<LedgerFile>> {
  const { timeoutMs, maxHeapMb } = { ...DEFAULT_WORKER_LIMITS, ...limits };
  const name = job.fileName;
  return new Promise((resolve) => {
    let settled = false;
    const worker = startWorker(spec, maxHeapMb);
    const finish = (result: Result<LedgerFile>): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(result);
    };
    const timer = setTimeout(() => {
      finish(failure('timeout', `读取「${name}」超过 ${timeoutMs >= 10_000 ? Math.round(timeoutMs / 1000) : (timeoutMs / 1000).toFixed(1)} 秒仍未完成，已停止。文件可能过大或格式异常：请删去无关的工作表、拆分文件，或另存为 .xlsx 后再试。`, name));
    }, timeoutMs);
    worker.on('message', (answer: LedgerJobAnswer) => {
      if (answer.kind === 'done') finish(answer.result);
      else finish(failure('crashed', `读取「${name}」时出错（${answer.message}）。请在 Excel 或 WPS 中打开该文件，另存为 .xlsx 后再导入；如仍不行，请把文件发给技术支持。`, name));
    });
    worker.on('error', (err: Error & { code?: string }) => {
      const outOfMemory = err.code === 'ERR_WORKER_OUT_OF_MEMORY' || /out of memory/i.test(err.message);
      finish(
        outOfMemory
          ? failure('out-of-memory', `读取「${name}」需要的内存超过上限（${maxHeapMb} MB），已停止。文件可能过大或被恶意构造：请拆分文件后再导入。`, name)
          : failure('crashed', `读取「${name}」时出错（${err.message}）。请另存为 .xlsx 后再导入。`, name),
      );
    });
    worker.on('exit', (code) => {
      if (!settled) finish(failure('crashed', `读取「${name}」的后台进程意外退出（代码 ${code}）。请另存为 .xlsx 后再导入。`, name));
    });
    // A copy of exactly the bytes (a Node Buffer may be a view into a larger shared pool), moved to the worker.
    const bytes = new Uint8Array(job.bytes);
    worker.postMessage({ ...job, bytes }, [bytes.buffer]);
  });
}
