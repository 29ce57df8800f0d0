/**
 * The city bureau's app (本单位 = 市商务局): 收件箱 / 报送情况 / 汇总 / 排名 / 图表 / 通报 / 设置. Every rule and
 * figure comes from src-shared/collect; this file only stores, shows and asks.
 */
import { HelpButton } from '../help/help-page';
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import { BOARD_STATE_LABEL, cityFigures, completenessBoard, type CityFigures, type InboxRulesOptions, type ReferenceFigures } from '../../src-shared/collect';
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
import { appSync, useSyncStatus } from '../sync/app-sync';
import { SyncSettingsPanel } from '../sync/sync-settings-panel';
import { BureauBulletin } from './bureau-bulletin';

const VERDICT: Record<string, string> = { accepted: '采用', superseded: '已被取代', duplicate: '重复', rejected: '不予采用' };
const fmt = (v: number | null, d = 2): string => (v === null ? '—' : v.toFixed(d));

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

  const receive = async (list: File[]): Promise<void> => {
    if (list.length === 0) return;
    setBusy(true);
    try {
      const read = await readFilesInWorker(await Promise.all(list.map(async (f) => ({ fileName: f.name, bytes: new Uint8Array(await f.arrayBuffer()) }))));
      const r = await repo.receiveFiles(read, who);
      if (!r.ok) setNotice(r.issues.map((i) => i.message).join('；'));
      else setNotice(`收到 ${read.length} 个文件，新存入 ${r.value.stored.length} 个${r.value.alreadyReceived.length ? `，已收过：${r.value.alreadyReceived.join('、')}` : ''}`);
      await reload();
    } finally {
      setBusy(false);
    }
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    void receive([...e.dataTransfer.files]);
  };

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
      <td data-testid={`seen-${zoneId}`} data-link={state} title={link?.devices.map((d) => `${d.deviceName ?? '设备'} ${d.deviceId}，登记于 ${shortLocalTime(d.enrolledAt)}${d.revokedAt ? '，已注销' : ''}`).join('\n')}>
        {links && <span className={`link-state link-${state}`} data-testid={`link-${zoneId}`}>{describeZoneLink(link)}</span>}
        {links && <br />}
        <span className="muted">{s ? `最近报送 ${shortLocalTime(s.lastReceivedAt)}：${s.periodLabel}第${s.revision}版，${s.state}` : '尚未联网报送'}</span>
      </td>
    );
  };
  // The trend runs over every period: the accepted submissions in the total, whatever the period shown.
  const trendReturns = useMemo(() => entries.filter((e) => e.judged.verdict === 'accepted' && !e.record.excluded && e.record.returnJson !== null).map((e) => JSON.parse(e.record.returnJson!) as ZoneReturn), [entries]);
  const zoneName = (id: string | null) => registry.zones.find((z) => z.id === id)?.name ?? id ?? '—';
  const period = shownPeriod ? parsePeriodKey(shownPeriod) : undefined;

  return (
    <div className="app" onDragOver={(e) => e.preventDefault()} onDrop={onDrop}>
      <header className="app-header">
        <h1>开发区指标汇总</h1>
        <span className="zone-name">{city?.name ?? ''}商务局</span>
        <span className="who" />
        <HelpButton />
      </header>
      <nav className="app-nav" role="tablist">
        {BUREAU_TABS.map((t) => (
          <button key={t.id} type="button" role="tab" aria-selected={tab === t.id} onClick={() => setTab(t.id)}>
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
            <p>
              <label className="button">
                打开报送工作簿…
                <input type="file" multiple accept=".xlsx,.json" aria-label="打开报送工作簿" style={{ display: 'none' }} onChange={(e) => void receive([...(e.target.files ?? [])])} />
              </label>{' '}
              <span className="muted">{busy ? '正在读取与校验…' : '可一次选择多个文件，或把文件拖到窗口中。'}</span>
            </p>
            {reader && (
              <p className="server-inbox">
                联网收件（{syncStatus?.enrolled?.server}，每 15 秒）：<span data-testid="server-inbox-line" className={serverLine && !serverLine.ok ? 'error' : 'muted'}>{serverLine?.text ?? '正在连接…'}</span>{' '}
                <button type="button" onClick={() => void syncNow()}>立即同步</button>
              </p>
            )}
            <table className="grid-table inbox-table" aria-label="收到的报表">
              <thead>
                <tr><th>文件</th><th>开发区</th><th>报告期</th><th>版次</th><th>导出时间</th><th>结论</th><th>说明</th><th>操作</th></tr>
              </thead>
              <tbody>
                {entries.map(({ record: r, judged: j }) => (
                  <tr key={r.id} data-verdict={j.verdict}>
                    <td>{r.fileName}{r.fromServer && <span className="muted">（联网）</span>}</td>
                    <td>{zoneName(r.zoneId)}</td>
                    <td>{r.periodKey ? periodLabel(parsePeriodKey(r.periodKey)!) : '—'}</td>
                    <td>{r.revision ?? '—'}</td>
                    <td>{r.exportedAt ? localTime(r.exportedAt) : '—'}</td>
                    <td>{j.verdict === 'accepted' && r.returned ? '已退回' : VERDICT[j.verdict]}</td>
                    <td>
                      {r.returned && j.verdict === 'accepted' ? `退回原因：${r.returned.reason}` : (j.reason ?? '')}
                      {pending.filter((p) => p.inboxId === r.id).map((p) => (
                        <span key={p.inboxId} className="error" data-testid="sendback-pending">
                          {p.refused ? `服务器拒绝退回：${p.error}` : `退回未送达服务器：${p.error}`} <button type="button" onClick={() => void resend(p)}>重新发送</button>
                        </span>
                      ))}
                    </td>
                    <td>
                      {j.verdict === 'accepted' && !r.returned && (
                        <button type="button" onClick={() => void sendBack(r)}>
                          退回修改
                        </button>
                      )}
                      {j.verdict === 'accepted' && (
                        <label>
                          <input type="checkbox" checked={!r.excluded} onChange={(e) => void repo.setExcluded(r.id, !e.target.checked).then(reload)} /> 计入汇总
                        </label>
                      )}
                    </td>
                  </tr>
                ))}
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
          const board = completenessBoard(set, zones, period.year, entries.filter((e) => e.judged.verdict === 'accepted' && e.record.periodKey).map((e) => ({ zoneId: e.record.zoneId!, period: parsePeriodKey(e.record.periodKey!)!, revision: e.record.revision ?? 0, exportedAt: e.record.exportedAt ?? '', returned: e.record.returned !== null })), new Date().toISOString().slice(0, 10), period.frequency);
          return (
            <section aria-label="报送情况">
              <p className="board-summary"><strong>{board.summary}</strong></p>
              <table className="grid-table" aria-label="报送情况表">
                <thead><tr><th>开发区</th>{board.periods.map((p) => <th key={p.endMonth}>{periodLabel(p)}</th>)}{linkColumn && <th>联网报送</th>}</tr></thead>
                <tbody>
                  {zones.map((z) => (
                    <tr key={z.id}>
                      <td>{z.name}</td>
                      {board.cells.filter((c) => c.zoneId === z.id).map((c) => (
                        <td key={c.periodKey} data-state={c.state}>{BOARD_STATE_LABEL[c.state]}{c.revision !== undefined ? `（第${c.revision}版）` : ''}</td>
                      ))}
                      {linkColumn && linkCell(z.id)}
                    </tr>
                  ))}
                </tbody>
              </table>
              <button type="button" onClick={() => window.print()}>打印</button>
            </section>
          );
        })()}
        {tab === 'summary' && (
          <section aria-label="汇总">
            {!figures ? <p className="muted">还没有可汇总的报表。请先在收件箱收取各开发区的报送工作簿。</p> : (
              <>
                <p>{city?.name}{period ? periodLabel(period) : ''}，计入汇总：{figures.consolidated.zoneIds.map(zoneName).join('、')}{accepted.length > included.length ? `；未计入：${accepted.filter((e) => e.record.excluded).map((e) => zoneName(e.record.zoneId)).join('、')}` : ''}</p>
                <p className="outcome">规上工业增加值：{figures.outcomes['gyzjz'] ?? ''}</p>
                <table className="grid-table" aria-label="城市汇总">
                  <thead><tr><th>指标</th><th>单位</th><th>本期累计</th><th>上年同期</th><th>同比增长%</th><th>省定目标%</th><th>与目标差（百分点）</th><th>全省开发区平均增速%</th><th>与全省平均差（百分点）</th></tr></thead>
                  <tbody>
                    {Object.entries(figures.figures).filter(([, f]) => f.lastYear !== null).map(([code, f]) => (
                      <tr key={code} data-code={code}>
                        <td>{f.name}</td><td>{f.unit}</td><td>{fmt(f.value)}</td><td>{fmt(f.lastYear)}</td><td>{fmt(f.growthPct)}</td><td>{fmt(f.targetPct)}</td><td>{fmt(f.gapPoints)}</td>
                        <td>
                          <input aria-label={`${f.name}全省开发区平均增速`} size={6} defaultValue={reference.provinceAverageGrowthPct?.[code] ?? ''} onBlur={(e) => {
                            const text = e.target.value.trim();
                            const v = Number(text);
                            if (text !== '' && !Number.isFinite(v)) { setNotice(`${f.name}的全省开发区平均增速「${text}」不是数字`); return; }
                            const next = { ...reference, provinceAverageGrowthPct: { ...(reference.provinceAverageGrowthPct ?? {}) } };
                            if (text === '') delete next.provinceAverageGrowthPct[code]; else next.provinceAverageGrowthPct[code] = v;
                            void repo.saveReferenceFigures(cityCode, shownPeriod!, next).then(() => setReference(next));
                          }} />
                        </td>
                        <td>{fmt(f.provinceAvgGapPoints)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </>
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
