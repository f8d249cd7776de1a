// Forecasts: the credibility board (each series' backtest error beside the seasonal
// naive baseline, drawn as a chart, and the runs, where a model version change shows)
// and the order proposals waiting for a person, with the breaker's reasons and Approve.
import { useEffect, useRef, useState } from 'preact/hooks';
import uPlot from 'uplot';
import { html, ErrorNote, Loading, useAsync, ActionButton } from './ui.js';

const METRICS = 'wape mase bias days';

const BOARD = `forecastAccuracy(first: 100, runs: 10) {
  total { ${METRICS} } baseline { ${METRICS} } seriesCount beatingBaseline
  series { sku location model version chosen { ${METRICS} } baseline { ${METRICS} } beatsBaseline }
  runs { id at version series failed proposals total { wape } baseline { wape } } }`;

const PROPOSAL = `id sku location qty orderDate arrival status executable reasons onHand reserved incoming
  safetyStock historicalMean atArrival capital { amount currency } costSource model modelVersion approvedBy approvedAt`;

/** A metric for people: three decimals, or a dash where there was no demand to score. */
export const metric = (v) => (v === null || v === undefined ? '—' : v.toFixed(3));

/**
 * The chart's columns: one x per series (its index on the board) and the WAPE of the
 * chosen model and of the baseline; series without a WAPE are left out.
 */
export function wapeColumns(series) {
  const rows = series.filter((s) => s.chosen.wape !== null && s.baseline.wape !== null);
  return { rows, data: [rows.map((_, i) => i), rows.map((s) => s.chosen.wape), rows.map((s) => s.baseline.wape)] };
}

export function ForecastView({ api, announce }) {
  return html`<section aria-labelledby="fc-h">
    <h1 id="fc-h">Forecasts</h1>
    <${Board} api=${api} />
    <${Proposals} api=${api} announce=${announce} />
  </section>`;
}

function Board({ api }) {
  const b = useAsync(() => api.q(`query { ${BOARD} }`).then((d) => d.forecastAccuracy), []);
  if (b.loading && !b.data) return html`<${Loading} what="the credibility board" />`;
  if (b.error) return html`<${ErrorNote} error=${b.error} what="forecasts" />`;
  const x = b.data;
  if (x.seriesCount === 0) {
    return html`<p class="muted" data-board>No forecasts yet: run <code>seam forecast --tenant …</code> or set <code>forecastEvery</code>.</p>`;
  }
  return html`<div class="board" data-board>
    <h2>Credibility board</h2>
    <p class="big"><strong data-beating>${x.beatingBaseline} of ${x.seriesCount}</strong> series beat the seasonal naive baseline;
      WAPE in total <strong>${metric(x.total.wape)}</strong> against ${metric(x.baseline.wape)}.</p>
    <${WapeChart} series=${x.series} />
    <table class="grid">
      <caption>Backtest error per series (rolling origins), beside the baseline on the same days</caption>
      <thead><tr><th scope="col">SKU</th><th scope="col">Location</th><th scope="col">Model</th>
        <th scope="col" class="num">WAPE</th><th scope="col" class="num">Baseline WAPE</th><th scope="col" class="num">MASE</th><th scope="col" class="num">Bias</th><th scope="col">Beats baseline</th></tr></thead>
      <tbody>${x.series.map((s) => html`<tr>
        <th scope="row">${s.sku}</th><td>${s.location}</td><td><code>${s.model}</code> v${s.version}</td>
        <td class="num">${metric(s.chosen.wape)}</td><td class="num">${metric(s.baseline.wape)}</td><td class="num">${metric(s.chosen.mase)}</td><td class="num">${metric(s.chosen.bias)}</td>
        <td>${s.beatsBaseline ? html`<span class="ok">yes</span>` : html`<span class="no">no</span>`}</td></tr>`)}</tbody>
    </table>
    ${x.runs.length > 0 && html`<table class="grid">
      <caption>Latest runs (a model version change shows here)</caption>
      <thead><tr><th scope="col">When</th><th scope="col" class="num">Version</th><th scope="col" class="num">Series</th><th scope="col" class="num">Failed</th><th scope="col" class="num">Proposals</th><th scope="col" class="num">WAPE</th><th scope="col" class="num">Baseline</th></tr></thead>
      <tbody>${x.runs.map((r) => html`<tr><th scope="row">${new Date(r.at).toLocaleString()}</th><td class="num">${r.version}</td><td class="num">${r.series}</td>
        <td class="num">${r.failed}</td><td class="num">${r.proposals}</td><td class="num">${metric(r.total.wape)}</td><td class="num">${metric(r.baseline.wape)}</td></tr>`)}</tbody>
    </table>`}
  </div>`;
}

