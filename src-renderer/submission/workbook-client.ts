/**
 * Writes and reads submission workbooks for the 报送 screen: in a Web Worker where there is one
 * (the app), so a large return does not freeze the page; on this thread otherwise (tests). The
 * worker is started when the screen opens, so exceljs is loaded before the first export.
 */
import type { Result, UserIssue } from '../../src-shared/model';
import type { SubmissionInput } from '../../src-shared/workbook/build-payload';
import type { SubmissionRead } from '../../src-shared/workbook/read-submission-workbook';
import type { CheckedWorkbook, WorkbookAnswer, WorkbookJob } from './workbook-protocol';

export interface WorkbookService {
  /** Writes the workbook and reads it back; `intact` false is a bug, never the clerk's doing. */
  write(input: SubmissionInput): Promise<CheckedWorkbook>;
  read(bytes: Uint8Array, fileName?: string): Promise<Result<SubmissionRead>>;
  /** Starts the worker and loads exceljs in it. */
  warm(): void;
  dispose(): void;
}

/** What the client needs of a worker (a DOM `Worker` is one); tests give a fake. */
export interface WorkbookWorkerLike {
  onmessage: ((event: MessageEvent<WorkbookAnswer>) => unknown) | null;
  onerror: ((event: ErrorEvent) => unknown) | null;
  postMessage(message: WorkbookJob, transfer: Transferable[]): void;
  terminate(): void;
}

export const startWorkbookWorker = (): WorkbookWorkerLike => new Worker(new URL('./workbook.worker.ts', import.meta.url), { type: 'module', name: 'submission-workbook' });

type JobBody = WorkbookJob extends infer J ? (J extends WorkbookJob ? Omit<J, 'id'> : never) : never;

class WorkerError extends Error {}

function crashIssue(message: string): UserIssue {
  return { code: 'workbook-worker-crashed', severity: 'error', message: `报送工作簿的后台任务出错（${message}）。请重试；如仍失败，请重新打开程序。` };
}

/** A service over one long-lived worker; a crash fails the jobs in flight and the next job starts a new worker. */
export function workerWorkbookService(start: () => WorkbookWorkerLike = startWorkbookWorker): WorkbookService {
  let worker: WorkbookWorkerLike | undefined;
  let nextId = 1;
  const pending = new Map<number, { resolve(answer: WorkbookAnswer): void }>();

  const ensure = (): WorkbookWorkerLike => {
    if (worker) return worker;
    const started = start();
    started.onmessage = (event) => {
      const answer = event.data;
      pending.get(answer.id)?.resolve(answer);
      pending.delete(answer.id);
    };
    started.onerror = (event) => {
      event.preventDefault();
      started.terminate();
      if (worker === started) worker = undefined;
      for (const [id, job] of pending) job.resolve({ id, kind: 'crashed', message: event.message || '内存不足或脚本错误' });
      pending.clear();
    };
    worker = started;
    return started;
  };

  const send = (body: JobBody, transfer: Transferable[] = []): Promise<WorkbookAnswer> =>
    new Promise((resolve) => {
      const id = nextId++;
      pending.set(id, { resolve });
      const job: WorkbookJob = { ...body, id };
      ensure().postMessage(job, transfer);
    });

  return {
    async write(input) {
      const answer = await send({ kind: 'write', input });
      if (answer.kind === 'written') return answer.workbook;
      throw new WorkerError(answer.kind === 'crashed' ? answer.message : `unexpected answer ${answer.kind}`);
    },
    async read(bytes, fileName) {
      // The caller keeps its bytes; the worker gets its own copy.
      const copy = new Uint8Array(bytes);
      const answer = await send(fileName === undefined ? { kind: 'read', bytes: copy } : { kind: 'read', bytes: copy, fileName }, [copy.buffer]);
      if (answer.kind === 'read') return answer.result;
      return { ok: false, issues: [crashIssue(answer.kind === 'crashed' ? answer.message : answer.kind)] };
    },
    warm() {
      void send({ kind: 'warm' });
    },
    dispose() {
      worker?.terminate();
      worker = undefined;
      for (const [id, job] of pending) job.resolve({ id, kind: 'crashed', message: '已关闭' });
      pending.clear();
    },
  };
}

/** The same service on this thread: exceljs loaded on first use. */
export function inThreadWorkbookService(): WorkbookService {
  const load = () => import('./workbook-job');
  return {
    async write(input) {
      const answer = await (await load()).runWorkbookJob({ id: 0, kind: 'write', input });
      if (answer.kind === 'written') return answer.workbook;
      throw new WorkerError(answer.kind === 'crashed' ? answer.message : `unexpected answer ${answer.kind}`);
    },
    async read(bytes, fileName) {
      const answer = await (await load()).runWorkbookJob(fileName === undefined ? { id: 0, kind: 'read', bytes } : { id: 0, kind: 'read', bytes, fileName });
      if (answer.kind === 'read') return answer.result;
      return { ok: false, issues: [crashIssue(answer.kind === 'crashed' ? answer.message : answer.kind)] };
    },
    warm() {
      load().catch(() => undefined);
    },
    dispose() {},
  };
}

export function workbookService(): WorkbookService {
  return typeof Worker === 'undefined' ? inThreadWorkbookService() : workerWorkbookService();
}
