import { STATE_HELP } from '../../src-shared/lifecycle';
import type { AuditEntry } from '../db';
import { localTime } from './outbox-rows';
import type { SubmissionState } from './submission-store';

/** The return's state, revision and reason, and who changed the state when. */
export function LifecyclePanel({ state }: { state: SubmissionState }) {
  const { lifecycle } = state;
  const last = state.history[state.history.length - 1];
  return (
    <div className="lifecycle-panel">
      <p className="lifecycle-head">
        <span className={`status status-${lifecycle.state}`} data-testid="submission-status">
          {lifecycle.state}
        </span>
        <span>{lifecycle.revision === 0 ? '尚未报送' : `已报送 ${lifecycle.revision} 版`}</span>
        {last !== undefined && (
          <span className="muted" data-testid="last-change">
            {localTime(last.at)} 由 {last.who} 改为“{String(last.new)}”
          </span>
        )}
        {lifecycle.submittedAt !== null && <span className="muted">最近报送：{localTime(lifecycle.submittedAt)}</span>}
      </p>
      <p className="muted">{STATE_HELP[lifecycle.state]}</p>
      {lifecycle.state === '退回修改' && lifecycle.reopenReason !== null && <p className="notice warning">退回原因：{lifecycle.reopenReason}</p>}
      {state.history.length > 0 && (
        <details className="lifecycle-history">
          <summary>状态记录（{state.history.length} 条）</summary>
          <ol>
            {state.history.map((entry: AuditEntry) => (
              <li key={entry.seq ?? `${entry.at}-${String(entry.new)}`}>
                {localTime(entry.at)} · {entry.who} · {String(entry.old)} → {String(entry.new)}
              </li>
            ))}
          </ol>
        </details>
      )}
    </div>
  );
}
