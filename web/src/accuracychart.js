// The credibility board's chart: each series' backtest WAPE beside the seasonal naive
// baseline's on the same days, as paired bars drawn by uPlot (the chart library the
// stock trend uses). The table below it carries the same figures for screen readers.
import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import { html } from './ui.js';

const MODEL = '#1f5fa8';
const BASELINE = '#b4461e';

/** uPlot's columns from the series: x is the series' index, then both WAPEs (as %). */
export function wapeColumns(series) {
  const pct = (v) => (v == null ? null : Math.round(v * 1000) / 10);
  return {
    labels: series.map((s) => `${s.sku} @ ${s.location}`),
    data: [series.map((_, i) => i), series.map((s) => pct(s.chosen.wape)), series.map((s) => pct(s.baseline.wape))],
  };
}

export function AccuracyChart({ series }) {
  const box = useRef();
  const { labels, data } = wapeColumns(series);
  const shape = labels.join('|');

  useEffect(() => {
    if (!box.current || labels.length === 0) return undefined;
    const width = Math.max(280, Math.min(900, box.current.clientWidth - 8));
    const bars = (align) => uPlot.paths.bars({ size: [0.35, 48], align });
    const plot = new uPlot(
      {
        width,
        height: 220,
        scales: { x: { time: false, range: () => [-0.6, labels.length - 0.4] }, y: { range: (u, lo, hi) => [0, Math.max(10, hi * 1.1)] } },
        axes: [
          { splits: () => labels.map((_, i) => i), values: (u, splits) => splits.map((i) => labels[i] ?? ''), grid: { show: false } },
          { label: 'WAPE %', values: (u, splits) => splits.map((v) => `${v}%`) },
        ],
        series: [
          { value: (u, i) => labels[i] ?? '' },
          { label: 'forecast model', fill: MODEL, stroke: MODEL, width: 0, paths: bars(-1), points: { show: false }, value: (u, v) => (v == null ? '—' : `${v}%`) },
          { label: 'seasonal naive baseline', fill: BASELINE, stroke: BASELINE, width: 0, paths: bars(1), points: { show: false }, value: (u, v) => (v == null ? '—' : `${v}%`) },
        ],
        legend: { show: false }, // the legend below is HTML: the chart itself is one image
        cursor: { points: { show: false } },
      },
      data,
      box.current,
    );
    return () => plot.destroy();
  }, [shape, data[1].join(), data[2].join()]);

  if (labels.length === 0) return null;
  const said = labels.map((l, i) => `${l}: model ${data[1][i] ?? '—'}%, baseline ${data[2][i] ?? '—'}%`).join('; ');
  return html`<figure class="trend accuracy">
    <figcaption>Backtest WAPE per series, the forecast model beside the seasonal naive baseline (lower is better)</figcaption>
    <div ref=${box} role="img" aria-label=${`Bar chart of WAPE per series: ${said}`}></div>
    <p class="legend small" aria-hidden="true"><span class="swatch" style=${`background:${MODEL}`}></span> forecast model
      <span class="swatch" style=${`background:${BASELINE}`}></span> seasonal naive baseline</p>
  </figure>`;
}
