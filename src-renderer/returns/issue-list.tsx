import { memo, useState } from 'react';
import type { ValidationIssue } from '../../src-shared/model';
import { isExplained, orderIssues, summarizeIssues } from './summarize-issues';

export interface IssueListProps {
  issues: readonly ValidationIssue[];
  explanations: Readonly<Record<string, string>>;
  /** Where the issue sits, for the list (e.g. 规上工业增加值·本期). */
  placeOf(issue: ValidationIssue): string;
  onJump(issue: ValidationIssue): void;
  onExplain(key: string, text: string): void;
  readOnly: boolean;
}

function ExplanationBox({ issue, text, onExplain, readOnly }: { issue: ValidationIssue; text: string; onExplain(key: string, text: string): void; readOnly: boolean }) {
  const [draft, setDraft] = useState(text);
  const [editing, setEditing] = useState(false);
  const shown = editing ? draft : text;
  return (
    <label className="explanation">
      <span>合理性说明</span>
      <textarea
        value={shown}
        readOnly={readOnly}
        rows={2}
        placeholder="请说明数据变化的原因，例如：新投产项目集中释放产能"
        onFocus={() => {
          setDraft(text);
          setEditing(true);
        }}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={() => {
          setEditing(false);
          if (draft !== text) onExplain(issue.key, draft);
        }}
      />
    </label>
  );
}

/** The side list of a return's problems: click one to go to its cell; warnings take a 合理性说明. */
export function IssueList({ issues, explanations, placeOf, onJump, onExplain, readOnly }: IssueListProps) {
  const summary = summarizeIssues(issues, explanations);
  const ordered = orderIssues(issues, explanations);
  return (
    <aside className="issue-list" aria-label="校验问题">
      <h3>校验结果</h3>
      <p className="issue-summary">
        {issues.length === 0 ? (
          <span className="ok">未发现问题</span>
        ) : (
          <>
            <span className="count-error">错误 {summary.errors}</span>
            <span className="count-warning">待说明 {summary.unexplained}</span>
            <span className="count-explained">已说明 {summary.explained}</span>
          </>
        )}
      </p>
      <ol>
        {ordered.map((issue) => {
          const explained = isExplained(issue, explanations);
          return (
            <li key={issue.key} className={`issue issue-${issue.severity}${explained ? ' issue-explained' : ''}`} data-issue-key={issue.key}>
              <button type="button" className="issue-jump" onClick={() => onJump(issue)} title="转到该单元格">
                <span className="issue-badge">{issue.severity === 'error' ? '错误' : explained ? '已说明' : '提示'}</span>
                <span className="issue-place">{placeOf(issue)}</span>
                <span className="issue-message">{issue.message}</span>
              </button>
              {issue.severity === 'warning' && (
                <ExplanationBox issue={issue} text={explanations[issue.key] ?? ''} onExplain={onExplain} readOnly={readOnly} />
              )}
            </li>
          );
        })}
      </ol>
    </aside>
  );
}

/** The issue list, drawn again only when its props change (not at every keystroke of a cell). */
export const KeptIssueList = memo(IssueList);
