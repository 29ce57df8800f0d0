/** One ECharts chart; `echarts` is imported dynamically, so it is its own chunk, loaded on first use. */
import { useEffect, useRef, useState } from 'react';
import { getBridge } from '../bridge';
import './growth-chart.css';

const PNG_FILTERS = [{ name: 'PNG 图片', extensions: ['png'] }];

/** The bytes of a `data:image/png;base64,…` URL. */
export function dataUrlBytes(url: string): Uint8Array {
  const bin = atob(url.slice(url.indexOf(',') + 1));
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

export interface EChartProps {
  option: Record<string, unknown>;
  label: string;
  /** Offered when saving as PNG, e.g. `晋城市_2024年1–3月_规上工业增加值增速.png`. */
  fileName: string;
  width?: number;
  height?: number;
  /** The chart as a PNG data URL each time it is drawn: the print view shows these images. */
  onImage?: (url: string) => void;
}

export function EChart({ option, label, fileName, width = 640, height = 340, onImage }: EChartProps) {
  const ref = useRef<HTMLDivElement | null>(null);
  const chart = useRef<{ getDataURL(o: object): string; dispose(): void } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<{ ok: boolean; text: string } | null>(null);
  const image = useRef(onImage);
  image.current = onImage;
  useEffect(() => {
    let disposed = false;
    void import('echarts')
      .then((echarts) => {
        if (disposed || !ref.current) return;
        const c = echarts.init(ref.current, undefined, { renderer: 'canvas' });
        c.setOption(option);
        chart.current = c;
        // Animation is off in every option, so the drawing is complete here.
        image.current?.(c.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' }));
      })
      .catch((e: unknown) => setError(`图表组件加载失败：${e instanceof Error ? e.message : String(e)}`));
    return () => {
      disposed = true;
      chart.current?.dispose();
      chart.current = null;
    };
  }, [option]);
  const savePng = async () => {
    const url = chart.current?.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
    if (!url) return;
    const r = await getBridge().saveFile({ suggestedName: fileName, bytes: dataUrlBytes(url), filters: PNG_FILTERS });
    if (!r.ok) setSaved({ ok: false, text: r.issues.map((i) => i.message).join('；') || '图片未能保存。' });
    else if (r.value.kind === 'saved') setSaved({ ok: true, text: `图片已保存：${r.value.fileName}` });
    else if (r.value.kind === 'downloaded') setSaved({ ok: true, text: `图片已下载：${r.value.fileName}` });
    else setSaved(null);
  };
  return (
    <figure className="chart" aria-label={label}>
      {error !== null && <p className="notice error">{error}</p>}
      <div ref={ref} data-testid="echart" style={{ width, height }} />
      <figcaption>
        <button type="button" onClick={() => void savePng()}>保存为 PNG</button>{' '}
        {saved && <span className={saved.ok ? 'muted' : 'error'} role="status">{saved.text}</span>}
      </figcaption>
    </figure>
  );
}
