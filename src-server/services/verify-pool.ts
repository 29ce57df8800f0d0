/**
 * Workbook verification off the server's event loop: a few long-lived worker threads, each with
 * a heap ceiling and a time limit per workbook. A workbook that exhausts either (a zip bomb, a
 * pathological file) costs its worker, which is replaced; health checks and other requests keep
 * being answered meanwhile.
 */
import { Worker } from 'node:worker_threads';
import { workerModule } from '../../src-shared/worker-module';
import type { VerifiedWorkbook, VerifyWorkbook } from './verify-workbook';

export interface VerifyPoolOptions {
  size: number;
  maxHeapMb: number;
  timeoutMs: number;
}

interface Job {
  id: number;
  bytes: Uint8Array;
  resolve: (answer: VerifiedWorkbook) => void;
}

interface Slot {
  worker: Worker;
  job?: Job;
  timer?: NodeJS.Timeout;
}

function startWorker(maxHeapMb: number): Worker {
  const { url, typescript } = workerModule(import.meta.url, 'verify-worker');
  const resourceLimits = { maxOldGenerationSizeMb: maxHeapMb };
  // From source: loader hooks given as --import do not reach worker threads; registering tsx inside the worker does.
  const boot = (): string => `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((m) => { m.register(); return import(${JSON.stringify(url.href)}); });`;
  const worker = typescript ? new Worker(boot(), { eval: true, resourceLimits }) : new Worker(url, { resourceLimits });
  worker.unref();
  return worker;
}

export function createVerifyPool(options: VerifyPoolOptions): { verify: VerifyWorkbook; close: () => Promise<void> } {
  const queue: Job[] = [];
  const slots: Slot[] = [];
  let nextId = 1;
  let closed = false;

  const failed = (message: string): VerifiedWorkbook => ({ ok: false, reason: 'verifier-failed', message, issues: [] });

  function settle(slot: Slot, answer: VerifiedWorkbook): void {
    const job = slot.job;
    if (!job) return;
    clearTimeout(slot.timer);
    slot.job = undefined;
    job.resolve(answer);
  }

  function replace(slot: Slot): void {
    void slot.worker.terminate();
    if (closed) return;
    slot.worker = startWorker(options.maxHeapMb);
    wire(slot);
  }

  function wire(slot: Slot): void {
    const worker = slot.worker;
    worker.on('message', (message: { id?: number; result?: VerifiedWorkbook }) => {
      if (message.id !== undefined && slot.job?.id === message.id && message.result) settle(slot, message.result);
      pump();
    });
    worker.on('error', (error: Error & { code?: string }) => {
      const outOfMemory = error.code === 'ERR_WORKER_OUT_OF_MEMORY' || /out of memory/i.test(error.message);
      settle(slot, failed(outOfMemory ? `校验工作簿需要的内存超过上限（${options.maxHeapMb} MB）` : error.message));
      if (slot.worker === worker) replace(slot);
      pump();
    });
    worker.on('exit', () => {
      if (slot.worker !== worker) return;
      settle(slot, failed('校验进程意外退出'));
      replace(slot);
      pump();
    });
  }

  function pump(): void {
    for (const slot of slots) {
      if (slot.job || queue.length === 0) continue;
      const job = queue.shift()!;
      slot.job = job;
      slot.timer = setTimeout(() => {
        settle(slot, failed(`校验工作簿超过 ${Math.round(options.timeoutMs / 1000)} 秒仍未完成`));
        replace(slot);
        pump();
      }, options.timeoutMs);
      // A copy of exactly the bytes (a Buffer may be a view into a larger pool), moved to the worker.
      const bytes = new Uint8Array(job.bytes);
      slot.worker.postMessage({ id: job.id, bytes }, [bytes.buffer]);
    }
  }

  for (let i = 0; i < Math.max(1, options.size); i += 1) {
    const slot: Slot = { worker: startWorker(options.maxHeapMb) };
    wire(slot);
    slots.push(slot);
  }

  return {
    verify: (bytes) =>
      new Promise<VerifiedWorkbook>((resolve) => {
        if (closed) return resolve(failed('服务器正在停止'));
        queue.push({ id: nextId++, bytes, resolve });
        pump();
      }),
    async close() {
      closed = true;
      for (const job of queue.splice(0)) job.resolve(failed('服务器正在停止'));
      await Promise.all(slots.map(async (slot) => {
        settle(slot, failed('服务器正在停止'));
        clearTimeout(slot.timer);
        await slot.worker.terminate();
      }));
    },
  };
}
