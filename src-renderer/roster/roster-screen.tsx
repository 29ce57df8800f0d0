import type { GridApi } from 'ag-grid-community';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { computeReturn } from '../../src-shared/compute';
import type { IndicatorSet, RosterRow, ValidationIssue, Zone, ZoneReturn } from '../../src-shared/model';
import { periodShortLabel } from '../../src-shared/period';
import { validateReturn } from '../../src-shared/validate';
import { uuidV4 } from '../../src-shared/crypto';
import { getBridge } from '../bridge';
import type { Repository, RosterCell } from '../db';
import { UndoStack } from '../grid/undo-stack';
import { initialSaveState, saveLabel, trackSave, type SaveEvent } from '../returns/save-tracker';
import type { RosterRowChange } from './paste-into-roster';
import { applyRosterAction, deleteAction, describeRosterAction, invertRosterAction, updateAction, type RosterAction } from './roster-actions';
import { displayedRows, RosterGrid } from './roster-grid';
import { measureGroups } from './roster-measures';

export interface RosterScreenProps {
  repo: Repository;
  zone: Zone;
  who: string;
  set: IndicatorSet;
  /** The return whose figures the roster drives, shown live beside the grid. */
  returnId: string | null;
  /** A cell to go to on opening (from an issue of the return). */
  focus: { rowId: string; field: string } | null;
}

const MEASURES_OPEN_KEY = 'zone-returns:roster-measures-open';

/** Whether the clerk left the figures above the roster open (open unless they closed it). */
function measuresOpenRemembered(): boolean {
  try {
    return globalThis.localStorage?.getItem(MEASURES_OPEN_KEY) !== 'false';
  } catch {
    return true;
  }
}

function rememberMeasuresOpen(open: boolean): void {
  try {
    globalThis.localStorage?.setItem(MEASURES_OPEN_KEY, String(open));
  } catch {
    // Storage refused (private mode): the panel just opens again next time.
  }
}

