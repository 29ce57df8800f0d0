import { useEffect, useState } from 'react';
import { getBridge } from '../bridge';
import type { Repository, RestoreProgress } from '../db';
import { backupFileName } from './backup-file-name';
import { type PersistenceState, persistenceMessage, requestPersistentStorage } from './storage-persistence';

export interface BackupPanelProps {
  repo: Repository;
  who: string;
  /** The database was replaced: every screen reloads (this panel too), and the app shows `message`. */
  onRestored(message: string): void;
}

type Pending = { name: string; bytes: Uint8Array } | null;

const PHASE_TEXT: Record<RestoreProgress['phase'], string> = {
  reading: '正在读取并检查备份文件…',
  keeping: '正在为现有数据另存一份…',
  writing: '正在写入备份中的数据…',
};

/** The restore's progress as the clerk sees it: what is being done, and how much is written. */
export function restoreProgressText(progress: RestoreProgress): string {
  if (progress.phase !== 'writing' || progress.total === 0) return PHASE_TEXT[progress.phase];
  return `${PHASE_TEXT.writing}已写入 ${progress.done.toLocaleString('zh-CN')} / ${progress.total.toLocaleString('zh-CN')} 行（${Math.floor((progress.done / progress.total) * 100)}%）`;
}

/** The bar's value out of 100: reading and keeping take the first fifth, writing the rest. */
function progressValue(progress: RestoreProgress): number {
  if (progress.phase === 'reading') return 5;
  if (progress.phase === 'keeping') return 15;
  return 20 + (progress.total === 0 ? 80 : Math.round((progress.done / progress.total) * 80));
}

/** 备份 and 恢复 of the whole local database to one file, with a confirmation before a restore. */
export function BackupPanel({ repo, who, onRestored }: BackupPanelProps) {
  const [message, setMessage] = useState<{ kind: 'info' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [pending, setPending] = useState<Pending>(null);
  const [persistence, setPersistence] = useState<PersistenceState | null>(null);
  const [progress, setProgress] = useState<RestoreProgress | null>(null);

  // IndexedDB quota: ask the browser to keep the data (web build); the answer is shown below.
  useEffect(() => {
    let live = true;
    void requestPersistentStorage(typeof navigator === 'undefined' ? undefined : navigator.storage).then((state) => live && setPersistence(state));
    return () => {
      live = false;
    };
  }, []);

  const backup = async (): Promise<void> => {
    setBusy(true);
    setMessage(null);
    try {
      const bytes = await repo.exportBackup();
      const result = await getBridge().saveBackup({ suggestedName: backupFileName(new Date()), bytes });
      if (!result.ok) setMessage({ kind: 'error', text: result.issues.map((i) => i.message).join('\n') });
      else if (result.value.kind === 'cancelled') setMessage({ kind: 'info', text: '已取消备份。' });
      else setMessage({ kind: 'info', text: `已备份到文件“${'fileName' in result.value ? result.value.fileName : ''}”。请把它保存在 U 盘或其他电脑上。` });
    } catch (error) {
      setMessage({ kind: 'error', text: `备份失败：${error instanceof Error ? error.message : String(error)}。请重试。` });
    } finally {
      setBusy(false);
    }
  };

  const pick = async (): Promise<void> => {
    setMessage(null);
    const result = await getBridge().pickBackup();
    if (!result.ok) {
      setMessage({ kind: 'error', text: result.issues.map((i) => i.message).join('\n') });
      return;
    }
    if (result.value.kind === 'cancelled') return;
    setPending({ name: result.value.file.name, bytes: result.value.file.bytes });
  };

  const restore = async (chosen: NonNullable<Pending>): Promise<void> => {
    setPending(null);
    setBusy(true);
    setMessage(null);
    setProgress({ phase: 'reading', done: 0, total: 0 });
    try {
      const result = await repo.restoreBackup(chosen.bytes, who, setProgress);
      if (!result.ok) {
        setMessage({ kind: 'error', text: result.issues.map((i) => i.message).join('\n') });
        return;
      }
      onRestored(`已从“${chosen.name}”恢复（备份时间 ${result.value.createdAt.replace('T', ' ').slice(0, 16)}）。恢复前的数据已由程序自动另存一份。`);
    } finally {
      setBusy(false);
      setProgress(null);
    }
  };

  return (
    <div className="panel backup-panel">
      <h2>备份与恢复</h2>
      <p className="muted">备份会把本机的全部报表、项目台账、说明和修改记录保存为一个文件。建议每次报送后备份一次。</p>
      {persistence !== null && (
        <p className="muted storage-persistence" data-state={persistence}>
          {persistenceMessage(persistence)}
        </p>
      )}
      <div className="toolbar">
        <button type="button" className="btn primary" onClick={() => void backup()} disabled={busy}>
          备份到文件…
        </button>
        <button type="button" className="btn danger" onClick={() => void pick()} disabled={busy}>
          从备份恢复…
        </button>
      </div>
      {progress !== null && (
        <div className="restore-progress" role="status" aria-live="polite">
          <progress max={100} value={progressValue(progress)} aria-label="恢复进度" />
          <span>{restoreProgressText(progress)}</span>
        </div>
      )}
      {message !== null && <p className={`notice${message.kind === 'error' ? ' error' : ''}`} role="status">{message.text}</p>}
      {pending !== null && (
        <div className="modal-backdrop" role="dialog" aria-modal="true" aria-labelledby="restore-title">
          <div className="modal">
            <h3 id="restore-title">确认从备份恢复？</h3>
            <p>
              将用备份文件“{pending.name}”中的数据<strong>替换</strong>本机现有的全部数据（报表、项目台账、说明、设置）。
            </p>
            <p className="muted">恢复前，程序会先把现有数据自动另存一份，如恢复错了可以找回。</p>
            <div className="actions">
              <button type="button" className="btn" onClick={() => setPending(null)} autoFocus>
                取消
              </button>
              <button type="button" className="btn danger" onClick={() => void restore(pending)}>
                确认恢复
              </button>
            </div>
          </div>
        </div>
      )}
    </div>
  );
}
