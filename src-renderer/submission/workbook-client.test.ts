import { describe, expect, it } from 'vitest';
import { computeReturn } from '../../src-shared/compute';
import { exampleReturn, kfqSet } from '../../src-shared/seeds';
import { returnJson, submissionZone, type SubmissionInput } from '../../src-shared/workbook';
import { inThreadWorkbookService, workerWorkbookService, type WorkbookWorkerLike } from './workbook-client';
import { runWorkbookJob } from './workbook-job';
import type { WorkbookAnswer, WorkbookJob } from './workbook-protocol';

function input(): SubmissionInput {
  const set = kfqSet();
  const ret = exampleReturn('gaoping-kfq-2024-q1');
  const zone = submissionZone(ret.zoneId);
  if (!zone) throw new Error('zone missing');
  return { set, ret, computed: computeReturn(set, ret), issues: [], zone, submissionId: '0f8fad5b-d9cb-469f-a165-70867728950e', revision: 1, exportedAt: '2024-04-08T00:00:00Z' };
}

/** A worker that runs jobs in this process, answering asynchronously as a real one does; or dies on demand. */
function fakeWorker(log: WorkbookJob[], options: { dieOn?: WorkbookJob['kind'] } = {}): { start: () => WorkbookWorkerLike; started: () => number } {
  let count = 0;
  return {
    started: () => count,
    start: () => {
      count += 1;
      const worker: WorkbookWorkerLike = {
        onmessage: null,
        onerror: null,
        postMessage(job) {
          log.push(job);
          if (job.kind === options.dieOn) {
            // Node has no ErrorEvent; an Event with its fields is one as far as the client can tell.
            const event: ErrorEvent = Object.assign(new Event('error', { cancelable: true }), { message: 'out of memory', filename: '', lineno: 0, colno: 0, error: null });
            setTimeout(() => worker.onerror?.(event), 0);
            return;
          }
          void runWorkbookJob(job).then((answer: WorkbookAnswer) => worker.onmessage?.(new MessageEvent('message', { data: answer })));
        },
        terminate() {},
      };
      return worker;
    },
  };
}

describe('runWorkbookJob', () => {
  it('writes a workbook that reads back intact', async () => {
    const answer = await runWorkbookJob({ id: 7, kind: 'write', input: input() });
    expect(answer.kind).toBe('written');
    if (answer.kind === 'written') {
      expect(answer.id).toBe(7);
      expect(answer.workbook.intact).toBe(true);
      expect(answer.workbook.checksum).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it('answers a bug as crashed, not by throwing', async () => {
    const broken = { ...input(), computed: { figures: { gyzjz: { code: 'gyzjz', current: { ok: true as const, value: Number.NaN } } } } };
    const answer = await runWorkbookJob({ id: 1, kind: 'write', input: broken });
    expect(answer.kind).toBe('crashed');
  });
});

describe('workerWorkbookService', () => {
  it('matches answers to jobs and reuses one worker', async () => {
    const log: WorkbookJob[] = [];
    const fake = fakeWorker(log);
    const service = workerWorkbookService(fake.start);
    service.warm();
    const written = await service.write(input());
    const [read, again] = await Promise.all([service.read(written.bytes, 'a.xlsx'), service.read(written.bytes)]);
    expect(read.ok && returnJson(read.value.ret)).toBe(returnJson(input().ret));
    expect(again.ok && again.value.intact).toBe(true);
    expect(log.map((j) => j.kind)).toEqual(['warm', 'write', 'read', 'read']);
    expect(new Set(log.map((j) => j.id)).size).toBe(4);
    expect(fake.started()).toBe(1);
    // The caller's bytes are still whole: the worker was given a copy.
    expect(written.bytes.length).toBeGreaterThan(1000);
  });

  it('fails the jobs of a crashed worker with a Chinese message and starts a new one for the next', async () => {
    const log: WorkbookJob[] = [];
    const fake = fakeWorker(log, { dieOn: 'read' });
    const service = workerWorkbookService(fake.start);
    const read = await service.read(new Uint8Array([1, 2, 3]));
    expect(read.ok).toBe(false);
    expect(read.issues[0]?.message).toContain('out of memory');
    await expect(service.write(input())).resolves.toMatchObject({ intact: true });
    expect(fake.started()).toBe(2);
  });
});

describe('inThreadWorkbookService', () => {
  it('does the same on this thread', async () => {
    const service = inThreadWorkbookService();
    const written = await service.write(input());
    expect(written.intact).toBe(true);
    const read = await service.read(written.bytes);
    expect(read.ok && read.value.revision).toBe(1);
  });
});
