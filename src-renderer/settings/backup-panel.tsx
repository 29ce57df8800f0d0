import { useEffect, useState } from 'react';
import { getBridge } from '../bridge';
import { contentsText, sizeText, type BackupContents, type Repository, type RestoreProgress, type StoredBackupInfo } from '../db';
import { backupFileName } from './backup-file-name';
import { type PersistenceState, persistenceMessage, requestPersistentStorage } from './storage-persistence';

export interface BackupPanelProps {
  repo: Repository;
  who: string;
  /** The database was replaced: every screen reloads (this panel too), and the app shows `message`. */
  onRestored(message: string): void;
}

/** What a restore would put in place, shown before anything is replaced. */
type Pending =
  | { kind: 'file'; name: string; bytes: Uint8Array; createdAt: string; contents: BackupContents }
  | { kind: 'stored'; info: StoredBackupInfo }
  | null;

/** 2024-04-08 16:30 in the computer's own time. */
export function localTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '（时间不明）';
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
}

function reasonText(info: StoredBackupInfo): string {
  if (info.reason === 'before-restore') return '恢复备份前自动保存';
  if (info.reason === 'pre-upgrade') return `程序升级前自动保存（数据库第 ${info.schemaVersion} 版）`;
  return '备份';
}

function homeZoneText(contents: BackupContents): string {
  if (contents.homeZoneId === undefined) return '未设置';
  return contents.zones.find((z) => z.id === contents.homeZoneId)?.name ?? contents.homeZoneId;
}

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
  const [stored, setStored] = useState<StoredBackupInfo[] | null>(null);

  // The copies the program made by itself (before a restore, before an upgrade), newest first.
  useEffect(() => {
    let live = true;
    void repo.listStoredBackups().then(
      (list) => live && setStored(list),
      (error: unknown) => live && setMessage({ kind: 'error', text: `无法读取自动备份列表：${error instanceof Error ? error.message : String(error)}` }),
    );
    return () => {
      live = false;
    };
  }, [repo]);
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
    const { name, bytes } = result.value.file;
    // The file is read and checked first: a bad one is refused here, before any confirmation.
    const inspected = await repo.inspectBackup(bytes);
    if (!inspected.ok) {
      setMessage({ kind: 'error', text: `“${name}”不能恢复：${inspected.issues.map((i) => i.message).join('\n')}` });
      return;
    }
    setPending({ kind: 'file', name, bytes, createdAt: inspected.value.createdAt, contents: inspected.value.contents });
  };

  const restore = async (chosen: NonNullable<Pending>): Promise<void> => {
    setPending(null);
    setBusy(true);
    setMessage(null);
    setProgress({ phase: 'reading', done: 0, total: 0 });
    try {
      const result = chosen.kind === 'file' ? await repo.restoreBackup(chosen.bytes, who, setProgress) : await repo.restoreStoredBackup(chosen.info.id, who, setProgress);
      if (!result.ok) {
        setMessage({ kind: 'error', text: result.issues.map((i) => i.message).join('\n') });
        return;
      }
      const from = chosen.kind === 'file' ? `“${chosen.name}”` : ` ${localTime(chosen.info.createdAt)} 的自动备份`;
      onRestored(`已从${from}恢复（备份时间 ${localTime(result.value.createdAt)}）。恢复前的数据已由程序自动另存一份，见“备份与恢复”中的自动备份列表。`);
    } finally {
      setBusy(false);
      setProgress(null);
    }
  };

  const saveStored = async (info: StoredBackupInfo): Promise<void> => {
    setMessage(null);
    const bytes = await repo.storedBackupBytes(info.id);
    if (bytes === undefined) {
      setMessage({ kind: 'error', text: '这份自动备份已不在了（只保留最近 10 份）。请刷新后重试。' });
      return;
    }
    const result = await getBridge().saveBackup({ suggestedName: backupFileName(new Date(info.createdAt)), bytes });
    if (!result.ok) setMessage({ kind: 'error', text: result.issues.map((i) => i.message).join('\n') });
    else if (result.value.kind === 'saved' || result.value.kind === 'downloaded') setMessage({ kind: 'info', text: `已把 ${localTime(info.createdAt)} 的自动备份另存为文件“${'fileName' in result.value ? result.value.fileName : ''}”。` });
  };

  const pendingTime = pending === null ? '' : localTime(pending.kind === 'file' ? pending.createdAt : pending.info.createdAt);
  const pendingContents = pending === null ? undefined : pending.kind === 'file' ? pending.contents : pending.info.contents;

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
      <h3>自动备份</h3>
      <p className="muted">恢复备份前和程序升级前，程序会自动把当时的数据另存一份（只保留最近 10 份）。恢复错了，可在这里找回。</p>
      {stored !== null && stored.length === 0 && <p className="muted stored-backups-empty">还没有自动备份。</p>}
      {stored !== null && stored.length > 0 && (
        <table className="return-list stored-backups" aria-label="自动备份">
          <thead>
            <tr>
              <th>时间</th>
              <th>原因</th>
              <th>大小</th>
              <th>内容</th>
              <th>操作</th>
            </tr>
          </thead>
          <tbody>
            {stored.map((info) => (
              <tr key={info.id} data-backup-id={info.id}>
                <td>{localTime(info.createdAt)}</td>
                <td>{reasonText(info)}</td>
                <td>{sizeText(info.size)}</td>
                <td>{info.contents === undefined ? '（无法读取，不能恢复）' : contentsText(info.contents)}</td>
                <td className="actions-cell">
                  <button type="button" className="btn danger" disabled={busy || info.contents === undefined} onClick={() => setPending({ kind: 'stored', info })}>
                    恢复此备份
                  </button>
                  <button type="button" className="btn" disabled={busy} onClick={() => void saveStored(info)}>
                    另存为文件…
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {pending !== null && (
        <div className="modal-backdrop" role="dialog" aria-modal="true" aria-labelledby="restore-title">
          <div className="modal">
            <h3 id="restore-title">确认从备份恢复？</h3>
            <p>
              将用{pending.kind === 'file' ? `备份文件“${pending.name}”` : '这份自动备份'}中的数据<strong>替换</strong>本机现有的全部数据（报表、项目台账、说明、设置）。
            </p>
            <dl className="restore-facts">
              <dt>备份时间</dt>
              <dd>{pendingTime}</dd>
              {pendingContents !== undefined && (
                <>
                  <dt>本开发区</dt>
                  <dd>{homeZoneText(pendingContents)}</dd>
                  <dt>含开发区</dt>
                  <dd>{pendingContents.zones.length === 0 ? '无' : pendingContents.zones.map((z) => z.name).join('、')}</dd>
                  <dt>报表</dt>
                  <dd>{pendingContents.returns} 份</dd>
                  <dt>项目</dt>
                  <dd>{pendingContents.projects} 个</dd>
                </>
              )}
            </dl>
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
