import type { CellClassParams, CellEditRequestEvent, ColDef, GetRowIdParams, GridApi, GridReadyEvent, ITooltipParams, ValueFormatterParams } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { RosterField, RosterRow, ValidationIssue } from '../../src-shared/model';
import type { RosterCell } from '../db/schema';
import type { GridKeyCommand } from '../grid/grid-key-command';
import { gridTheme, spreadsheetGridOptions } from '../grid/grid-setup';
import { useSpreadsheetKeys, type FocusedCell } from '../grid/use-spreadsheet-keys';
import { useTypeCatcher } from '../grid/use-type-catcher';
import { issueClass } from '../returns/format-cell';
import { FLAG_CHOICES, nextFlag, parseRosterCell } from './parse-roster-cell';
import { pasteIntoRoster, type RosterRowChange } from './paste-into-roster';
import { isMoneyField, rosterCellText, rosterEditText, rosterHeader, rosterIssueIndex, rosterTotals } from './roster-display';

export interface RosterGridProps {
  fields: RosterField[];
  rows: RosterRow[];
  issues: readonly ValidationIssue[];
  readOnly: boolean;
  onUpdate(changes: RosterRowChange[], what: string): void;
  onAppend(rows: Array<Record<string, RosterCell>>, what: string): void;
  onUndo(): void;
  onRedo(): void;
  onMessage(message: string): void;
  onApi(api: GridApi<RosterRow> | null): void;
  onSelectionChanged(ids: string[]): void;
  /** The grid has taken new rows (a row just added can now be focused). */
  onRowDataUpdated(): void;
  /** How many projects the grid shows now (after its filters). */
  onShownChanged?(shown: number): void;
}

/** The id of the pinned 合计 row (no project has it: project ids are UUIDs). */
export const TOTAL_ROW_ID = '__roster-total__';

// Grid options kept stable between renders: AG Grid re-applies an option whose object changes.
const ROW_SELECTION = { mode: 'multiRow', checkboxes: true, headerCheckbox: true, enableClickSelection: false } as const;
const DEFAULT_COL_DEF: ColDef<RosterRow> = { wrapHeaderText: true, autoHeaderHeight: true };
const rosterRowId = (p: GetRowIdParams<RosterRow>): string => p.data.id;
const isTotalRow = (data: RosterRow | undefined): boolean => data?.id === TOTAL_ROW_ID;
const ROSTER_LOCALE: Record<string, string> = {
  noRowsToShow: '台账中还没有项目：点“新增项目”，或从 Excel 复制项目行后点选此表按 Ctrl+V 粘贴',
  filterOoo: '筛选…',
  contains: '包含',
  notContains: '不包含',
  equals: '等于',
  notEqual: '不等于',
  startsWith: '开头是',
  endsWith: '结尾是',
  blank: '为空',
  notBlank: '不为空',
  lessThan: '小于',
  greaterThan: '大于',
  lessThanOrEqual: '小于等于',
  greaterThanOrEqual: '大于等于',
  inRange: '介于',
  andCondition: '且',
  orCondition: '或',
};

/** The rows as the clerk sees them now: sorted and filtered. */
export function displayedRows(api: GridApi<RosterRow> | null): RosterRow[] {
  const rows: RosterRow[] = [];
  api?.forEachNodeAfterFilterAndSort((node) => {
    if (node.data !== undefined) rows.push(node.data);
  });
  return rows;
}

