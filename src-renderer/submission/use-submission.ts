import { useCallback, useEffect, useState } from 'react';
import type { Zone } from '../../src-shared/model';
import type { Repository } from '../db';
import type { OutboxRow } from './outbox-rows';
import { loadSubmission, zoneOutbox, type SubmissionState } from './submission-store';

export type SubmissionLoad =
  | { kind: 'none' }
  | { kind: 'loading' }
  | { kind: 'failed'; message: string }
  | { kind: 'ready'; state: SubmissionState };

/** The chosen return's submission state and the zone's outbox, reloaded after every action. */
export function useSubmission(repo: Repository, zone: Zone, returnId: string | null): { load: SubmissionLoad; outbox: OutboxRow[]; reload(): Promise<void> } {
  const [load, setLoad] = useState<SubmissionLoad>(returnId === null ? { kind: 'none' } : { kind: 'loading' });
  const [outbox, setOutbox] = useState<OutboxRow[]>([]);

  const reload = useCallback(async () => {
    setOutbox(await zoneOutbox(repo, zone.id));
    if (returnId === null) {
      setLoad({ kind: 'none' });
      return;
    }
    const loaded = await loadSubmission(repo, returnId, zone);
    setLoad(loaded.ok ? { kind: 'ready', state: loaded.value } : { kind: 'failed', message: loaded.issues.map((i) => i.message).join('\n') });
  }, [repo, zone, returnId]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { load, outbox, reload };
}
