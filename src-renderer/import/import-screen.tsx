import './import-screen.css';
import { useCallback, useEffect, useMemo, useState } from 'react';
import {
  applyNearDuplicateChoices,
  applySavedMapping,
  autoMapColumns,
  headerPeriodIssues,
  headerSignature,
  indicatorLedgerTargets,
  indicatorRowsFromLedger,
  LONG_CURRENT,
  LONG_LAST_YEAR,
  mapRows,
  parseIndicatorTargetCode,
  rosterTargets,
  setColumnPercentScale,
  setColumnTarget,
  setColumnUnit,
  type LedgerMapping,
  type Preview,
  type PreviewRow,
} from '../../src-shared/ledger';
import type { Period, RosterRow, UserIssue, Zone } from '../../src-shared/model';
import { periodShortLabel } from '../../src-shared/period';
import { allIndicators } from '../../src-shared/seeds';
import type { ScreenProps } from '../app/screen-props';
import { getBridge, type PickedLedger } from '../bridge';
import type { ImportBatchRecord } from '../db';
import { importHistory, rememberedMapping, runImport, undoImport } from './import-batch';
import { MappingTable } from './mapping-table';
import { existingRowsOf, mergeSheets, planRosterImport, planValueImport, previewForZone, sheetsLabel, skippedRows, zoneResolver, type SkippedRow } from './plan-import';
import { PreviewTable } from './preview-table';
import { searchNearDuplicates } from './near-duplicates';

type Kind = 'roster' | 'indicators';
/** One sheet (its index in the ledger's tables), or every visible sheet with a table (project ledgers only). */
type SheetChoice = number | 'all';

/** A column of indicator values (本期 or 上年同期), whose header's period words are checked against the return. */
const isValueTarget = (target: string): boolean => target === LONG_CURRENT || target === LONG_LAST_YEAR || parseIndicatorTargetCode(target) !== null;

function rowPlace(r: SkippedRow, withSheet: boolean): string {
  return withSheet ? `「${r.sheet}」第 ${r.row} 行` : `第 ${r.row} 行`;
}

/** 未导入 N 行, each named with its sheet, row and reason; a row of the preview links to it there. */
function SkippedList({ rows, title, onShow }: { rows: SkippedRow[]; title: string; onShow?: (key: string) => void }) {
  if (rows.length === 0) return null;
  return (
    <details className="skipped-rows" data-testid="skipped-rows" open={rows.length <= 8}>
      <summary>{title}</summary>
      <ul>
        {rows.map((r) => (
          <li key={`${r.sheet}!${r.row}`} data-row={r.row}>
            {r.key !== undefined && onShow !== undefined ? (
              <button type="button" className="link" onClick={() => onShow(r.key ?? '')}>
                {rowPlace(r, true)}
              </button>
            ) : (
              <span>{rowPlace(r, true)}</span>
            )}
            ：{r.reason}
          </li>
        ))}
      </ul>
    </details>
  );
}

function IssueList({ issues }: { issues: UserIssue[] }) {
  if (issues.length === 0) return null;
  return (
    <ul className="import-issues" data-testid="import-issues">
      {issues.map((i, n) => (
        <li key={n} className={`issue-${i.severity}`}>
          {i.message}
        </li>
      ))}
    </ul>
  );
}

