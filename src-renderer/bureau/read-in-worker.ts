/** Reads received files, each in a Web Worker (one worker, files in turn, so the window stays responsive). */
import type { ReadReceived } from '../../src-shared/collect';
import { sha256Hex } from '../../src-shared/crypto';

export async function readFilesInWorker(files: { fileName: string; bytes: Uint8Array }[]): Promise<ReadReceived[]> {
  const worker = new Worker(new URL('./inbox.worker.ts', import.meta.url), { type: 'module', name: 'inbox-reader' });
  try {
    const out: ReadReceived[] = [];
    for (const f of files) {
      const answer = await new Promise<{ ok: true; read: ReadReceived } | { ok: false; message: string }>((resolve) => {
        worker.onmessage = (e) => resolve(e.data);
        worker.onerror = (e) => resolve({ ok: false, message: e.message });
        worker.postMessage(f);
      });
      out.push(answer.ok ? answer.read : { fileName: f.fileName, bytes: f.bytes, fileSha256: sha256Hex(f.bytes), intact: false, problems: [`读取失败：${answer.message}`] });
    }
    return out;
  } finally {
    worker.terminate();
  }
}
