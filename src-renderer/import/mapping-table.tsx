import type { LedgerMapping, LedgerTable, MappingTarget } from '../../src-shared/ledger';
import type { Unit } from '../../src-shared/model';

const SOURCE_UNITS: Unit[] = ['亿元', '万元', '元', '%', '亩', '平方米', '万平方米'];

function sample(table: LedgerTable, position: number): string {
  const values: string[] = [];
  for (const row of table.rows) {
    const v = row.cells[position];
    if (v !== null && v !== undefined && v !== '') values.push(String(v));
    if (values.length === 2) break;
  }
  return values.join('、');
}

const SOURCE_LABEL = { auto: '自动识别', saved: '上次的映射', user: '已修改', file: '映射文件' } as const;

/** One line per ledger column: its header, a sample, what it maps to and the unit of its cells. */
export function MappingTable(props: {
  table: LedgerTable;
  mapping: LedgerMapping;
  targets: MappingTarget[];
  onTarget(column: number, target: string | null): void;
  onUnit(column: number, unit: Unit | undefined): void;
  onPercentScale(column: number, scale: 'fraction' | 'percent' | undefined): void;
  /** How each percent column is read now (decided from its cells unless the clerk chose). */
  percentScales: Map<number, 'fraction' | 'percent'>;
}) {
  const { table, mapping, targets } = props;
  const byCode = new Map(targets.map((t) => [t.code, t]));
  return (
    <table className="import-table mapping-table" data-testid="mapping-table">
      <thead>
        <tr>
          <th>列</th>
          <th>台账中的表头</th>
          <th>示例</th>
          <th>导入为</th>
          <th>单元格单位</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {mapping.columns.map((a) => {
          const col = table.columns[a.column];
          if (!col) return null;
          const target = a.target === null ? undefined : byCode.get(a.target);
          return (
            <tr key={a.column} data-column={col.letter} className={col.hidden ? 'hidden-column' : undefined}>
              <td>{col.letter}</td>
              <td>
                {col.header}
                {col.hidden && <span className="tag">隐藏列</span>}
                {col.isIndex && <span className="tag">序号</span>}
              </td>
              <td className="muted">{sample(table, a.column)}</td>
              <td>
                <select aria-label={`「${col.header}」导入为`} value={a.target ?? ''} onChange={(e) => props.onTarget(a.column, e.target.value === '' ? null : e.target.value)}>
                  <option value="">（不导入）</option>
                  {targets.map((t) => (
                    <option key={t.code} value={t.code}>
                      {t.name}
                      {t.unit && t.unit !== '文本' ? `（${t.unit}）` : ''}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                {target?.type === 'number' && target.unit === '%' && (
                  <select
                    aria-label={`「${col.header}」的百分数写法`}
                    value={a.percentScale ?? ''}
                    onChange={(e) => props.onPercentScale(a.column, e.target.value === 'fraction' ? 'fraction' : e.target.value === 'percent' ? 'percent' : undefined)}
                  >
                    <option value="">自动（现按{props.percentScales.get(a.column) === 'fraction' ? '小数，如 0.2035 = 20.35%' : '百分数，如 20.35'}）</option>
                    <option value="fraction">小数：0.2035 = 20.35%</option>
                    <option value="percent">百分数：20.35 = 20.35%</option>
                  </select>
                )}
                {target?.type === 'number' && target.unit !== undefined && target.unit !== '%' && (
                  <select aria-label={`「${col.header}」的单位`} value={a.sourceUnit ?? ''} onChange={(e) => props.onUnit(a.column, SOURCE_UNITS.find((u) => u === e.target.value))}>
                    <option value="">{col.headerUnit ? `按表头：${col.headerUnit}` : table.captionUnit ? `按表上“单位”：${table.captionUnit}` : `同字段：${target.unit}`}</option>
                    {SOURCE_UNITS.map((u) => (
                      <option key={u} value={u}>
                        {u}
                      </option>
                    ))}
                  </select>
                )}
              </td>
              <td className="muted">{a.target !== null || a.source !== 'auto' ? SOURCE_LABEL[a.source] : ''}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
