/**
 * 趋势 under the clerk's return list: the zone's cumulative values over the periods of the year, this
 * year and last, from its own returns (the bureau's trend chart, for one zone). Loaded lazily with
 * the chart code.
 */
import { useEffect, useMemo, useState } from 'react';
import { cumulativeTrend, trendIndicators } from '../../src-shared/collect';
import type { IndicatorSet, Period, Zone, ZoneReturn } from '../../src-shared/model';
import type { Repository, ReturnSummary } from '../db';
import { chartFileName, trendOption } from '../bureau/chart-options';
import { EChart } from '../bureau/growth-chart';

export interface TrendPanelProps {
  repo: Repository;
  zone: Zone;
  set: IndicatorSet;
  year: number;
  frequency: Period['frequency'];
  /** The zone's returns as listed: the panel loads those of this year and last. */
  summaries: ReturnSummary[];
}

export function TrendPanel({ repo, zone, set, year, frequency, summaries }: TrendPanelProps) {
  const indicators = useMemo(() => trendIndicators(set, [zone.type]), [set, zone.type]);
  const [chosen, setChosen] = useState<string | null>(null);
  const code = chosen !== null && indicators.some((i) => i.code === chosen) ? chosen : (indicators[0]?.code ?? '');
  const [returns, setReturns] = useState<ZoneReturn[] | null>(null);
  useEffect(() => {
    let live = true;
    const wanted = summaries.filter((s) => s.period.frequency === frequency && (s.period.year === year || s.period.year === year - 1));
    void Promise.all(wanted.map((s) => repo.loadReturn(s.id))).then((loaded) => {
      if (live) setReturns(loaded.flatMap((r) => (r.ok ? [r.value.zoneReturn] : [])));
    });
    return () => {
      live = false;
    };
  }, [repo, summaries, year, frequency]);
  const trend = useMemo(() => (returns === null || code === '' ? null : cumulativeTrend(returns, { code, year, frequency })), [returns, code, year, frequency]);
  const option = useMemo(() => (trend?.ok ? trendOption(trend.value, zone.name) : null), [trend, zone.name]);

  return (
    <section className="trend-panel" aria-label="趋势" style={{ marginTop: 20 }}>
      <h3>趋势 · {year}年累计</h3>
      <div className="toolbar">
        <label>
          指标{' '}
          <select aria-label="趋势指标" value={code} onChange={(e) => setChosen(e.target.value)}>
            {indicators.map((i) => <option key={i.code} value={i.code}>{i.name}</option>)}
          </select>
        </label>
        <span className="muted">本年与上年各期累计数，取自本开发区的报表（含尚未报送的）；上年缺报表所列上年同期数时取上年的报表。</span>
      </div>
      {returns === null && <p className="muted">正在读取…</p>}
      {trend && !trend.ok && returns?.length !== 0 && <p className="muted">{trend.issues.map((i) => i.message).join('；')}</p>}
      {trend && (!trend.ok ? returns?.length === 0 : trend.value.points.every((p) => p.thisYear === null && p.lastYear === null)) && (
        <p className="muted">{year}年和{year - 1}年还没有填报{indicators.find((i) => i.code === code)?.name ?? ''}，填报后这里显示各期累计走势。</p>
      )}
      {trend?.ok && option && trend.value.points.some((p) => p.thisYear !== null || p.lastYear !== null) && (
        <EChart option={option} label={`${trend.value.name}累计走势图`} fileName={chartFileName(zone.name, `${year}年`, `${trend.value.name}累计走势`)} width={760} height={340} />
      )}
    </section>
  );
}
