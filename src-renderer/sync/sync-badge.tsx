import type { Repository } from '../db';
import { useSyncStatus } from './app-sync';

/** The header's 在线 / 离线 / 待上传 N; nothing while the device is not enrolled. */
export function SyncBadge({ repo }: { repo: Repository }) {
  const status = useSyncStatus(repo);
  if (status === null || status.enrolled === null) return null;
  const state = status.online === false ? '离线' : status.online === true ? '在线' : '连接中';
  return (
    <span className={`sync-badge ${status.online === false ? 'offline' : 'online'}`} data-testid="sync-badge" title={status.lastError ?? `报送服务器 ${status.enrolled.server}`}>
      <span className="sync-state">{state}</span>
      {status.pending > 0 && <span className="sync-pending"> · 待上传 {status.pending}</span>}
    </span>
  );
}