/** 项目台账: the zone's projects, edited in a grid, with the 三个一批 figures and rates following live. */
export function RosterScreen({ repo, zone, who, set, returnId, focus }: RosterScreenProps) {
  const [rows, setRows] = useState<RosterRow[] | null>(null);
  const [ret, setRet] = useState<ZoneReturn | null>(null);
  const [selected, setSelected] = useState<string[]>([]);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [message, setMessage] = useState<{ text: string; problem: boolean } | null>(null);
  const [saves, setSaves] = useState(initialSaveState);
  const [shown, setShown] = useState<number | null>(null);
  const [measuresOpen, setMeasuresOpen] = useState(measuresOpenRemembered);
  const [exporting, setExporting] = useState(false);
  const gridBox = useRef<HTMLDivElement>(null);
  const [gridHeight, setGridHeight] = useState<number | null>(null);
  const apiRef = useRef<GridApi<RosterRow> | null>(null);
  const pendingFocus = useRef<{ rowId: string; field: string } | null>(focus);

  const track = (event: SaveEvent): void => setSaves((s) => trackSave(s, event));
  const context = useMemo(() => (returnId === null ? {} : { returnId }), [returnId]);

  const reload = useCallback(async () => {
    setRows(await repo.listRoster(zone.id));
  }, [repo, zone.id]);

  useEffect(() => {
    void reload();
    if (returnId !== null) {
      void repo.loadReturn(returnId).then((r) => setRet(r.ok ? r.value.zoneReturn : null));
    }
  }, [reload, repo, returnId]);

  // Focus a requested row once the grid has it (after an add, or coming from an issue). The grid
  // takes new rows after React's render, so this runs again when it reports its rows updated.
  const focusPending = useCallback(() => {
    const want = pendingFocus.current;
    const api = apiRef.current;
    if (want === null || api === null) return;
    const index = displayedRows(api).findIndex((r) => r.id === want.rowId);
    if (index < 0) return;
    pendingFocus.current = null;
    api.ensureIndexVisible(index);
    api.ensureColumnVisible(want.field);
    // The row is drawn in the grid's next frame; focusing it before then lands on the header.
    // Only the focus: typing then starts editing, as in Excel.
    requestAnimationFrame(() => api.setFocusedCell(index, want.field));
  }, []);
  useEffect(focusPending, [rows, focusPending]);

  const liveReturn = useMemo<ZoneReturn | null>(() => (ret !== null && rows !== null ? { ...ret, roster: rows } : null), [ret, rows]);
  const computed = useMemo(() => (liveReturn === null ? null : computeReturn(set, liveReturn, { zoneType: zone.type })), [liveReturn, set, zone.type]);
  const issues = useMemo<ValidationIssue[]>(() => (liveReturn === null || computed === null ? [] : validateReturn(set, liveReturn, computed).filter((i) => i.target.kind === 'roster')), [liveReturn, computed, set]);
  const groups = useMemo(() => (computed === null ? [] : measureGroups(set, zone.type, computed)), [computed, set, zone.type]);

  const undoStack = useRef(new UndoStack<RosterAction>());
  const rowsRef = useRef(rows);
  rowsRef.current = rows;

  /** Shows the action, saves it in one transaction, and reloads the roster if the save is refused. */
  const run = useCallback(
    async (action: RosterAction): Promise<boolean> => {
      setRows((r) => (r === null ? r : applyRosterAction(r, action)));
      track({ kind: 'started' });
      const result =
        action.kind === 'update'
          ? await repo.updateRowFields(zone.id, action.after.map((c) => ({ id: c.rowId, fields: c.changes })), who, context)
          : action.kind === 'add'
            ? await repo.addRows(zone.id, action.rows.map((r) => ({ ...r })), who, action.place?.position ? { ...context, positions: action.place.position } : context)
            : await repo.deleteRows(zone.id, action.rows.map((r) => r.id), who, context);
      if (result.ok) {
        // Where the deleted rows stood in the stored order: undoing the delete puts them back there.
        if (action.kind === 'delete' && action.place && result.value.positions) action.place.position = result.value.positions;
        track({ kind: 'committed', savedAt: result.value.savedAt });
        return true;
      }
      const text = result.issues.map((i) => i.message).join('；');
      track({ kind: 'failed', message: text });
      setMessage({ text, problem: true });
      await reload();
      return false;
    },
    [repo, zone.id, who, context, reload],
  );

  const perform = useCallback(
    (action: RosterAction) => {
      undoStack.current.push(action);
      void run(action).then((ok) => {
        if (!ok) undoStack.current.discard(action);
      });
    },
    [run],
  );

  const undoOrRedo = useCallback(
    (which: 'undo' | 'redo') => {
      const action = which === 'undo' ? undoStack.current.undo() : undoStack.current.redo();
      if (action === undefined) {
        setMessage({ text: which === 'undo' ? '没有可以撤销的修改。' : '没有可以恢复的修改。', problem: false });
        return;
      }
      void run(which === 'undo' ? invertRosterAction(action) : action).then((ok) => {
        if (!ok) undoStack.current.restore(action, which);
        else setMessage({ text: `已${which === 'undo' ? '撤销' : '恢复'}：${describeRosterAction(action)}。`, problem: false });
      });
    },
    [run],
  );

  const onUpdate = useCallback(
    (changes: RosterRowChange[]) => {
      perform(updateAction(rowsRef.current ?? [], changes));
    },
    [perform],
  );

  const onAppend = useCallback(
    (newRows: Array<Record<string, RosterCell>>, focusNew = false) => {
      // Ids are made here, so that undoing the add (and redoing it) names the same rows.
      const rowsWithIds: RosterRow[] = newRows.map((r) => ({ ...r, id: uuidV4() }));
      const first = rowsWithIds[0];
      if (focusNew && first !== undefined) {
        pendingFocus.current = { rowId: first.id, field: set.roster.fields[0]?.code ?? 'name' };
        // An empty new project would be hidden by an active filter.
        if (apiRef.current?.isAnyFilterPresent() === true) apiRef.current.setFilterModel(null);
      }
      perform({ kind: 'add', rows: rowsWithIds });
    },
    [perform, set],
  );

  const deleteSelected = (): void => {
    setConfirmDelete(false);
    const ids = new Set(selected);
    const doomed = (rows ?? []).filter((r) => ids.has(r.id));
    perform(deleteAction(rows ?? [], doomed));
    setMessage({ text: `已删除 ${doomed.length} 个项目（可按 Ctrl+Z 撤销）。`, problem: false });
    setSelected([]);
  };

  // The grid takes the rest of the window below what stands above it (more rows with the figures folded).
  useLayoutEffect(() => {
    const fit = (): void => {
      const top = gridBox.current?.getBoundingClientRect().top;
      if (top === undefined) return;
      setGridHeight(Math.max(320, Math.floor(window.innerHeight - top - 8)));
    };
    fit();
    window.addEventListener('resize', fit);
    const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(fit) : null;
    const above = gridBox.current?.previousElementSibling;
    if (observer && above) observer.observe(above);
    return () => {
      window.removeEventListener('resize', fit);
      observer?.disconnect();
    };
  }, [rows === null]);

  const exportLedger = async (): Promise<void> => {
    setExporting(true);
    try {
      const { rosterLedgerFileName, writeRosterLedger } = await import('../../src-shared/workbook/roster-ledger');
      const list = rows ?? [];
      const bytes = await writeRosterLedger(set.roster.fields, list);
      const outcome = await getBridge().saveFile({ suggestedName: rosterLedgerFileName(zone.name, new Date().toISOString().slice(0, 10)), bytes, filters: [{ name: 'Excel 工作簿', extensions: ['xlsx'] }] });
      if (!outcome.ok) setMessage({ text: `导出台账失败：${outcome.issues.map((i) => i.message).join('；')}`, problem: true });
      else if (outcome.value.kind === 'saved' || outcome.value.kind === 'downloaded') {
        const how = outcome.value.kind === 'saved' ? '已保存' : '已下载';
        setMessage({ text: `已导出台账「${outcome.value.fileName}」（${list.length} 个项目，${how}）。可在 Excel / WPS 中继续编辑，再从“导入台账”导回。`, problem: false });
      }
    } catch (e) {
      setMessage({ text: `导出台账失败：${e instanceof Error ? e.message : String(e)}`, problem: true });
    } finally {
      setExporting(false);
    }
  };

  const rates = groups.slice(0, 2).flatMap((g) => g.lines).filter((l) => l.code.startsWith('rate'));
  const countText = rows === null ? '' : shown !== null && shown !== rows.length ? `筛选后 ${shown} / ${rows.length} 个项目` : `共 ${rows.length} 个项目`;
  const label = saveLabel(saves);
  return (
    <div className="roster-screen">
      <div className="panel roster-head">
        <div className="return-head">
          <h2>{zone.name} · 项目台账（三个一批）</h2>
          <span className="muted" data-testid="roster-count">
            {countText}
          </span>
          <span className={`save-indicator ${label.kind}`} role="status" data-testid="roster-save-indicator">
            {label.text}
          </span>
          <span className="spacer" />
          <button type="button" className="btn primary" onClick={() => onAppend([{}], true)}>
            新增项目
          </button>
          <button type="button" className="btn danger" disabled={selected.length === 0} onClick={() => setConfirmDelete(true)}>
            删除所选{selected.length > 0 ? `（${selected.length}）` : ''}
          </button>
          <button type="button" className="btn" onClick={() => apiRef.current?.setFilterModel(null)}>
            清除筛选
          </button>
          <button type="button" className="btn" disabled={exporting || rows === null} onClick={() => void exportLedger()} title="把台账单独导出为 Excel 工作簿（.xlsx），可继续编辑后从“导入台账”导回">
            导出台账
          </button>
        </div>
        {message !== null && <p className={`status-line${message.problem ? ' problem' : ''}`} role="status">{message.text}</p>}
        {/* Folded (remembered), the figures and the hints leave the window to the grid: 15 rows or more at 768 px. */}
        <details
          className="roster-measures-panel"
          open={measuresOpen}
          onToggle={(e) => {
            const open = e.currentTarget.open;
            setMeasuresOpen(open);
            rememberMeasuresOpen(open);
          }}
        >
          <summary>
            {ret !== null && groups.length > 0 ? `按台账计算的 ${periodShortLabel(ret.period)} 数据（随台账修改即时更新）与操作说明` : '操作说明'}
            {!measuresOpen && rates.length > 0 && (
              <span className="measures-folded">
                {rates.map((l) => (
                  <span key={l.code} className="measure" data-measure={l.code} title={l.reason}>
                    {l.name}：<b>{l.text}</b>
                  </span>
                ))}
              </span>
            )}
          </summary>
          <p className="muted roster-hint">点列标题排序，在标题下方的框中筛选；选中单元格直接输入（中文输入法亦可），Enter 保存，Esc 放弃，F2 修改原有内容；签约、开工等是否列可输入 是/否/√/×/1/0/y/n，空格键切换，双击选 是/否/空；从 Excel 复制项目行，点选表格后按 Ctrl+V 粘贴，超出末行的行作为新项目追加。表格最下方的合计行是筛选后显示的项目个数与金额列之和。</p>
          {ret !== null &&
            groups.slice(0, 2).map((g) => (
              <div key={g.title}>
                <h4>{g.title}</h4>
                <div className="roster-measures">
                  {g.lines.map((l) => (
                    <span key={l.code} className={l.reason === undefined ? 'measure' : 'measure not-computed'} data-measure={l.code} title={l.reason}>
                      {l.name}：<b>{l.text}</b>
                    </span>
                  ))}
                </div>
              </div>
            ))}
          {ret === null && <p className="muted">在“填报”中打开一张报表后，这里会显示按台账计算的“三个一批”数据和“三率”。</p>}
        </details>
      </div>
      {rows !== null && (
        <div ref={gridBox} className="roster-grid-box" style={gridHeight === null ? undefined : { height: gridHeight }}>
        <RosterGrid
          fields={set.roster.fields}
          rows={rows}
          issues={issues}
          readOnly={false}
          onUpdate={onUpdate}
          onAppend={(r) => onAppend(r)}
          onUndo={() => undoOrRedo('undo')}
          onRedo={() => undoOrRedo('redo')}
          onMessage={(text) => setMessage({ text, problem: /无法|不是|应为|失败/.test(text) })}
          onApi={(api) => {
            apiRef.current = api;
          }}
          onSelectionChanged={setSelected}
          onRowDataUpdated={focusPending}
          onShownChanged={setShown}
        />
        </div>
      )}
      {confirmDelete && (
        <div className="modal-backdrop" role="dialog" aria-modal="true">
          <div className="modal">
            <h3>确认删除 {selected.length} 个项目？</h3>
            <p>删除后，本开发区所有报表中按台账计算的数据都会随之变化。删除记录保存在修改记录中。</p>
            <div className="actions">
              <button type="button" className="btn" onClick={() => setConfirmDelete(false)} autoFocus>
                取消
              </button>
              <button type="button" className="btn danger" onClick={deleteSelected}>
                确认删除
              </button>
            </div>
          </div>
        </div>
      )}
    </div>
  );
}
