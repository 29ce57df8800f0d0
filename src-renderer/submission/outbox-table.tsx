import { describeUploadItem, type UploadItem } from '../../src-shared/sync/upload-queue';
import { localTime, type OutboxRow } from './outbox-rows';

/** 发件箱: every submission workbook of the zone, newest first. */
export function OutboxTable({ rows, uploads }: { rows: OutboxRow[]; uploads?: UploadItem[] }) {
  const upload = (id: string) => uploads?.find((u) => u.submissionId === id);
  if (rows.length === 0) return <p className="muted">尚未报送过任何报表。</p>;
  return (
    <table className="outbox-table" aria-label="发件箱">
      <thead>
        <tr>
          <th>报告期</th>
          <th>文件名</th>
          <th>报送时间</th>
          <th>版次</th>
          <th>校验码（SHA-256）</th>
          <th>状态</th>
          {uploads !== undefined && <th>联网报送</th>}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.submissionId} data-revision={row.revision} className={row.superseded ? 'superseded' : undefined}>
            <td>{row.periodLabel}</td>
            <td className="file-name">{row.fileName}</td>
            <td>{localTime(row.at)}</td>
            <td>第 {row.revision} 版</td>
            <td>
              <code title={row.sha256}>{row.sha256.slice(0, 16)}…</code>
            </td>
            <td className="outbox-current">{row.superseded ? <span className="superseded-mark">已有更新版本（第 {row.latestRevision} 版），此文件作废</span> : <span className="current-mark">最新</span>}</td>
            {uploads !== undefined && (
              <td className={`upload-state state-${upload(row.submissionId)?.state ?? 'none'}`} data-testid="upload-state" title={upload(row.submissionId)?.lastError ?? undefined}>
                {upload(row.submissionId) ? describeUploadItem(upload(row.submissionId)!) : '未联网报送（文件）'}
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
