import { useState } from 'react';
import type { MappedValue, MappingTarget, Preview, PreviewRow } from '../../src-shared/ledger';

const STATUS_LABEL = { new: '新增', changed: '更新', unchanged: '未变', invalid: '不能导入' } as const;
/** The preview lists this many rows; the import takes them all. */
const SHOWN_ROWS = 300;

function show(value: MappedValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? '是' : '否';
  return String(value);
}

/** The rows as they will be stored, with their status, problems and an include box each. */
export function PreviewTable(props: { preview: Preview; targets: MappingTarget[]; mappedCodes: string[]; showSheet?: boolean; isExcluded(row: PreviewRow): boolean; onExclude(key: string, excluded: boolean): void }) {
  const [onlyProblems, setOnlyProblems] = useState(false);
  const mapped = new Set(props.mappedCodes);
  const columns = props.targets.filter((t) => mapped.has(t.code) && !t.code.startsWith('$'));
  const rows = onlyProblems ? props.preview.rows.filter((r) => r.issues.length > 0 || r.status !== 'new') : props.preview.rows;
  return (
    <div>
      <label className="only-problems">
        <input type="checkbox" checked={onlyProblems} onChange={(e) => setOnlyProblems(e.target.checked)} /> 只看有问题或已存在的行
      </label>
      <div className="import-scroll">
        <table className="import-table preview-table" data-testid="preview-table">
          <thead>
            <tr>
              <th>导入</th>
              {props.showSheet && <th>工作表</th>}
              <th>行</th>
              <th>状态</th>
              {columns.map((c) => (
                <th key={c.code}>
                  {c.name}
                  {c.unit && c.type === 'number' ? `（${c.unit}）` : ''}
                </th>
              ))}
              <th>问题</th>
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, SHOWN_ROWS).map((r) => {
              const excluded = props.isExcluded(r);
              const changed = new Set(r.changes.map((c) => c.field));
              return (
                <tr key={r.key} data-row={r.row} data-sheet={r.sheet} data-status={r.status} className={excluded ? 'excluded' : undefined}>
                  <td>
                    <input type="checkbox" aria-label={props.showSheet ? `导入「${r.sheet}」第 ${r.row} 行` : `导入第 ${r.row} 行`} checked={!excluded} disabled={r.status === 'invalid'} onChange={(e) => props.onExclude(r.key, !e.target.checked)} />
                  </td>
                  {props.showSheet && <td>{r.sheet}</td>}
                  <td>{r.row}</td>
                  <td className={`status-${r.status}`}>{STATUS_LABEL[r.status]}</td>
                  {columns.map((c) => (
                    <td key={c.code} className={changed.has(c.code) ? 'changed' : undefined} title={changed.has(c.code) ? `原为：${show(r.changes.find((x) => x.field === c.code)?.from)}` : undefined}>
                      {show(r.values[c.code])}
                    </td>
                  ))}
                  <td className="row-issues">
                    {r.issues.map((i, n) => (
                      <div key={n} className={`issue-${i.severity}`}>
                        {i.message}
                      </div>
                    ))}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {rows.length > SHOWN_ROWS && <p className="muted">共 {rows.length} 行，这里列出前 {SHOWN_ROWS} 行；导入时全部勾选的行都会导入。</p>}
    </div>
  );
}