function WapeChart({ series }) {
  const box = useRef();
  const { rows, data } = wapeColumns(series);
  useEffect(() => {
    if (!box.current || rows.length === 0) return undefined;
    const bars = uPlot.paths.bars({ size: [0.4, 24] });
    const plot = new uPlot({
      width: Math.max(280, box.current.clientWidth - 8),
      height: 220,
      scales: { x: { time: false } },
      axes: [{ values: (_, ticks) => ticks.map((i) => rows[i] ? `${rows[i].sku}@${rows[i].location}` : '') }, { label: 'WAPE' }],
      series: [{}, { label: 'chosen model', stroke: '#1f5fa8', fill: '#1f5fa855', paths: bars },
        { label: 'seasonal naive', stroke: '#b4461e', width: 2 }],
    }, data, box.current);
    return () => plot.destroy();
  }, [series]);
  if (rows.length === 0) return null;
  const worse = rows.filter((s) => s.chosen.wape > s.baseline.wape).length;
  return html`<figure class="trend">
    <figcaption>WAPE per series: the chosen model (bars) against the seasonal naive baseline (line)</figcaption>
    <div ref=${box} role="img" aria-label=${`Chart of ${rows.length} series' WAPE; ${rows.length - worse} at or below the baseline, ${worse} above it`}></div>
  </figure>`;
}

function Proposals({ api, announce }) {
  const [list, setList] = useState(null);
  const [error, setError] = useState(null);
  useEffect(() => {
    api.q(`query { orderProposals(first: 100) { ${PROPOSAL} } }`).then((d) => setList(d.orderProposals), setError);
  }, []);
  const approve = async (p) => {
    const d = await api.q(`mutation($id: ID!) { approveProposal(id: $id) { ${PROPOSAL} } }`, { id: p.id });
    setList((l) => l.map((x) => (x.id === p.id ? d.approveProposal : x)));
    announce(`Approved: order ${p.qty} of ${p.sku} for ${p.location}`);
  };
  if (error) return html`<${ErrorNote} error=${error} what="order proposals" />`;
  if (!list) return html`<${Loading} what="order proposals" />`;
  const held = list.filter((p) => p.status === 'HELD');
  const rest = list.filter((p) => p.status !== 'HELD');
  return html`<div class="proposals" data-proposals>
    <h2>Order proposals</h2>
    ${list.length === 0 && html`<p class="muted">No open proposals.</p>`}
    ${held.length > 0 && html`<h3>Held by the breaker, awaiting approval (${held.length})</h3>`}
    <ul class="cards">${held.concat(rest).map((p) => html`<li class=${`card ${p.status.toLowerCase()}`} data-proposal=${p.id}>
      <h4>${p.qty} × ${p.sku} for ${p.location} <span class=${`badge ${p.status.toLowerCase()}`}>${p.status.toLowerCase()}</span></h4>
      <p>Order ${new Date(p.orderDate).toLocaleDateString()}, arrives ${new Date(p.arrival).toLocaleDateString()};
        on hand ${p.onHand}, reserved ${p.reserved}, incoming ${p.incoming}, safety stock ${p.safetyStock}; at arrival ${p.atArrival}.
        Capital ${p.capital ? `${p.capital.amount} ${p.capital.currency}` : 'unknown'}${p.costSource ? ` (${p.costSource})` : ''}.</p>
      ${p.reasons.length > 0 && html`<ul class="small">${p.reasons.map((r) => html`<li>${r}</li>`)}</ul>`}
      ${p.status === 'HELD' && html`<${ActionButton} kind="primary" onAct=${() => approve(p)}>Approve ${p.qty} × ${p.sku}</${ActionButton}>`}
      ${p.approvedBy && html`<p class="muted small">Approved by ${p.approvedBy}</p>`}
    </li>`)}</ul>
  </div>`;
}
