/**
 * Runs the near-duplicate search of a ledger preview in a Web Worker (`near-duplicates.worker.ts`),
 * so the preview without it is on screen at once and the flags follow. Where there are no workers
 * (a test's DOM), it runs here after the current task.
 */
import { flagNearDuplicates, type ExistingRow, type Preview } from '../../src-shared/ledger';
import type { NearDuplicateRequest } from './near-duplicates.worker';

export interface NearDuplicateSearch {
  result: Promise<Preview>;
  cancel(): void;
}

export function searchNearDuplicates(request: NearDuplicateRequest): NearDuplicateSearch {
  if (typeof Worker === 'undefined') {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const result = new Promise<Preview>((resolve, reject) => {
      timer = setTimeout(() => {
        try {
          resolve(flagNearDuplicates(request.preview, request.existing, { keyFields: request.keyFields }));
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      }, 0);
    });
    return { result, cancel: () => clearTimeout(timer) };
  }
  const worker = new Worker(new URL('./near-duplicates.worker.ts', import.meta.url), { type: 'module', name: 'near-duplicates' });
  const result = new Promise<Preview>((resolve, reject) => {
    worker.onmessage = (e: MessageEvent<{ ok: true; preview: Preview } | { ok: false; message: string }>) => {
      worker.terminate();
      if (e.data.ok) resolve(e.data.preview);
      else reject(new Error(e.data.message));
    };
    worker.onerror = (e) => {
      worker.terminate();
      reject(new Error(e.message || '查找名称相近的项目时出错'));
    };
  });
  worker.postMessage(request);
  return { result, cancel: () => worker.terminate() };
}

