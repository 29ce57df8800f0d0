/**
 * The city bureau's app (本单位 = 市商务局): 收件箱 / 报送情况 / 汇总 / 排名 / 图表 / 通报 / 设置. Every rule and
 * figure comes from src-shared/collect; this file only stores, shows and asks.
 */
import { HelpButton } from '../help/help-page';
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import { boardCellText, cityFigures, completenessBoard, type Board, type CityFigures, type InboxRulesOptions, type ReferenceFigures } from '../../src-shared/collect';
import { uuidV4 } from '../../src-shared/crypto';
import type { Result } from '../../src-shared/model';
import { getBridge, type SaveOutcome } from '../bridge';
import { droppedFiles } from '../bridge/pick-folder';
import type { AuditEntry } from '../db/schema';
import { chinaDateTime } from '../../src-shared/format';
import { ReferenceForm } from './reference-form';
import './bureau.css';
import type { ZoneRegistry, ZoneReturn } from '../../src-shared/model';
import { comparePeriods, parsePeriodKey, periodLabel } from '../../src-shared/period';
import { builtinIndicatorSets, compareVersions, findIndicatorSet } from '../../src-shared/seeds';
import { BUREAU_TABS, type BureauTab } from '../app/app-tabs';
import type { Repository, Settings } from '../db';
import type { InboxEntry } from '../db/stores/inbox-store';
import { readFilesInWorker } from './read-in-worker';
import { UnitPicker } from './unit-picker';
import { BureauCharts } from './bureau-charts';
import { pendingSendBacks, sendBackToServer, syncServerInbox, type PendingSendBack } from './server-inbox';
import { localTime, shortLocalTime } from '../../src-shared/format';
import { createBureauSync, describeZoneLink, zoneLinks, zonesSeen, type ZoneLink, type ZoneSeen } from '../sync/bureau-sync';
import { readSubmissionWorkbook, writeBoardWorkbook, writeCitySummaryWorkbook } from '../../src-shared/workbook';
import { appSync, useSyncStatus } from '../sync/app-sync';
import { SyncSettingsPanel } from '../sync/sync-settings-panel';
import { BureauBulletin } from './bureau-bulletin';

const VERDICT: Record<string, string> = { accepted: '采用', superseded: '已被取代', duplicate: '重复', rejected: '不予采用' };
const fmt = (v: number | null, d = 2): string => (v === null ? '—' : v.toFixed(d));
/** What the bureau can read at once: extensions the inbox takes (workbooks and return JSON). */
const INBOX_EXTENSIONS = ['xlsx', 'json'];
const XLSX_FILTERS = [{ name: 'Excel 工作簿', extensions: ['xlsx'] }];
const ACTION_TEXT: Record<string, string> = { returned: '退回修改', excluded: '计入汇总' };

function outcomeText(what: string, r: Result<SaveOutcome>): { error: boolean; text: string } | null {
  if (!r.ok) return { error: true, text: r.issues.map((i) => i.message).join('；') };
  switch (r.value.kind) {
    case 'saved':
      return { error: false, text: `${what}已保存为「${r.value.fileName}」。` };
    case 'downloaded':
      return { error: false, text: `${what}「${r.value.fileName}」已交给浏览器下载。` };
    default:
      return null;
  }
}

/** 退回修改 and 计入汇总 lines of one received submission, as the detail row shows them. */
/** 排在全省第3位 (by amount), 增速第1位. */
function rankText(r: { value?: number; growth?: number } | undefined): string {
  const parts = [r?.value !== undefined ? `完成量第${r.value}位` : '', r?.growth !== undefined ? `增速第${r.growth}位` : ''].filter(Boolean);
  return parts.length ? parts.join('，') : '—';
}

function trailLine(e: AuditEntry): string {
  const time = chinaDateTime(e.at) ?? e.at;
  const reason = typeof e.detail?.['reason'] === 'string' ? `，原因：${e.detail['reason']}` : '';
  if (e.field === 'returned') return `${time} ${e.who || '（未署名）'} 退回修改${reason}`;
  return `${time} ${e.who || '（未署名）'} ${e.new === '计入汇总' ? '改为计入汇总' : '改为不计入汇总'}`;
}

function setVersionFor(setId: string, year: number): string | undefined {
  const sets = builtinIndicatorSets().filter((s) => s.id === setId);
  const ofYear = sets.filter((s) => s.year === year);
  return (ofYear.length > 0 ? ofYear : sets).map((s) => s.version).sort(compareVersions).at(-1);
}

