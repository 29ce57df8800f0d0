/** ECharts options built from the city figures (data only; the chart code is loaded lazily). */
import type { CityFigures } from '../../src-shared/collect';

/** Zones' growth as bars, with the provincial target as a line. */
export function growthBarsOption(figures: CityFigures, code: string): Record<string, unknown> {
  const rows = figures.ranks[code] ?? [];
  const f = figures.figures[code];
  const target = f?.targetPct ?? null;
  return {
    animation: false,
    title: { text: `${f?.name ?? code}同比增长（%）`, left: 'center', textStyle: { fontSize: 14 } },
    grid: { left: 50, right: 120, top: 50, bottom: 40 },
    xAxis: { type: 'category', data: rows.map((r) => r.zoneName) },
    yAxis: { type: 'value', name: '%' },
    series: [
      {
        type: 'bar',
        name: '同比增长',
        data: rows.map((r) => (r.growthPct === null ? null : Number(r.growthPct.toFixed(2)))),
        label: { show: true, position: 'top' },
        ...(target === null ? {} : { markLine: { symbol: 'none', data: [{ yAxis: target, name: '省定目标' }], label: { formatter: `省定目标 ${target}%` }, lineStyle: { color: '#c23531', type: 'dashed' } } }),
      },
    ],
  };
}
