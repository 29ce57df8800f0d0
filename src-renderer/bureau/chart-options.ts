/** ECharts options built from the city figures and trends (data only; the chart code is loaded lazily). */
import type { CityFigures, CumulativeTrend, ZoneRankRow } from '../../src-shared/collect';

type Option = Record<string, unknown>;
const round2 = (v: number | null): number | null => (v === null ? null : Math.round(v * 100) / 100);
/** Labels show two decimals as the tables do (26.00, not 26). */
const fixed2 = (v: number | null): string => (v === null ? '—' : v.toFixed(2));
// containLabel keeps long zone names and axis names inside the canvas (no clipped labels).
const TITLE = { left: 'center', textStyle: { fontSize: 15 }, subtextStyle: { fontSize: 12, color: '#555' } };

/** Zones' growth as bars, with the provincial target as a dashed line. */
export function growthBarsOption(figures: CityFigures, code: string): Option {
  const rows = figures.ranks[code] ?? [];
  const f = figures.figures[code];
  const target = f?.targetPct ?? null;
  return {
    animation: false,
    title: { ...TITLE, text: `各开发区${f?.name ?? code}同比增长` },
    grid: { left: 20, right: 90, top: 60, bottom: 20, containLabel: true },
    xAxis: { type: 'category', data: rows.map((r) => r.zoneName), axisLabel: { interval: 0 } },
    yAxis: { type: 'value', name: '增速（%）', boundaryGap: [0, '10%'] },
    series: [
      {
        type: 'bar',
        name: '同比增长',
        data: rows.map((r) => ({ value: round2(r.growthPct), label: { formatter: fixed2(r.growthPct) } })),
        label: { show: true, position: 'top' },
        ...(target === null ? {} : { markLine: { symbol: 'none', data: [{ yAxis: target, name: '省定目标' }], label: { formatter: `省定目标 ${target}%` }, lineStyle: { color: '#c23531', type: 'dashed' } } }),
      },
    ],
  };
}

/** The subtitle that says where 上年 comes from and which periods have fewer zones than the most. */
export function trendNote(trend: CumulativeTrend): string {
  const parts: string[] = [];
  const fromReturns = trend.points.filter((p) => p.lastYearSource === 'last-year-returns').map((p) => p.label);
  parts.push(fromReturns.length === 0 ? '上年为各期报表所列上年同期数' : `上年：${fromReturns.join('、')}取${trend.year - 1}年报表数，其余为本年报表所列上年同期数`);
  const most = Math.max(0, ...trend.points.map((p) => p.zoneIds.length));
  const fewer = trend.points.filter((p) => p.thisYear !== null && p.zoneIds.length < most);
  if (fewer.length > 0) parts.push(fewer.map((p) => `${p.label}仅含${p.zoneIds.length}个开发区`).join('，'));
  return parts.join('；');
}

/** This year's and last year's cumulative values over the periods of the year, as bars side by side (labels never overlap). */
export function trendOption(trend: CumulativeTrend, subject: string): Option {
  return {
    animation: false,
    title: { ...TITLE, text: `${subject}${trend.year}年${trend.name}累计走势`, subtext: trendNote(trend) },
    legend: { top: 48 },
    tooltip: { trigger: 'axis' },
    grid: { left: 20, right: 30, top: 84, bottom: 20, containLabel: true },
    xAxis: { type: 'category', name: '累计期间', nameLocation: 'middle', nameGap: 28, data: trend.points.map((p) => p.label) },
    // Headroom over the tallest bar, so its label stays clear of the legend.
    yAxis: { type: 'value', name: trend.unit, boundaryGap: [0, '12%'] },
    series: [
      { name: `本年（${trend.year}年）`, values: trend.points.map((p) => p.thisYear), color: '#3f6fd1' },
      { name: `上年（${trend.year - 1}年）`, values: trend.points.map((p) => p.lastYear), color: '#a7b3c4' },
    ].map((x) => ({
      type: 'bar',
      name: x.name,
      itemStyle: { color: x.color },
      barMaxWidth: 40,
      data: x.values.map((v) => ({ value: round2(v), label: { formatter: fixed2(v) } })),
      label: { show: true, position: 'top', fontSize: 11 },
    })),
  };
}

/** Rows in rank order (ties keep their shared rank, zones without one last). */
export function rankedRows(rows: ZoneRankRow[], by: 'value' | 'growth'): ZoneRankRow[] {
  const rank = (r: ZoneRankRow) => (by === 'value' ? r.valueRank : r.growthRank) ?? Number.POSITIVE_INFINITY;
  return [...rows].sort((a, b) => rank(a) - rank(b));
}

/** Zones' ranks by value or by growth as horizontal bars, the first at the top, each labelled 第n名. */
export function rankBarsOption(figures: CityFigures, code: string, by: 'value' | 'growth'): Option {
  const f = figures.figures[code];
  const rows = rankedRows(figures.ranks[code] ?? [], by);
  const valueOf = (r: ZoneRankRow) => round2(by === 'value' ? r.value : r.growthPct);
  const rankOf = (r: ZoneRankRow) => (by === 'value' ? r.valueRank : r.growthRank);
  const unit = by === 'value' ? (f?.unit ?? '') : '%';
  return {
    animation: false,
    title: { ...TITLE, text: `各开发区${f?.name ?? code}${by === 'value' ? '完成量' : '增速'}排名` },
    grid: { left: 20, right: 110, top: 50, bottom: 20, containLabel: true },
    xAxis: { type: 'value', name: by === 'value' ? `完成量（${unit}）` : '增速（%）', nameLocation: 'middle', nameGap: 26, boundaryGap: [0, '5%'] },
    yAxis: { type: 'category', inverse: true, data: rows.map((r) => r.zoneName), axisLabel: { interval: 0 } },
    series: [
      {
        type: 'bar',
        name: by === 'value' ? '完成量' : '同比增长',
        barMaxWidth: 28,
        // A label per bar: the rank the 排名 tab shows (ties share it) and the figure.
        data: rows.map((r) => ({ value: valueOf(r), label: { formatter: rankOf(r) === null ? '无排名' : `第${rankOf(r)}名  ${fixed2(by === 'value' ? r.value : r.growthPct)}${unit}` } })),
        label: { show: true, position: 'right' },
      },
    ],
  };
}

/** `晋城市_2024年1–3月_规上工业增加值增速.png`; characters a file name cannot hold are dropped. */
export function chartFileName(...parts: string[]): string {
  return `${parts.map((p) => p.replace(/[\\/:*?"<>|\s]+/g, '')).filter((p) => p !== '').join('_')}.png`;
}