export function BureauWorkspace(props: { repo: Repository; registry: ZoneRegistry; settings: Settings; onSaveSettings: (next: Settings) => Promise<void> }) {
  const { repo, registry, settings } = props;
  const cityCode = settings.bureauCityCode ?? '';
  const city = registry.cities.find((c) => c.code === cityCode);
  const who = settings.fillerName ?? `${city?.name ?? ''}商务局`;
  const rules: InboxRulesOptions = useMemo(() => ({ registry, cityCode, setVersion: setVersionFor }), [registry, cityCode]);
  const [tab, setTab] = useState<BureauTab>('inbox');
  const [entries, setEntries] = useState<InboxEntry[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [periodKey, setPeriodKey] = useState<string | null>(null);
  const [reference, setReference] = useState<ReferenceFigures>({});

  const [pending, setPending] = useState<PendingSendBack[]>([]);
  const reload = useCallback(async () => {
    setEntries(await repo.judgedInbox(rules));
    setPending(await pendingSendBacks(repo));
  }, [repo, rules]);
  useEffect(() => void reload(), [reload]);

  // 联网报送: when this app is enrolled as the city's reader, the inbox also fills from the server.
  const syncStatus = useSyncStatus(repo);
  const reader = syncStatus?.enrolled?.role === 'reader';
  const bureau = useMemo(() => createBureauSync({ repo, sync: appSync(repo) }), [repo]);
  const [serverLine, setServerLine] = useState<{ ok: boolean; text: string } | null>(null);
  const [seen, setSeen] = useState<ZoneSeen[] | null>(null);
  const [links, setLinks] = useState<Map<string, ZoneLink> | null>(null);
  const syncing = useRef(false);
  const syncNow = useCallback(async () => {
    if (syncing.current) return;
    syncing.current = true;
    try {
      const report = await syncServerInbox(repo, bureau, readFilesInWorker, who);
      const time = new Date().toLocaleTimeString('zh-CN', { hour12: false });
      setServerLine({ ok: report.ok, text: `${time} ${report.message}` });
      // 报送情况: which zones' apps are enrolled and when each was last seen, with their last submission.
      const [all, devices] = await Promise.all([bureau.listAll(), bureau.devices()]);
      if (all.ok) setSeen(zonesSeen(all.value));
      if (devices.ok) setLinks(zoneLinks(devices.value));
      await reload();
    } finally {
      syncing.current = false;
    }
  }, [repo, bureau, who, reload]);
  useEffect(() => {
    if (!reader) return undefined;
    void syncNow();
    const timer = setInterval(() => void syncNow(), 15_000);
    return () => clearInterval(timer);
  }, [reader, syncNow]);

  const sendBack = async (r: InboxEntry['record']): Promise<void> => {
    const reason = window.prompt('退回修改的原因');
    if (!reason) return;
    const x = await repo.returnSubmission(r.id, reason, who);
    if (!x.ok) setNotice(x.issues[0]?.message ?? '');
    else if (r.fromServer) {
      const sent = await sendBackToServer(repo, bureau, { inboxId: r.id, submissionId: r.fromServer.submissionId, revision: r.fromServer.revision, reason: reason.trim() });
      setNotice(sent.message);
    }
    await reload();
  };
  const resend = async (p: PendingSendBack): Promise<void> => {
    setNotice((await sendBackToServer(repo, bureau, p)).message);
    await reload();
  };

  const periods = useMemo(() => {
    const keys = [...new Set(entries.filter((e) => e.judged.verdict === 'accepted' && e.record.periodKey).map((e) => e.record.periodKey!))];
    return keys.sort((a, b) => comparePeriods(parsePeriodKey(a)!, parsePeriodKey(b)!));
  }, [entries]);
  const shownPeriod = periodKey ?? periods.at(-1) ?? null;
  useEffect(() => {
    if (shownPeriod) void repo.getReferenceFigures(cityCode, shownPeriod).then(setReference);
  }, [repo, cityCode, shownPeriod]);

  const receive = async (list: { fileName: string; bytes: Uint8Array }[], from = '', skipped: string[] = []): Promise<void> => {
    if (list.length === 0) {
      setNotice(`${from}没有可收取的报送工作簿（.xlsx）或报表 JSON。${skipped.join('；')}`);
      return;
    }
    setBusy(true);
    try {
      const read = await readFilesInWorker(list);
      const r = await repo.receiveFiles(read, who);
      if (!r.ok) setNotice(r.issues.map((i) => i.message).join('；'));
      else setNotice(`${from}收到 ${read.length} 个文件，新存入 ${r.value.stored.length} 个${r.value.alreadyReceived.length ? `，已收过：${r.value.alreadyReceived.join('、')}` : ''}${skipped.length ? `；${skipped.join('；')}` : ''}`);
      await reload();
    } finally {
      setBusy(false);
    }
  };
  const receiveFiles = async (files: { path: string; file: File }[], from = ''): Promise<void> =>
    receive(await Promise.all(files.map(async ({ path, file }) => ({ fileName: path, bytes: new Uint8Array(await file.arrayBuffer()) }))), from);
  const openFolder = async (): Promise<void> => {
    const r = await getBridge().openFolder({ extensions: INBOX_EXTENSIONS });
    if (!r.ok) {
      setNotice(r.issues.map((i) => i.message).join('；'));
      return;
    }
    if (r.value.kind === 'cancelled') return;
    const folder = r.value.file;
    await receive(folder.files.map((f) => ({ fileName: f.name, bytes: f.bytes })), `文件夹「${folder.name}」：`, r.issues.map((i) => i.message));
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    // Entries are taken before the first await (the drop's DataTransfer empties after the event).
    void droppedFiles([...e.dataTransfer.items], [...e.dataTransfer.files], INBOX_EXTENSIONS).then((files) => receiveFiles(files));
  };
  const [openDetail, setOpenDetail] = useState<string | null>(null);
  const [trail, setTrail] = useState<AuditEntry[]>([]);
  useEffect(() => {
    if (openDetail) void repo.inboxTrail(openDetail).then(setTrail);
  }, [repo, openDetail, entries]);
  const [exportLine, setExportLine] = useState<{ error: boolean; text: string } | null>(null);

  const accepted = entries.filter((e) => e.judged.verdict === 'accepted' && e.record.periodKey === shownPeriod && e.record.returnJson !== null);
  const included = accepted.filter((e) => !e.record.excluded);
  const rets: ZoneReturn[] = included.map((e) => JSON.parse(e.record.returnJson!) as ZoneReturn);
  const set = rets[0] ? findIndicatorSet(rets[0].indicatorSet.id, rets[0].indicatorSet.version) : undefined;
  const figures: CityFigures | null = useMemo(() => {
    if (!set || rets.length === 0) return null;
    const r = cityFigures(set, rets.filter((x) => x.indicatorSet.id === set.id), { registry, reference });
    return r.ok ? r.value : null;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [entries, shownPeriod, reference, set]);
  const bulletinReturns = useMemo(() => (set ? rets.filter((x) => x.indicatorSet.id === set.id) : []),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [entries, shownPeriod, set]);
  // 报送情况's 联网报送 column (enrolled as the city's reader): the zone's app enrolled and last seen, its last submission.
  const linkColumn = reader && (seen !== null || links !== null);
  const linkCell = (zoneId: string) => {
    const s = seen?.find((x) => x.zoneId === zoneId);
    const link = links?.get(zoneId);
    const state = link?.state ?? '未联网';
    return (
      <td className="no-print" data-testid={`seen-${zoneId}`} data-link={state} title={link?.devices.map((d) => `${d.deviceName ?? '设备'} ${d.deviceId}，登记于 ${shortLocalTime(d.enrolledAt)}${d.revokedAt ? '，已注销' : ''}`).join('\n')}>
        {links && <span className={`link-state link-${state}`} data-testid={`link-${zoneId}`}>{describeZoneLink(link)}</span>}
        {links && <br />}
        <span className="muted">{s ? `最近报送 ${shortLocalTime(s.lastReceivedAt)}：${s.periodLabel}第${s.revision}版，${s.state}` : '尚未联网报送'}</span>
      </td>
    );
  };
  // The trend runs over every period: the accepted submissions in the total, whatever the period shown.
  const trendReturns = useMemo(() => entries.filter((e) => e.judged.verdict === 'accepted' && !e.record.excluded && e.record.returnJson !== null).map((e) => JSON.parse(e.record.returnJson!) as ZoneReturn), [entries]);
  const exportSummary = async (): Promise<void> => {
    if (!figures || !set || !period || !city) return;
    const { bytes } = await writeCitySummaryWorkbook({
      format: 'zone-returns/city-summary@1',
      summaryId: uuidV4(),
      revision: 1,
      exportedAt: new Date().toISOString(),
      city: { code: city.code, name: city.name },
      period,
      indicatorSet: { id: set.id, version: set.version },
      figures: figures.figures,
      ranks: figures.ranks,
      returns: bulletinReturns,
    });
    setExportLine(outcomeText('市汇总表', await getBridge().saveFile({ suggestedName: `${city.name}${periodLabel(period)}市汇总表.xlsx`, bytes, filters: XLSX_FILTERS })));
  };
  const zoneName = (id: string | null) => registry.zones.find((z) => z.id === id)?.name ?? id ?? '—';
  const period = shownPeriod ? parsePeriodKey(shownPeriod) : undefined;

  return (
    <div className="app bureau" onDragOver={(e) => e.preventDefault()} onDrop={onDrop}>
      <header className="app-header">
        <h1>开发区指标汇总</h1>
        <span className="zone-name">{city?.name ?? ''}商务局</span>
        <span className="who" />
        <HelpButton />
      </header>
      <nav className="app-nav" role="tablist">
        {BUREAU_TABS.map((t) => (
          <button key={t.id} type="button" role="tab" aria-selected={tab === t.id} onClick={() => { setTab(t.id); setExportLine(null); }}>
            {t.label}
          </button>
        ))}
      </nav>
      <main className="app-main">
        {notice !== null && <p className="notice" role="status">{notice}</p>}
        {periods.length > 1 && tab !== 'inbox' && (
          <p>
            报告期{' '}
            <select aria-label="报告期" value={shownPeriod ?? ''} onChange={(e) => setPeriodKey(e.target.value)}>
              {periods.map((k) => (
                <option key={k} value={k}>{periodLabel(parsePeriodKey(k)!)}</option>
              ))}
            </select>
          </p>
        )}
        {tab === 'inbox' && (
          <section aria-label="收件箱">
            <p className="toolbar">
              <label className="btn primary">
                打开报送工作簿…
                <input type="file" multiple accept=".xlsx,.json" aria-label="打开报送工作簿" style={{ display: 'none' }} onChange={(e) => { const list = [...(e.target.files ?? [])]; e.target.value = ''; void receiveFiles(list.map((file) => ({ path: file.name, file }))); }} />
              </label>
              <button type="button" className="btn" onClick={() => void openFolder()}>打开文件夹…</button>
              <span className="muted">{busy ? '正在读取与校验…' : '可一次选择多个文件或整个文件夹，也可把文件或文件夹拖到窗口中。'}</span>
            </p>
            {reader && (
              <p className="server-inbox">
                联网收件（{syncStatus?.enrolled?.server}，每 15 秒）：<span data-testid="server-inbox-line" className={serverLine && !serverLine.ok ? 'error' : 'muted'}>{serverLine?.text ?? '正在连接…'}</span>{' '}
                <button type="button" onClick={() => void syncNow()}>立即同步</button>
              </p>
            )}
            <table className="grid-table inbox-table" aria-label="收到的报表">
              <colgroup>
                <col className="col-file" /><col className="col-zone" /><col className="col-period" /><col className="col-rev" /><col className="col-time" /><col className="col-verdict" /><col /><col className="col-actions" />
              </colgroup>
              <thead>
                <tr><th>文件</th><th>开发区</th><th>报告期</th><th>版次</th><th>导出时间</th><th>结论</th><th>说明</th><th>操作</th></tr>
              </thead>
              <tbody>
                {entries.map(({ record: r, judged: j }) => [
                  <tr key={r.id} data-verdict={j.verdict}>
                    <td>{r.fileName}{r.fromServer && <span className="muted">（联网）</span>}</td>
                    <td>{zoneName(r.zoneId)}</td>
                    <td className="nowrap">{r.periodKey ? periodLabel(parsePeriodKey(r.periodKey)!) : '—'}</td>
                    <td className="nowrap">{r.revision ?? '—'}</td>
                    <td className="nowrap">{r.exportedAt ? chinaDateTime(r.exportedAt) ?? r.exportedAt : '—'}</td>
                    <td className="verdict nowrap">{j.verdict === 'accepted' && r.returned ? '已退回' : VERDICT[j.verdict]}</td>
                    <td className="reason">
                      {r.returned && j.verdict === 'accepted' ? `退回原因：${r.returned.reason}` : (j.reason ?? '')}
                      {j.verdict === 'accepted' && r.excluded && <span className="muted">（不计入汇总）</span>}
                      {pending.filter((p) => p.inboxId === r.id).map((p) => (
                        <span key={p.inboxId} className="error" data-testid="sendback-pending">
                          {p.refused ? `服务器拒绝退回：${p.error}` : `退回未送达服务器：${p.error}`} <button type="button" onClick={() => void resend(p)}>重新发送</button>
                        </span>
                      ))}
                    </td>
                    <td className="actions">
                      {j.verdict === 'accepted' && !r.returned && (
                        <button type="button" className="btn" onClick={() => void sendBack(r)}>
                          退回修改
                        </button>
                      )}
                      <button type="button" className="btn" aria-expanded={openDetail === r.id} onClick={() => setOpenDetail(openDetail === r.id ? null : r.id)}>
                        详情
                      </button>
                      {j.verdict === 'accepted' && (
                        <label>
                          <input type="checkbox" checked={!r.excluded} onChange={(e) => void repo.setExcluded(r.id, !e.target.checked, who).then(reload)} /> 计入汇总
                        </label>
                      )}
                    </td>
                  </tr>,
                  openDetail === r.id && (
                    <tr key={`${r.id}-detail`} className="inbox-detail" data-testid="inbox-detail">
                      <td colSpan={8}>
                        <dl>
                          <dt>收件</dt><dd>{chinaDateTime(r.receivedAt) ?? r.receivedAt} {r.receivedBy}</dd>
                          <dt>报送编号</dt><dd>{r.submissionId ?? '—'}</dd>
                          <dt>文件校验码</dt><dd>SHA-256 {r.fileSha256}</dd>
                          <dt>市局操作</dt>
                          <dd>
                            {trail.length === 0 ? <span className="muted">没有退回或计入汇总的改动。</span> : (
                              <ol aria-label="市局操作记录">{trail.map((e) => <li key={e.seq}>{trailLine(e)}</li>)}</ol>
                            )}
                          </dd>
                        </dl>
                      </td>
                    </tr>
                  ),
                ])}
              </tbody>
            </table>
          </section>
        )}
        {tab === 'board' && !(period && set) && (
          <section aria-label="报送情况">
            <p className="muted">还没有收到可采用的报表，各报告期的报送情况在收到第一份报表后显示。</p>
            {linkColumn && (
              <table className="grid-table" aria-label="报送情况表">
                <thead><tr><th>开发区</th><th>联网报送</th></tr></thead>
                <tbody>
                  {registry.zones.filter((z) => z.cityCode === cityCode).map((z) => (
                    <tr key={z.id}><td>{z.name}</td>{linkCell(z.id)}</tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        )}
        {tab === 'board' && period && set && (() => {
          const zones = registry.zones.filter((z) => z.cityCode === cityCode);
          const today = chinaDateTime(new Date().toISOString())!.slice(0, 10);
          const board: Board = completenessBoard(set, zones, period.year, entries.filter((e) => e.judged.verdict === 'accepted' && e.record.periodKey).map((e) => ({ zoneId: e.record.zoneId!, period: parsePeriodKey(e.record.periodKey!)!, revision: e.record.revision ?? 0, exportedAt: e.record.exportedAt ?? '', returned: e.record.returned !== null })), today, period.frequency);
          const title = `${city?.name ?? ''}开发区${period.year}年报送情况`;
          const exportBoard = async (): Promise<void> => {
            const bytes = await writeBoardWorkbook({ board, title, asOf: today });
            setExportLine(outcomeText('报送情况表', await getBridge().saveFile({ suggestedName: `${title}.xlsx`, bytes, filters: XLSX_FILTERS })));
          };
          return (
            <section aria-label="报送情况" className="board-print">
              <h2 className="print-only">{title}</h2>
              <p className="board-summary"><strong>{board.summary}</strong></p>
              <p className="as-of print-only">统计截至 {today}</p>
              <table className="grid-table board-table" aria-label="报送情况表">
                <thead><tr><th>开发区</th>{board.periods.map((p) => <th key={p.endMonth}>{periodLabel(p)}</th>)}{linkColumn && <th className="no-print">联网报送</th>}</tr></thead>
                <tbody>
                  {zones.map((z) => (
                    <tr key={z.id}>
                      <td>{z.name}</td>
                      {board.cells.filter((c) => c.zoneId === z.id).map((c) => (
                        <td key={c.periodKey} data-state={c.state}>{boardCellText(c)}</td>
                      ))}
                      {linkColumn && linkCell(z.id)}
                    </tr>
                  ))}
                </tbody>
              </table>
              <p className="toolbar no-print">
                <button type="button" className="btn" onClick={() => window.print()}>打印</button>
                <button type="button" className="btn" onClick={() => void exportBoard()}>导出工作簿</button>
              </p>
              {exportLine && <p className={exportLine.error ? 'notice error no-print' : 'notice no-print'} role="status">{exportLine.text}</p>}
            </section>
          );
        })()}
        {tab === 'summary' && (
          <section aria-label="汇总">
            {!figures ? <p className="muted">还没有可汇总的报表。请先在收件箱收取各开发区的报送工作簿。</p> : (
              <>
                <p>{city?.name}{period ? periodLabel(period) : ''}，计入汇总：{figures.consolidated.zoneIds.map(zoneName).join('、')}{accepted.length > included.length ? `；未计入：${accepted.filter((e) => e.record.excluded).map((e) => zoneName(e.record.zoneId)).join('、')}` : ''}</p>
                <p className="outcome">规上工业增加值：{figures.outcomes['gyzjz'] ?? ''}</p>
                <p className="toolbar">
                  <button type="button" className="btn primary" onClick={() => void exportSummary()}>导出市汇总表</button>
                  <span className="muted">一开发区一行，末行为全市合计，带校验的数据页，可供省厅汇总。</span>
                </p>
                {exportLine && <p className={exportLine.error ? 'notice error' : 'notice'} role="status">{exportLine.text}</p>}
                <table className="grid-table" aria-label="城市汇总">
                  <thead><tr><th>指标</th><th>单位</th><th>本期累计</th><th>上年同期</th><th>同比增长%</th><th>省定目标%</th><th>与目标差（百分点）</th><th>全省开发区平均增速%</th><th>与全省平均差（百分点）</th><th>全省排名</th></tr></thead>
                  <tbody>
                    {Object.entries(figures.figures).filter(([, f]) => f.lastYear !== null).map(([code, f]) => (
                      <tr key={code} data-code={code}>
                        <td>{f.name}</td><td>{f.unit}</td><td className="num">{fmt(f.value)}</td><td className="num">{fmt(f.lastYear)}</td><td className="num">{fmt(f.growthPct)}</td><td className="num">{fmt(f.targetPct)}</td><td className="num">{fmt(f.gapPoints)}</td>
                        <td className="num">{fmt(f.provinceAvgPct)}</td>
                        <td className="num">{fmt(f.provinceAvgGapPoints)}</td>
                        <td>{rankText(reference.provinceRank?.[code])}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </>
            )}
            {set && shownPeriod && period && (
              <ReferenceForm repo={repo} registry={registry} cityCode={cityCode} periodKey={shownPeriod} periodText={periodLabel(period)} set={set} reference={reference} onSaved={setReference} />
            )}
          </section>
        )}
        {tab === 'ranks' && figures && (
          <section aria-label="排名">
            {['gyzjz', 'gytz'].filter((c) => figures.ranks[c]).map((code) => (
              <div key={code}>
                <h3>{figures.figures[code]?.name}</h3>
                <table className="grid-table" aria-label={`${figures.figures[code]?.name}排名`}>
                  <thead><tr><th>开发区</th><th>本期累计</th><th>完成量排名</th><th>同比增长%</th><th>增速排名</th><th>拉动（百分点）</th></tr></thead>
                  <tbody>
                    {figures.ranks[code]!.map((r) => (
                      <tr key={r.zoneId}><td>{r.zoneName}</td><td>{fmt(r.value)}</td><td>{r.valueRank ?? '—'}</td><td>{fmt(r.growthPct)}</td><td>{r.growthRank ?? '—'}</td><td>{fmt(r.pullPoints)}</td></tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ))}
          </section>
        )}
        {tab === 'charts' && figures && period && <BureauCharts figures={figures} returns={trendReturns} cityName={city?.name ?? ''} period={period} registry={registry} />}
        {tab === 'bulletin' && (!set || !shownPeriod || rets.length === 0 ? <p className="muted">还没有可起草通报的报表。请先在收件箱收取各开发区的报送工作簿。</p> : (
          <BureauBulletin repo={repo} registry={registry} cityCode={cityCode} cityName={city?.name ?? ''} periodKey={shownPeriod} set={set} returns={bulletinReturns} reference={reference} />
        ))}
        {tab === 'settings' && (
          <>
            <UnitPicker registry={registry} settings={settings} onSave={props.onSaveSettings} />
            <SyncSettingsPanel repo={repo} />
          </>
        )}
      </main>
    </div>
  );
}
