/** One ECharts chart; `echarts` is imported dynamically, so it is its own chunk, loaded on first use. */
import { useEffect, useRef, useState } from 'react';

export function EChart({ option, label, fileName }: { option: Record<string, unknown>; label: string; fileName: string }) {
  const ref = useRef<HTMLDivElement | null>(null);
  const chart = useRef<{ getDataURL(o: object): string; dispose(): void } | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let disposed = false;
    void import('echarts')
      .then((echarts) => {
        if (disposed || !ref.current) return;
        const c = echarts.init(ref.current, undefined, { renderer: 'canvas' });
        c.setOption(option);
        chart.current = c;
      })
      .catch((e: unknown) => setError(`图表组件加载失败：${e instanceof Error ? e.message : String(e)}`));
    return () => {
      disposed = true;
      chart.current?.dispose();
      chart.current = null;
    };
  }, [option]);
  const savePng = () => {
    const url = chart.current?.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
    if (!url) return;
    const a = document.createElement('a');
    a.href = url;
    a.download = fileName;
    a.click();
  };
  return (
    <figure className="chart" aria-label={label}>
      {error !== null && <p className="notice error">{error}</p>}
      <div ref={ref} data-testid="echart" style={{ width: 720, height: 340 }} />
      <button type="button" onClick={savePng}>保存为 PNG</button>
    </figure>
  );
}
