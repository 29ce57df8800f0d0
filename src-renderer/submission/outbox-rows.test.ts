import { describe, expect, it } from 'vitest';
import type { OutboxRecord } from '../db';
import { outboxRows } from './outbox-rows';

const entry = (returnId: string, revision: number, at: string): OutboxRecord => ({
  submissionId: `${returnId}-${revision}`,
  returnId,
  revision,
  fileName: `${returnId}_第${revision}版.xlsx`,
  at,
  sha256: String(revision).repeat(64),
  snapshot: '{}',
});

describe('outboxRows', () => {
  const periods = new Map([
    ['jincheng-kfq|2024-03-q', { year: 2024, endMonth: 3, frequency: 'quarter' as const }],
    ['jincheng-kfq|2024-06-q', { year: 2024, endMonth: 6, frequency: 'quarter' as const }],
  ]);

  it('marks earlier revisions of the same return as superseded, newest first', () => {
    const rows = outboxRows(
      [entry('jincheng-kfq|2024-03-q', 1, '2024-04-08T08:00:00Z'), entry('jincheng-kfq|2024-06-q', 1, '2024-07-08T08:00:00Z'), entry('jincheng-kfq|2024-03-q', 2, '2024-04-09T08:00:00Z')],
      periods,
    );
    expect(rows.map((r) => [r.periodLabel, r.revision, r.latestRevision, r.superseded])).toEqual([
      ['2024年上半年', 1, 1, false],
      ['2024年一季度', 2, 2, false],
      ['2024年一季度', 1, 2, true],
    ]);
  });

  it('names a return it has no period for by its id', () => {
    expect(outboxRows([entry('x|2023-03-q', 1, '2023-04-01T00:00:00Z')], new Map())[0]?.periodLabel).toBe('x|2023-03-q');
  });

  it('is empty for an empty outbox', () => {
    expect(outboxRows([], periods)).toEqual([]);
  });
});
