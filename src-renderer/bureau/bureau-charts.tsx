/**
 * 图表 of the bureau's app: for one indicator, the city's cumulative trend (this year and last), the
 * zones' growth with the target line, and the zones' ranks by value and by growth (the ranks of the
 * 排名 tab). Each chart saves as PNG; 打印图表 prints them as images on one A4 landscape page.
 */
import { useCallback, useMemo, useState } from 'react';
import { cumulativeTrend, type CityFigures } from '../../src-shared/collect';
import type { Period, ZoneRegistry, ZoneReturn } from '../../src-shared/model';
import { periodLabel } from '../../src-shared/period';
import { chartFileName, growthBarsOption, rankBarsOption, trendOption } from './chart-options';
import { EChart } from './growth-chart';
import './bureau-charts.css';

export interface BureauChartsProps {
  figures: CityFigures;
  /** The accepted submissions in the total, of every period: the trend's source. */
  returns: ZoneReturn[];
  cityName: string;
  period: Period;
  registry: ZoneRegistry;
}

type ChartId = 'trend' | 'growth' | 'value-rank' | 'growth-rank';

export function BureauCharts({ figures, returns, cityName, period, registry }: BureauChartsProps) {
  const codes = useMemo(() => Object.keys(figures.ranks).filter((c) => figures.figures[c]), [figures]);
  const [chosen, setChosen] = useState('gyzjz');
  const code = codes.includes(chosen) ? chosen : (codes[0] ?? chosen);
  const name = figures.figures[code]?.name ?? code;
  const [images, setImages] = useState<Partial<Record<ChartId, string>>>({});
  const imageOf = useCallback((id: ChartId) => (url: string) => setImages((m) => (m[id] === url ? m : { ...m, [id]: url })), []);
  const trend = useMemo(() => cumulativeTrend(returns, { code, year: period.year, frequency: period.frequency, registry }), [returns, code, period, registry]);

  const charts = useMemo(() => {
    const label = periodLabel(period);
    const list: { id: ChartId; label: string; fileName: string; option: Record<string, unknown> }[] = [];
    if (trend.ok) list.push({ id: 'trend', label: `${name}累计走势图`, fileName: chartFileName(cityName, `${period.year}年`, `${name}累计走势`), option: trendOption(trend.value, cityName) });
    list.push(
      { id: 'growth', label: `${name}增速图`, fileName: chartFileName(cityName, label, `${name}增速`), option: growthBarsOption(figures, code) },
      { id: 'value-rank', label: `${name}完成量排名图`, fileName: chartFileName(cityName, label, `${name}完成量排名`), option: rankBarsOption(figures, code, 'value') },
      { id: 'growth-rank', label: `${name}增速排名图`, fileName: chartFileName(cityName, label, `${name}增速排名`), option: rankBarsOption(figures, code, 'growth') },
    );
    return list;
  }, [trend, figures, code, name, cityName, period]);
  const ready = charts.every((c) => images[c.id] !== undefined);

  return (
    <section aria-label="图表" className="bureau-charts">
      <div className="charts-screen">
        <p className="toolbar">
          <label>
            指标{' '}
            <select aria-label="图表指标" value={code} onChange={(e) => { setImages({}); setChosen(e.target.value); }}>
              {codes.map((c) => <option key={c} value={c}>{figures.figures[c]?.name}</option>)}
            </select>
          </label>{' '}
          <button type="button" disabled={!ready} onClick={() => window.print()}>打印图表</button>{' '}
          <span className="muted">{periodLabel(period)}，{figures.consolidated.zoneIds.length}个开发区计入汇总</span>
        </p>
        {!trend.ok && <p className="notice warning">{trend.issues.map((i) => i.message).join('；')}</p>}
        <div className="chart-grid">
          {charts.map((c) => <EChart key={`${code}-${c.id}`} option={c.option} label={c.label} fileName={c.fileName} onImage={imageOf(c.id)} />)}
        </div>
      </div>
      <div className="chart-print" aria-hidden="true">
        <h1>{cityName}开发区{periodLabel(period)}{name}图表</h1>
        <div className="chart-print-grid">
          {charts.map((c) => images[c.id] && <img key={c.id} src={images[c.id]} alt={c.label} />)}
        </div>
      </div>
    </section>
  );
}
