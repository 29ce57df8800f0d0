import { useEffect, useState } from 'react';
import { loadInstalledSets } from '../sync/indicator-sets';
import type { Result } from '../../src-shared/model';
import { builtinZoneRegistry } from '../../src-shared/seeds';
import { openRepository, type Repository } from '../db';

export type RepositoryState =
  | { kind: 'opening' }
  | { kind: 'failed'; message: string }
  | { kind: 'ready'; repo: Repository; notice: string | null };

// One database connection for the page: React's StrictMode runs effects twice in development,
// and two connections would block each other's upgrades.
let opening: Promise<Result<Repository>> | undefined;

function openOnce(): Promise<Result<Repository>> {
  opening ??= openRepository().then(async (result) => {
    if (result.ok) {
      await result.value.ensureZones(builtinZoneRegistry());
      // Indicator sets published by the collection server and installed earlier (联网报送).
      await loadInstalledSets(result.value);
    }
    return result;
  });
  return opening;
}

/** Opens the local database (upgrading it, with a backup first, where needed) and loads the zone registry into it. */
export function useRepository(): RepositoryState {
  const [state, setState] = useState<RepositoryState>({ kind: 'opening' });
  useEffect(() => {
    let live = true;
    openOnce().then(
      (result) => {
        if (!live) return;
        if (!result.ok) {
          setState({ kind: 'failed', message: result.issues.map((i) => i.message).join('\n') });
          return;
        }
        const repo = result.value;
        const notice =
          repo.upgradedFrom === null
            ? null
            : `本机数据已从第 ${repo.upgradedFrom} 版升级到新版本；升级前的数据已自动备份（第 ${repo.preUpgradeBackupId ?? '?'} 号），可在“备份与恢复”中找到。`;
        setState({ kind: 'ready', repo, notice });
      },
      (error: unknown) => {
        if (live) setState({ kind: 'failed', message: `无法打开本机数据库：${error instanceof Error ? error.message : String(error)}。请关闭其他打开本程序的窗口后重试。` });
      },
    );
    return () => {
      live = false;
    };
  }, []);
  return state;
}