/** The zone's project roster (项目台账) in a grid: sort and filter by any column, edit in place, paste rows from a ledger. */
export function RosterGrid({ fields, rows, issues, readOnly, onUpdate, onAppend, onUndo, onRedo, onMessage, onApi, onSelectionChanged, onRowDataUpdated, onShownChanged }: RosterGridProps) {
  const apiRef = useRef<GridApi<RosterRow> | null>(null);
  const issueIndex = useMemo(() => rosterIssueIndex(issues), [issues]);
  const issueRef = useRef(issueIndex);
  issueRef.current = issueIndex;
  const fieldsByCode = useMemo(() => new Map(fields.map((f) => [f.code, f])), [fields]);

  const columnDefs = useMemo<ColDef<RosterRow>[]>(
    () =>
      fields.map((field): ColDef<RosterRow> => ({
        colId: field.code,
        headerName: rosterHeader(field),
        headerTooltip: field.synonyms.length > 0 ? `台账中也叫：${field.synonyms.slice(0, 6).join('、')}` : undefined,
        editable: (p) => !readOnly && !isTotalRow(p.data),
        sortable: true,
        filter: field.type === 'number' ? 'agNumberColumnFilter' : 'agTextColumnFilter',
        floatingFilter: true,
        width: field.code === 'name' ? 240 : field.type === 'boolean' ? 96 : field.type === 'date' ? 130 : field.code === 'note' ? 200 : 130,
        pinned: field.code === 'name' ? 'left' : undefined,
        valueGetter: (p) => {
          if (isTotalRow(p.data)) return p.data?.[field.code] ?? '';
          // Numbers stay numbers (sorting, number filter, full precision in the editor); the rest as text.
          const v = p.data?.[field.code] ?? null;
          return typeof v === 'number' ? v : rosterEditText(v, field);
        },
        // From the value, not the row: the select editor formats each of its options with this too
        // (formatting the row's own value showed three blank options).
        valueFormatter: (p: ValueFormatterParams<RosterRow>) => (typeof p.value === 'number' ? rosterCellText(p.value, field) : String(p.value ?? '')),
        cellEditor: field.type === 'boolean' ? 'agSelectCellEditor' : 'agTextCellEditor',
        cellEditorParams: field.type === 'boolean' ? { values: [...FLAG_CHOICES] } : {},
        cellClass: (p: CellClassParams<RosterRow>) => {
          const classes = [field.type === 'number' ? 'cell-number' : field.type === 'boolean' ? 'cell-flag' : 'cell-text'];
          if (isTotalRow(p.data)) return [...classes, 'roster-total'];
          const marked = p.data ? issueClass(issueRef.current.get(`${p.data.id}|${field.code}`) ?? []) : undefined;
          if (marked !== undefined) classes.push(marked);
          return classes;
        },
        tooltipValueGetter: (p: ITooltipParams<RosterRow>) => {
          if (isTotalRow(p.data as RosterRow | undefined)) return field.code === 'name' ? '合计：筛选后显示的项目个数与金额列之和' : undefined;
          const found = p.data ? issueRef.current.get(`${p.data.id}|${field.code}`) : undefined;
          return found?.map((i) => `${i.severity === 'error' ? '错误' : '提示'}：${i.message}`).join('\n');
        },
      })),
    [fields, readOnly],
  );

  const onCellEditRequest = useCallback(
    (event: CellEditRequestEvent<RosterRow>) => {
      const field = fieldsByCode.get(event.column.getColId());
      if (field === undefined) return;
      const raw = event.newValue === null || event.newValue === undefined ? '' : String(event.newValue);
      const parsed = parseRosterCell(raw, field);
      if (!parsed.ok) {
        onMessage(parsed.message);
        return;
      }
      if ((event.data[field.code] ?? null) === parsed.value) return;
      onUpdate([{ rowId: event.data.id, changes: { [field.code]: parsed.value } }], `${field.name}`);
    },
    [fieldsByCode, onMessage, onUpdate],
  );

  const onCommand = useCallback(
    (command: GridKeyCommand, focus: FocusedCell) => {
      if (readOnly) return;
      if (command === 'undo') return onUndo();
      if (command === 'redo') return onRedo();
      const row = displayedRows(apiRef.current)[focus.rowIndex];
      if (row === undefined || (row[focus.colId] ?? null) === null) return;
      onUpdate([{ rowId: row.id, changes: { [focus.colId]: null } }], '清除单元格');
    },
    [onUpdate, onUndo, onRedo, readOnly],
  );

  const onPasteText = useCallback(
    (text: string, focus: FocusedCell | null) => {
      if (readOnly) return;
      const result = pasteIntoRoster(text, focus, displayedRows(apiRef.current), fields);
      if (result.updates.length > 0) onUpdate(result.updates, `粘贴到 ${result.updates.length} 个项目`);
      if (result.newRows.length > 0) onAppend(result.newRows, `粘贴新增 ${result.newRows.length} 个项目`);
      const notes: string[] = [];
      if (result.newRows.length > 0) notes.push(`新增 ${result.newRows.length} 个项目`);
      if (result.droppedRows > 0) notes.push(`跳过表头或合计行 ${result.droppedRows} 行`);
      if (result.updates.length > 0) notes.push(`修改 ${result.updates.length} 个项目`);
      if (result.skipped > 0) notes.push(`${result.skipped} 个单元格超出最后一列，未粘贴`);
      if (result.problems.length > 0) notes.push(`${result.problems.length} 个单元格无法识别：${result.problems.slice(0, 3).join('；')}`);
      onMessage(notes.length > 0 ? `粘贴完成：${notes.join('，')}。` : '粘贴的内容与台账相同，没有改动。');
    },
    [fields, onAppend, onMessage, onUpdate, readOnly],
  );

  // Typed straight onto a selected text cell (an input method needs a text box): saved like an edit.
  const onTyped = useCallback(
    (cell: FocusedCell & { rowId: string | undefined }, text: string) => {
      const field = fieldsByCode.get(cell.colId);
      const row = cell.rowId === undefined ? undefined : apiRef.current?.getRowNode(cell.rowId)?.data;
      if (field === undefined || row === undefined) return;
      const parsed = parseRosterCell(text, field);
      if (!parsed.ok) {
        onMessage(parsed.message);
        return;
      }
      if ((row[field.code] ?? null) === parsed.value) return;
      onUpdate([{ rowId: row.id, changes: { [field.code]: parsed.value } }], `${field.name}`);
    },
    [fieldsByCode, onMessage, onUpdate],
  );
  // Flags take typed 是 / 否 / √ / × / 1 / 0 / y / n through the same box (an input method included).
  const isTextColumn = useCallback((colId: string) => {
    const type = fieldsByCode.get(colId)?.type;
    return type === 'text' || type === 'boolean';
  }, [fieldsByCode]);
  const catcher = useTypeCatcher({ apiRef, isTextColumn, readOnly, onCommit: onTyped });

  const keys = useSpreadsheetKeys(apiRef, { onCommand, onPaste: onPasteText, isIdleTypeTarget: catcher.isIdle });

  // Space on a selected flag turns it over: empty → 是 → 否 → empty.
  const onFlagSpace = useCallback(
    (event: KeyboardEvent<HTMLElement>): boolean => {
      if (event.key !== ' ' || event.ctrlKey || event.metaKey || event.altKey || readOnly || !catcher.isIdle(event.target)) return false;
      const api = apiRef.current;
      const focus = api?.getFocusedCell();
      const field = focus ? fieldsByCode.get(focus.column.getColId()) : undefined;
      if (api === null || focus === null || focus === undefined || focus.rowPinned || field?.type !== 'boolean' || api.getEditingCells().length > 0) return false;
      const row = displayedRows(api)[focus.rowIndex];
      if (row === undefined) return false;
      event.preventDefault();
      event.stopPropagation();
      const before = row[field.code] ?? null;
      onUpdate([{ rowId: row.id, changes: { [field.code]: nextFlag(before) } }], field.name);
      return true;
    },
    [catcher, fieldsByCode, onUpdate, readOnly],
  );

  // Issue marks can change on cells whose value did not (a rule over two fields): restyle all.
  useEffect(() => {
    const api = apiRef.current;
    // Never while a cell is being edited: the refresh would drop the editor and what is typed in it.
    if (api === null || api.getEditingCells().length > 0) return;
    api.refreshCells({ force: true });
  }, [issueIndex]);

  // 合计, pinned at the bottom: the projects the filters let through, and their money columns summed.
  const [totalRow, setTotalRow] = useState<RosterRow[]>([]);
  const onShownRef = useRef(onShownChanged);
  onShownRef.current = onShownChanged;
  const refreshTotals = useCallback(() => {
    const shown = displayedRows(apiRef.current);
    const totals = rosterTotals(fields, shown);
    const row: RosterRow = { id: TOTAL_ROW_ID };
    const nameField = fields[0]?.code ?? 'name';
    row[nameField] = `合计（${totals.count} 个项目）`;
    for (const f of fields) if (isMoneyField(f)) row[f.code] = totals.sums[f.code] ?? 0;
    // Only a change is handed to the grid: new pinned rows must not start another round of updates.
    setTotalRow((before) => (JSON.stringify(before[0]) === JSON.stringify(row) ? before : [row]));
    onShownRef.current?.(totals.count);
  }, [fields]);

  return (
    // Focusable, so that a clerk can click an empty roster and paste a whole ledger into it.
    <div className="roster-grid" tabIndex={0} aria-label="项目台账表格" onKeyDownCapture={(event) => {
      if (!onFlagSpace(event)) keys.onKeyDownCapture(event);
    }} onPaste={keys.onPaste} onFocus={catcher.onFocus}>
      <textarea ref={keys.pasteTarget} className="paste-target" aria-hidden="true" tabIndex={-1} />
      <textarea ref={catcher.boxRef} className={catcher.typing ? 'type-catcher typing' : 'type-catcher'} aria-label="在所选单元格中输入" tabIndex={-1} rows={1} spellCheck={false} {...catcher.boxProps} />
      <AgGridReact<RosterRow>
        theme={gridTheme}
        {...spreadsheetGridOptions}
        rowData={rows}
        columnDefs={columnDefs}
        getRowId={rosterRowId}
        rowSelection={ROW_SELECTION}
        defaultColDef={DEFAULT_COL_DEF}
        onSelectionChanged={(e) => onSelectionChanged(e.api.getSelectedRows().map((r) => r.id))}
        onRowDataUpdated={onRowDataUpdated}
        pinnedBottomRowData={totalRow}
        // Rows as compact as a spreadsheet's: 15 projects and more in view on a 768 px laptop screen.
        rowHeight={28}
        floatingFiltersHeight={30}
        onModelUpdated={refreshTotals}
        onCellEditRequest={onCellEditRequest}
        onCellFocused={catcher.onCellFocused}
        onBodyScroll={catcher.onBodyScroll}
        onGridReady={(e: GridReadyEvent<RosterRow>) => {
          apiRef.current = e.api;
          onApi(e.api);
        }}
        onGridPreDestroyed={() => {
          apiRef.current = null;
          onApi(null);
        }}
        localeText={ROSTER_LOCALE}
      />
    </div>
  );
}
