import { describe, expect, it } from 'vitest';
import { parseLedgerFile, type MappingTarget } from '../../src-shared/ledger';
import type { WebLedgerAnswer, WebLedgerJob } from './ledger-worker-protocol';
import { parseLedgerInWebWorker, type LedgerWorkerLike } from './parse-in-web-worker';

const targets: MappingTarget[] = [
  { code: 'name', name: '项目名称', type: 'text', synonyms: ['项目名称'] },
  { code: 'totalInvestment', name: '总投资', type: 'number', unit: '亿元', synonyms: ['总投资'] },
];
const csv = new TextEncoder().encode('项目名称,总投资(万元)\n甲,12000\n');

/** Answers like the real worker (the same parse, asynchronously), or misbehaves as told. */
class FakeWorker implements LedgerWorkerLike {
  onmessage: ((event: MessageEvent<WebLedgerAnswer>) => unknown) | null = null;
  onerror: ((event: ErrorEvent) => unknown) | null = null;
  terminated = false;
  received: WebLedgerJob | undefined;
  constructor(private readonly behaviour: 'answer' | 'hang' | 'throw' | 'error') {}
  postMessage(job: WebLedgerJob): void {
    this.received = job;
    setTimeout(() => {
      if (this.behaviour === 'hang' || this.terminated) return;
      if (this.behaviour === 'error') {
        this.onerror?.({ message: 'Out of memory', preventDefault: () => undefined } as unknown as ErrorEvent);
        return;
      }
      const answer: WebLedgerAnswer = this.behaviour === 'throw' ? { kind: 'crashed', message: 'boom' } : { kind: 'done', result: parseLedgerFile(job.bytes, { fileName: job.fileName, targets: job.targets }) };
      this.onmessage?.({ data: answer } as MessageEvent<WebLedgerAnswer>);
    }, 5);
  }
  terminate(): void {
    this.terminated = true;
  }
}

describe('parseLedgerInWebWorker', () => {
  it('returns what the worker parsed, gives it a copy of the bytes and ends the worker', async () => {
    const worker = new FakeWorker('answer');
    const r = await parseLedgerInWebWorker({ bytes: csv, fileName: 'a.csv', targets }, { startWorker: () => worker });
    expect(r.ok && r.value.tables[0]?.rows.length).toBe(1);
    expect(worker.received?.bytes).not.toBe(csv);
    expect(csv.byteLength).toBeGreaterThan(0);
    expect(worker.terminated).toBe(true);
  });

  it.each([
    ['hang', 'timeout', '已停止'],
    ['throw', 'crashed', 'boom'],
    ['error', 'crashed', 'Out of memory'],
  ] as const)('a worker that %ss gives %s with a Chinese message', async (behaviour, code, words) => {
    const worker = new FakeWorker(behaviour);
    const r = await parseLedgerInWebWorker({ bytes: csv, fileName: 'a.csv', targets }, { startWorker: () => worker, timeoutMs: 50 });
    expect(r.ok).toBe(false);
    expect(r.issues[0]?.code).toBe(code);
    expect(r.issues[0]?.message).toContain(words);
    expect(worker.terminated).toBe(true);
  });
});
