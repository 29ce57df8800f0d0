import { useEffect, useRef, useState } from 'react';
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
export interface PreviewTableProps {
  preview: Preview;
  targets: MappingTarget[];
  mappedCodes: string[];
  showSheet?: boolean;
  isExcluded(row: PreviewRow): boolean;
  onExclude(key: string, excluded: boolean): void;
  /** A row to scroll to and mark (a link from the list of rows not imported). */
  focusKey?: string | null;
  /** 视为同一项目: row key → the stored project's id; a row not in it is imported as a new project. */
  sameAs?: ReadonlyMap<string, string>;
  onSameAs?(key: string, existingId: string | null): void;
}

/** 作为新项目 / 视为同一项目 for a row whose name is near a stored project's. */
function SameProjectChoice({ row, sameAs, onSameAs }: { row: PreviewRow; sameAs: ReadonlyMap<string, string>; onSameAs(key: string, existingId: string | null): void }) {
  const chosen = sameAs.get(row.key) ?? '';
  return (
    <label className="same-project">
      名称相近：
      <select aria-label={`第 ${row.row} 行与已有项目名称相近`} value={chosen} onChange={(e) => onSameAs(row.key, e.target.value === '' ? null : e.target.value)}>
        <option value="">作为新项目</option>
        {row.nearDuplicates.map((d) => (
          <option key={d.id} value={d.id}>
            视为同一项目：「{d.name}」
          </option>
        ))}
      </select>
      {chosen !== '' && <span className="muted">（按已有项目更新，名称不变）</span>}
    </label>
  );
}

export function PreviewTable(props: PreviewTableProps) {
  const [onlyProblems, setOnlyProblems] = useState(false);
  const mapped = new Set(props.mappedCodes);
  const columns = props.targets.filter((t) => mapped.has(t.code) && !t.code.startsWith('$'));
  const rows = onlyProblems ? props.preview.rows.filter((r) => r.issues.length > 0 || r.status !== 'new' || r.key === props.focusKey) : props.preview.rows;
  const focusIndex = props.focusKey ? rows.findIndex((r) => r.key === props.focusKey) : -1;
  // The first rows, and the row a link points to even when it lies further down.
  const shown = focusIndex >= SHOWN_ROWS ? [...rows.slice(0, SHOWN_ROWS), rows[focusIndex] as PreviewRow] : rows.slice(0, SHOWN_ROWS);
  const tableRef = useRef<HTMLTableElement>(null);
  const focusKey = props.focusKey;
  useEffect(() => {
    if (!focusKey) return;
    const tr = [...(tableRef.current?.querySelectorAll<HTMLTableRowElement>('tr[data-key]') ?? [])].find((el) => el.dataset.key === focusKey);
    tr?.scrollIntoView({ block: 'center' });
    tr?.querySelector<HTMLInputElement>('input[type="checkbox"]')?.focus({ preventScroll: true });
  }, [focusKey, props.preview]);
  return (
    <div>
      <label className="only-problems">
        <input type="checkbox" checked={onlyProblems} onChange={(e) => setOnlyProblems(e.target.checked)} /> 只看有问题或已存在的行
      </label>
      <div className="import-scroll">
        <table className="import-table preview-table" data-testid="preview-table" ref={tableRef}>
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
            {shown.map((r) => {
              const excluded = props.isExcluded(r);
              const changed = new Set(r.changes.map((c) => c.field));
              return (
                <tr key={r.key} data-key={r.key} data-row={r.row} data-sheet={r.sheet} data-status={r.status} className={[excluded ? 'excluded' : '', r.key === props.focusKey ? 'focused' : ''].join(' ').trim() || undefined} aria-selected={r.key === props.focusKey}>
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
                    {r.nearDuplicates.length > 0 && props.sameAs && props.onSameAs && <SameProjectChoice row={r} sameAs={props.sameAs} onSameAs={props.onSameAs} />}
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
