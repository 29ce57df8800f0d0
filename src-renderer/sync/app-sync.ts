/**
 * The app's one ClerkSync over its repository (the browser's fetch and WebCrypto), and a hook
 * giving screens its status. The loop starts when the app opens the repository; an export
 * calls `kickUploads()` so its upload goes at once.
 */
import { useEffect, useState } from 'react';
import type { Repository } from '../db';
import { browserFetch, createClerkSync, type ClerkSync, type SyncStatus } from './clerk-sync';

const instances = new WeakMap<Repository, ClerkSync>();
let current: ClerkSync | null = null;

export function appSync(repo: Repository): ClerkSync {
  let sync = instances.get(repo);
  if (sync === undefined) {
    sync = createClerkSync({
      repo,
      fetch: browserFetch(),
      subtle: globalThis.crypto.subtle,
      randomBytes: (n) => globalThis.crypto.getRandomValues(new Uint8Array(n)),
      who: () => '填报人',
      pollMs: 15_000,
      deviceName: typeof navigator === 'undefined' ? 'zone-returns' : `zone-returns（${navigator.platform}）`,
    });
    instances.set(repo, sync);
    current = sync;
    void sync.start();
  }
  return sync;
}

/** After an export: send its upload now instead of at the next timer. */
export function kickUploads(): void {
  void current?.kick();
}

export function useSyncStatus(repo: Repository): SyncStatus | null {
  const [status, setStatus] = useState<SyncStatus | null>(null);
  useEffect(() => appSync(repo).subscribe(setStatus), [repo]);
  return status;
}