/** 导入台账: pick a ledger, choose the sheet, fix the mapping, see the preview, import, undo. */
export function ImportScreen(props: ScreenProps) {
  const { repo, zone, who, set, returnId } = props;
  const [kind, setKind] = useState<Kind>('roster');
  const [picked, setPicked] = useState<PickedLedger | null>(null);
  const [sheetChoice, setSheetChoice] = useState<SheetChoice>(0);
  /** In 全部工作表: the sheet whose mapping is shown for editing. */
  const [editIndex, setEditIndex] = useState(0);
  /** The mapping of each table, by its index; filled when a ledger is picked. */
  const [mappings, setMappings] = useState<ReadonlyArray<LedgerMapping | undefined>>([]);
  const [overrides, setOverrides] = useState<Map<string, boolean>>(new Map());
  const [existing, setExisting] = useState<RosterRow[]>([]);
  const [zones, setZones] = useState<Zone[]>([]);
  const [history, setHistory] = useState<ImportBatchRecord[]>([]);
  const [busy, setBusy] = useState<string | null>(null);
  const [problems, setProblems] = useState<UserIssue[]>([]);
  const [done, setDone] = useState<{ text: string; batchId: string | null; skipped: SkippedRow[] } | null>(null);
  /** 视为同一项目: preview row key → the stored project it is. */
  const [sameAs, setSameAs] = useState<Map<string, string>>(new Map());
  /** A preview row to show (from a link in the list of rows not imported). */
  const [focusKey, setFocusKey] = useState<string | null>(null);
  /** The return values are written to: its zone and period, named on the button and in the result. */
  const [target, setTarget] = useState<{ zoneName: string; period: Period } | null>(null);

  const targets = useMemo(() => (kind === 'roster' ? rosterTargets(set.roster.fields) : indicatorLedgerTargets(allIndicators(set))), [kind, set]);
  const tables = useMemo(() => picked?.ledger.tables ?? [], [picked]);
  // Sheets the workbook hides stay out of 全部工作表 (they can still be picked one by one).
  const visible = useMemo(
    () => tables.flatMap((t, i) => (picked?.ledger.sheets.find((sh) => sh.name === t.sheet)?.hidden ? [] : [i])),
    [tables, picked],
  );
  const all = sheetChoice === 'all' && kind === 'roster';
  const chosen = useMemo(() => (all ? visible : typeof sheetChoice === 'number' ? [sheetChoice] : [0]), [all, visible, sheetChoice]);
  const shownIndex = all ? (chosen.includes(editIndex) ? editIndex : (chosen[0] ?? 0)) : (chosen[0] ?? 0);
  const table = tables[shownIndex];
  const mapping = mappings[shownIndex] ?? null;
  const setMapping = (next: LedgerMapping): void => setMappings((m) => m.map((x, i) => (i === shownIndex ? next : x)));

  const reload = useCallback(async () => {
    const [rows, batches, allZones] = await Promise.all([repo.listRoster(zone.id), importHistory(repo, zone.id), repo.listZones()]);
    setExisting(rows);
    setHistory(batches.slice().reverse());
    setZones(allZones);
  }, [repo, zone.id]);

  useEffect(() => {
    void reload();
  }, [reload]);

  useEffect(() => {
    setTarget(null);
    if (returnId === null) return;
    let live = true;
    void Promise.all([repo.loadReturn(returnId), repo.listZones()]).then(([loaded, allZones]) => {
      if (!live || !loaded.ok) return;
      const ret = loaded.value.zoneReturn;
      setTarget({ zoneName: allZones.find((z) => z.id === ret.zoneId)?.name ?? ret.zoneId, period: ret.period });
    });
    return () => {
      live = false;
    };
  }, [repo, returnId]);
  const targetName = target === null ? null : `${target.zoneName} · ${periodShortLabel(target.period)}`;

  // A new ledger: each sheet's mapping remembered for its header, or the automatic one.
  useEffect(() => {
    setMappings([]);
    if (tables.length === 0) return;
    let live = true;
    void Promise.all(
      tables.map(async (t) => {
        const saved = await rememberedMapping(repo, headerSignature(t.columns));
        const applied = saved ? applySavedMapping(t, targets, saved, 'saved') : null;
        return applied?.ok ? applied.value : autoMapColumns(t, targets);
      }),
    ).then((loaded) => {
      if (!live) return;
      setMappings(loaded);
      setOverrides(new Map());
      setSameAs(new Map());
    });
    return () => {
      live = false;
    };
  }, [repo, tables, targets]);

  const ready = chosen.every((i) => mappings[i] !== undefined) && chosen.length > 0;
  const mappedSheets = useMemo(() => {
    if (!ready) return [];
    return chosen.flatMap((i) => {
      const t = tables[i];
      const m = mappings[i];
      return t && m ? [mapRows(t, m, { fileName: picked?.name ?? '', targets })] : [];
    });
  }, [ready, chosen, tables, mappings, picked, targets]);
  const mapped = useMemo(() => mergeSheets(mappedSheets), [mappedSheets]);
  const shownMapped = mappedSheets[chosen.indexOf(shownIndex)];
  const existingRows = useMemo(() => existingRowsOf(existing, zone.id), [existing, zone.id]);
  // The preview is shown without the near-duplicate search (its slowest part on a big ledger); the
  // search then runs in a worker against this zone's stored names, and its flags replace it.
  const unflagged = useMemo(
    () => (mapped && kind === 'roster' ? previewForZone(mapped, existingRows, { zone, zones, keyFields: set.roster.keyFields, targets, nearDuplicates: false }) : null),
    [mapped, kind, existingRows, zone, zones, set, targets],
  );
  const [flagged, setFlagged] = useState<{ of: Preview; preview: Preview } | null>(null);
  const [flagProblem, setFlagProblem] = useState<string | null>(null);
  useEffect(() => {
    setFlagProblem(null);
    if (unflagged === null) return;
    const search = searchNearDuplicates({ preview: unflagged, existing: existingRows, keyFields: set.roster.keyFields });
    let live = true;
    search.result.then(
      (preview) => live && setFlagged({ of: unflagged, preview }),
      (error: unknown) => live && setFlagProblem(`未能查找名称相近的项目：${error instanceof Error ? error.message : String(error)}`),
    );
    return () => {
      live = false;
      search.cancel();
    };
  }, [unflagged, existingRows, set]);
  const searching = unflagged !== null && flagged?.of !== unflagged && flagProblem === null;
  const basePreview = flagged !== null && flagged.of === unflagged ? flagged.preview : unflagged;
  // The clerk's 视为同一项目 answers turn those rows into updates of the stored projects.
  const preview = useMemo(() => (basePreview === null ? null : applyNearDuplicateChoices(basePreview, sameAs, existingRows, { keyFields: set.roster.keyFields, targets })), [basePreview, sameAs, existingRows, set, targets]);
  const values = useMemo(() => {
    if (!mapped || kind !== 'indicators') return null;
    const rows = indicatorRowsFromLedger(mapped, allIndicators(set), { defaultZoneId: mapped.mapping.columns.some((c) => c.target === '$zone') ? null : zone.id, resolveZone: zoneResolver(zones.length > 0 ? zones : [zone]) });
    return planValueImport(rows, zone.id);
  }, [mapped, kind, zone, zones, set]);
  // A 1-6月 column for a 1–3月 return: another period's figures.
  const periodIssues = useMemo(
    () =>
      kind !== 'indicators' || target === null
        ? []
        : chosen.flatMap((i) => {
            const t = tables[i];
            const m = mappings[i];
            return t && m ? headerPeriodIssues(t, m, target.period, isValueTarget) : [];
          }),
    [kind, target, chosen, tables, mappings],
  );

  const isExcluded = useCallback((row: PreviewRow) => overrides.get(row.key) ?? row.excluded, [overrides]);
  const included = preview ? preview.rows.filter((r) => !isExcluded(r) && r.status !== 'invalid') : [];
  const toWrite = included.filter((r) => r.status !== 'unchanged').length;
  const chosenTables = useMemo(() => chosen.flatMap((i) => (tables[i] ? [tables[i]] : [])), [chosen, tables]);
  const notImported = useMemo(() => (kind === 'roster' ? skippedRows(preview, isExcluded, chosenTables) : []), [kind, preview, isExcluded, chosenTables]);

  const pick = async (): Promise<void> => {
    setBusy('正在读取台账…');
    setProblems([]);
    setDone(null);
    try {
      const result = await getBridge().pickAndReadLedger({ targets });
      if (!result.ok) {
        setProblems(result.issues);
        return;
      }
      if (result.value.kind === 'cancelled') return;
      const file = result.value.file;
      setPicked(file);
      const firstVisible = file.ledger.tables.findIndex((t) => !file.ledger.sheets.find((s) => s.name === t.sheet)?.hidden);
      setSheetChoice(Math.max(0, firstVisible));
      setEditIndex(Math.max(0, firstVisible));
    } finally {
      setBusy(null);
    }
  };

  const doImport = async (): Promise<void> => {
    if (!picked || !mapped) return;
    const used = chosen.flatMap((i) => {
      const m = mappings[i];
      return m ? [m] : [];
    });
    const readerSkipped = chosen.reduce((n, i) => n + (tables[i]?.skipped.length ?? 0) + (tables[i]?.totals.length ?? 0), 0);
    setBusy('正在导入…');
    setProblems([]);
    try {
      let idCounter = 0;
      const newId = (): string => (typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `import-${Date.now()}-${++idCounter}`);
      const base = { zoneId: zone.id, who, file: picked.name, sheet: sheetsLabel(chosen.map((i) => tables[i]?.sheet ?? '')), mappings: used, readerSkipped };
      const result =
        kind === 'roster' && preview
          ? await runImport(repo, { ...base, roster: planRosterImport(preview, isExcluded, newId) })
          : await runImport(repo, { ...base, values: values?.cells ?? [], returnId });
      if (!result.ok) {
        setProblems(result.issues);
        return;
      }
      const c = result.value.counts;
      const text =
        kind === 'roster'
          ? `已导入「${picked.name}」：新增 ${c.inserted} 个项目，更新 ${c.updated} 个项目${c.skipped > 0 ? `，未导入 ${c.skipped} 行` : ''}。`
          : `已导入「${picked.name}」：已写入 ${c.values} 个指标值${targetName === null ? '' : `到「${targetName}」`}（本期 ${values?.cells.filter((v) => v.column === 'current').length ?? 0} 个，上年同期 ${values?.cells.filter((v) => v.column === 'lastYear').length ?? 0} 个）。`;
      setDone({ text, batchId: result.value.id, skipped: kind === 'roster' ? notImported : [] });
      setPicked(null);
      await reload();
    } finally {
      setBusy(null);
    }
  };

  const undo = async (batchId: string): Promise<void> => {
    setBusy('正在撤销…');
    try {
      const result = await undoImport(repo, batchId, who);
      if (!result.ok) {
        setProblems(result.issues);
        return;
      }
      setProblems(result.value.warnings);
      setDone({ text: '已撤销这次导入，台账恢复到导入前的样子。', batchId: null, skipped: [] });
      await reload();
    } finally {
      setBusy(null);
    }
  };

  const fileIssues = [...(picked?.ledger.issues ?? []), ...(mapped?.issues ?? [])];
  const valueIssues = values?.issues ?? [];
  const canImport = kind === 'roster' ? toWrite > 0 && !searching : (values?.cells.length ?? 0) > 0 && returnId !== null;

  return (
    <div className="panel import-screen">
      <h2>导入台账 · {zone.name}</h2>
      <div className="toolbar">
        <label>
          导入内容：
          <select
            aria-label="导入内容"
            value={kind}
            onChange={(e) => {
              setKind(e.target.value === 'indicators' ? 'indicators' : 'roster');
              setSheetChoice(0);
            }}
            disabled={picked !== null}
          >
            <option value="roster">项目台账（三个一批项目）</option>
            <option value="indicators">指标数值（本期与上年同期，导入当前报表）</option>
          </select>
        </label>
        <button type="button" className="btn primary" onClick={() => void pick()} disabled={busy !== null}>
          选择台账文件…
        </button>
        {picked !== null && (
          <button type="button" className="btn" onClick={() => setPicked(null)}>
            放弃这份台账
          </button>
        )}
        <span className="muted">支持 .xlsx、.xls、.et（WPS）、.ods、.csv / .txt；GBK 编码的 CSV 自动识别。</span>
      </div>
      {busy !== null && (
        <p className="status-line" role="status">
          {busy}
        </p>
      )}
      {done !== null && (
        <p className="notice" role="status" data-testid="import-done">
          {done.text}{' '}
          {done.batchId !== null && (
            <button type="button" className="btn" onClick={() => void undo(done.batchId ?? '')}>
              撤销这次导入
            </button>
          )}
        </p>
      )}
      {done !== null && <SkippedList rows={done.skipped} title={`未导入 ${done.skipped.length} 行：`} />}
      {problems.length > 0 && (
        <div className="notice error" role="alert">
          <IssueList issues={problems} />
        </div>
      )}

      {picked !== null && table !== undefined && mapping !== null && (
        <>
          <h3>
            {picked.name}
            <span className="muted">
              {' '}
              · {picked.ledger.format.toUpperCase()}
              {picked.ledger.encoding ? ` · ${picked.ledger.encoding.toUpperCase()} 编码` : ''}
            </span>
          </h3>
          <div className="toolbar">
            <label>
              工作表：
              <select
                aria-label="工作表"
                value={String(sheetChoice)}
                onChange={(e) => {
                  const value = e.target.value === 'all' ? 'all' : Number(e.target.value);
                  setSheetChoice(value);
                  if (value !== 'all') setEditIndex(value);
                  setOverrides(new Map());
                  setSameAs(new Map());
                }}
              >
                {tables.map((t, i) => (
                  <option key={t.sheet} value={i}>
                    {t.sheet}（{t.rows.length} 行）
                  </option>
                ))}
                {kind === 'roster' && visible.length > 1 && (
                  <option value="all">
                    全部工作表（{visible.length} 张，共 {visible.reduce((n, i) => n + (tables[i]?.rows.length ?? 0), 0)} 行）
                  </option>
                )}
              </select>
            </label>
            {all && (
              <label>
                查看并修改映射：
                <select aria-label="修改映射的工作表" value={shownIndex} onChange={(e) => setEditIndex(Number(e.target.value))}>
                  {chosen.map((i) => (
                    <option key={i} value={i}>
                      {tables[i]?.sheet}
                    </option>
                  ))}
                </select>
              </label>
            )}
            {table.title.length > 0 && <span className="muted">标题：{table.title.join(' / ')}</span>}
            <span className="muted">
              表头在第 {table.headerRows.join('、')} 行；跳过 {table.skipped.length} 行、合计/小计 {table.totals.length} 行
            </span>
          </div>
          <h4>列映射{all ? `：「${table.sheet}」` : ''}（可修改；下次导入表头相同的台账时沿用）</h4>
          <MappingTable
            table={table}
            mapping={mapping}
            targets={targets}
            onTarget={(column, target) => setMapping(setColumnTarget(mapping, column, target))}
            onUnit={(column, unit) => setMapping(setColumnUnit(mapping, column, unit))}
            onPercentScale={(column, scale) => setMapping(setColumnPercentScale(mapping, column, scale))}
            percentScales={new Map((shownMapped?.percentColumns ?? []).map((p) => [p.column, p.scale]))}
          />
          <IssueList issues={[...fileIssues, ...periodIssues, ...valueIssues]} />
          {preview !== null && (
            <>
              <h4 data-testid="preview-summary">
                预览：新增 {preview.summary.new} · 更新 {preview.summary.changed} · 未变 {preview.summary.unchanged} · 不能导入 {preview.summary.invalid} · 名称相近 {searching ? '查找中…' : preview.summary.nearDuplicates}
              </h4>
              <SkippedList rows={notImported} title={`未导入 ${notImported.length} 行（点行号到预览中的这一行）：`} onShow={setFocusKey} />
              <PreviewTable
                preview={preview}
                focusKey={focusKey}
                sameAs={sameAs}
                onSameAs={(key, id) =>
                  setSameAs((m) => {
                    const next = new Map(m);
                    if (id === null) next.delete(key);
                    else next.set(key, id);
                    return next;
                  })
                }
                targets={targets}
                mappedCodes={chosen.flatMap((i) => mappings[i]?.columns.flatMap((c) => (c.target === null ? [] : [c.target])) ?? [])}
                showSheet={all}
                isExcluded={isExcluded}
                onExclude={(key, excluded) => setOverrides((m) => new Map(m).set(key, excluded))}
              />
            </>
          )}
          {values !== null && (
            <>
              <h4 data-testid="values-target">
                预览：本开发区的指标数值，写入当前报表{targetName === null ? '：请先在“填报”中打开一张报表' : `「${targetName}」`}
              </h4>
              <table className="import-table" data-testid="values-preview">
                <tbody>
                  {values.cells.map((c) => (
                    <tr key={`${c.code}-${c.column}`}>
                      <td>{allIndicators(set).find((i) => i.code === c.code)?.name ?? c.code}</td>
                      <td>{c.column === 'current' ? '本期' : '上年同期'}</td>
                      <td>{c.value}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
          <div className="toolbar">
            <button type="button" className="btn primary" data-testid="import-run" disabled={!canImport || busy !== null} onClick={() => void doImport()}>
              {kind === 'roster' ? `导入 ${toWrite} 个新增或更新的项目` : `写入当前报表${targetName === null ? '' : `「${targetName}」`}：${values?.cells.length ?? 0} 个指标值`}
            </button>
            {kind === 'roster' && searching && <span className="muted" role="status">正在查找与已有项目名称相近的行…</span>}
            {flagProblem !== null && <span className="error" role="alert">{flagProblem}</span>}
            <span className="muted">一次导入作为一个批次保存，可整体撤销；导入失败时不会写入任何数据。</span>
          </div>
        </>
      )}

      <h3>导入记录</h3>
      {history.length === 0 ? (
        <p className="muted">还没有导入过台账。</p>
      ) : (
        <table className="import-table" data-testid="import-history">
          <thead>
            <tr>
              <th>时间</th>
              <th>文件</th>
              <th>工作表</th>
              <th>新增</th>
              <th>更新</th>
              <th>指标数值</th>
              <th>操作人</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {history.map((b) => (
              <tr key={b.id} data-batch={b.id}>
                <td>{b.at.replace('T', ' ').slice(0, 19)}</td>
                <td>{b.file}</td>
                <td>{b.sheet}</td>
                <td>{b.counts.inserted}</td>
                <td>{b.counts.updated}</td>
                <td>{b.counts.values}</td>
                <td>{b.who}</td>
                <td>
                  {b.undoneAt === null ? (
                    <button type="button" className="btn danger" onClick={() => void undo(b.id)} disabled={busy !== null}>
                      撤销
                    </button>
                  ) : (
                    <span className="muted">已于 {b.undoneAt.replace('T', ' ').slice(0, 19)} 撤销</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
