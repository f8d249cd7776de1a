// A product's available stock per location since the page opened, drawn by uPlot and
// extended by every live change.
import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import { html } from './ui.js';

const COLOURS = ['#1f5fa8', '#b4461e', '#2d7a3a', '#7a3d9a', '#8a6d00', '#00707a'];

/**
 * Aligns the points of one SKU into uPlot's columns: one x (seconds) and, per location,
 * the available quantity, carried forward between changes (stock is a step function).
 */
export function series(history, sku) {
  const pts = history.filter((p) => p.sku === sku);
  const locs = [...new Set(pts.map((p) => p.location))].sort();
  const xs = [];
  const cols = locs.map(() => []);
  const lots = new Map(); // location -> lot -> available: a location sums its lots
  for (const p of pts) {
    const m = lots.get(p.location) || new Map();
    m.set(p.lot, Number(p.available)); // display only: the figures shown in tables stay exact strings
    lots.set(p.location, m);
    xs.push(p.t / 1000);
    locs.forEach((l, i) => {
      const v = lots.get(l);
      cols[i].push(v ? [...v.values()].reduce((a, b) => a + b, 0) : null);
    });
  }
  return { locs, data: [xs, ...cols] };
}

export function Trend({ sku, history, onClose }) {
  const box = useRef();
  const plot = useRef();
  const { locs, data } = series(history, sku);
  const shape = locs.join('|');

  useEffect(() => {
    if (!box.current) return undefined;
    const width = Math.max(280, box.current.clientWidth - 8);
    plot.current = new uPlot(
      {
        width,
        height: 200,
        scales: { x: { time: true } },
        axes: [{}, { label: 'available' }],
        series: [{}, ...locs.map((l, i) => ({ label: l, stroke: COLOURS[i % COLOURS.length], width: 2, paths: uPlot.paths.stepped({ align: 1 }) }))],
      },
      data,
      box.current,
    );
    return () => plot.current.destroy();
  }, [sku, shape]);

  useEffect(() => {
    plot.current?.setData(data);
  }, [history]);

  const last = locs.map((l, i) => `${l} ${data[i + 1][data[0].length - 1] ?? '—'}`).join(', ');
  return html`<figure class="trend">
    <figcaption>
      Available stock of <strong>${sku}</strong> per location since this page opened
      <button type="button" class="link" onClick=${onClose}>Close trend</button>
    </figcaption>
    <div ref=${box} role="img" aria-label=${`Chart of available stock of ${sku}: ${last || 'no data yet'}`}></div>
  </figure>`;
}
