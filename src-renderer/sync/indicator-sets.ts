/**
 * Published indicator sets from the collection server: listed, downloaded, installed only after
 * their checksum holds (checkPublishedIndicatorSet), kept in the device's sync state so they are
 * there offline after a restart, and added to the sets every lookup sees (installIndicatorSets).
 * A return already started keeps the set version stored on it; a new return takes the newest.
 */
import { checkPublishedIndicatorSet, type CollectClient, type Device, type IndicatorSetResponse } from '../../src-shared/collect-protocol';
import type { IndicatorSet, UserIssue } from '../../src-shared/model';
import { builtinIndicatorSets, installIndicatorSets } from '../../src-shared/seeds';
import type { Repository } from '../db';

const KEY = 'installedIndicatorSets';

/** Installs the sets stored by earlier syncs (at app start, before any screen reads a set). */
export async function loadInstalledSets(repo: Repository): Promise<IndicatorSet[]> {
  const stored = (await repo.getSyncValue<IndicatorSetResponse[]>(KEY)) ?? [];
  const sets: IndicatorSet[] = [];
  for (const response of stored) {
    const checked = checkPublishedIndicatorSet(response);
    if (checked.ok) sets.push(checked.value);
  }
  return installIndicatorSets(sets);
}

export interface SetSyncReport {
  installed: Array<{ id: string; version: string }>;
  refused: UserIssue[];
}

/** Downloads and installs the sets the server publishes that this app does not have yet. */
export async function syncIndicatorSets(repo: Repository, client: CollectClient, device: Device): Promise<SetSyncReport> {
  const report: SetSyncReport = { installed: [], refused: [] };
  const listed = await client.indicatorSets(device);
  if (!listed.ok) return report;
  const have = builtinIndicatorSets();
  const stored = (await repo.getSyncValue<IndicatorSetResponse[]>(KEY)) ?? [];
  for (const summary of listed.value.sets) {
    if (have.some((s) => s.id === summary.id && s.version === summary.version)) continue;
    const got = await client.indicatorSet(device, summary.id, summary.version);
    if (!got.ok) continue;
    // The list's checksum is what the set must match (not only the one the download carries).
    const checked = checkPublishedIndicatorSet({ ...got.value, summary: { ...got.value.summary, sha256: summary.sha256 } });
    if (!checked.ok) {
      report.refused.push(...checked.issues);
      continue;
    }
    stored.push(got.value);
    await repo.setSyncValue(KEY, stored);
    installIndicatorSets([checked.value]);
    report.installed.push({ id: summary.id, version: summary.version });
  }
  return report;
}


