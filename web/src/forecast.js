// The forecast credibility board: how far each forecast missed in backtests beside the
// seasonal naive baseline on the same days, the latest runs, and the order proposals
// that wait for a person (the breaker held them) with the button that releases them.
import { useState } from 'preact/hooks';
import { html, ErrorNote, Loading, ActionButton, useAsync, fmtTime } from './ui.js';
import { AccuracyChart } from './accuracychart.js';
import { moneyList } from './period.js';
import { Unavailable } from './panels.js';

const METRICS = 'wape mase bias days actual';
const BOARD = `query { forecastAccuracy(first: 50, runs: 10) {
  total { ${METRICS} } baseline { ${METRICS} } seriesCount beatingBaseline
  series { sku location model version origins horizon beatsBaseline chosen { ${METRICS} } baseline { ${METRICS} } }
  runs { id at version series failed proposals censoredDays total { wape mase bias } baseline { wape mase bias } }
} }`;

const PROPOSALS = `query($status: ProposalStatus) { orderProposals(status: $status, first: 50) {
  id sku location qty orderDate arrival status executable reasons onHand reserved incoming safetyStock
  historicalMean coverDemand capital { amount currency } model modelVersion approvedBy approvedAt } }`;

/** A metric as a percentage with one decimal ("12.3%"), or a dash when there is none. */
export const pctOf = (v) => (v == null ? '—' : `${(Math.round(v * 1000) / 10).toFixed(1)}%`);
/** A day as the reader's locale writes dates: proposals are whole days. */
const fmtDay = (t) => (t ? new Date(t).toLocaleDateString(undefined, { timeZone: 'UTC' }) : '—');
const ratio = (v) => (v == null ? '—' : v.toFixed(2));

export function ForecastView({ api, caps, announce }) {
  if (!caps.query.has('forecastAccuracy')) return html`<${Unavailable} title="Forecasts" what="forecasts" />`;
  return html`<section aria-labelledby="fc-h">
    <h1 id="fc-h">Forecast credibility</h1>
    <${Board} api=${api} />
    <${Proposals} api=${api} caps=${caps} announce=${announce} />
  </section>`;
}

function Board({ api }) {
  const q = useAsync(() => api.q(BOARD).then((d) => d.forecastAccuracy), []);
  if (q.loading) return html`<${Loading} what="the credibility board" />`;
  if (q.error) return html`<${ErrorNote} error=${q.error} what="forecasts" />`;
  const b = q.data;
  if (b.seriesCount === 0) {
    return html`<p class="muted" data-board>No forecasts yet: run <code>seam forecast</code> (or wait for its schedule).</p>`;
  }
  return html`<section aria-labelledby="fc-board-h" data-board>
    <h2 id="fc-board-h">Backtest accuracy</h2>
    <dl class="figs big-figs">
      <div><dt>WAPE, all series</dt><dd data-wape>${pctOf(b.total.wape)}</dd></div>
      <div><dt>Seasonal naive WAPE</dt><dd>${pctOf(b.baseline.wape)}</dd></div>
      <div><dt>Mean MASE</dt><dd>${ratio(b.total.mase)}</dd></div>
      <div><dt>Bias</dt><dd>${pctOf(b.total.bias)}</dd></div>
      <div><dt>Beat the baseline</dt><dd>${b.beatingBaseline} of ${b.seriesCount} series</dd></div>
    </dl>
    <${AccuracyChart} series=${b.series} />
    <table class="accuracy"><caption>Per series${b.series.length < b.seriesCount ? ` (the first ${b.series.length} of ${b.seriesCount})` : ''}</caption>
      <thead><tr><th scope="col">SKU</th><th scope="col">Location</th><th scope="col">Model</th>
        <th scope="col" class="num">WAPE</th><th scope="col" class="num">Baseline WAPE</th><th scope="col" class="num">MASE</th>
        <th scope="col" class="num">Bias</th><th scope="col" class="num">Backtest</th><th scope="col">Beats baseline</th></tr></thead>
      <tbody>${b.series.map((s) => html`<tr key=${`${s.sku}@${s.location}`} data-series=${s.sku}>
        <th scope="row">${s.sku}</th><td>${s.location}</td><td><code>${s.model}</code> v${s.version}</td>
        <td class="num">${pctOf(s.chosen.wape)}</td><td class="num">${pctOf(s.baseline.wape)}</td><td class="num">${ratio(s.chosen.mase)}</td>
        <td class="num">${pctOf(s.chosen.bias)}</td><td class="num">${s.origins} × ${s.horizon} d</td>
        <td>${s.beatsBaseline ? html`<span class="badge met">yes</span>` : html`<span class="badge critical">no</span>`}</td></tr>`)}</tbody>
    </table>
    <table><caption>Latest runs</caption>
      <thead><tr><th scope="col">Run</th><th scope="col" class="num">Version</th><th scope="col" class="num">Series</th>
        <th scope="col" class="num">Failed</th><th scope="col" class="num">Proposals</th><th scope="col" class="num">Censored days</th>
        <th scope="col" class="num">WAPE</th><th scope="col" class="num">Baseline WAPE</th></tr></thead>
      <tbody>${b.runs.map((r, i) => html`<tr key=${r.id}><th scope="row">${fmtTime(r.at)}</th>
        <td class="num">${r.version}${i + 1 < b.runs.length && b.runs[i + 1].version !== r.version ? html` <span class="badge info">new model</span>` : ''}</td>
        <td class="num">${r.series}</td><td class="num">${r.failed}</td><td class="num">${r.proposals}</td><td class="num">${r.censoredDays}</td>
        <td class="num">${pctOf(r.total.wape)}</td><td class="num">${pctOf(r.baseline.wape)}</td></tr>`)}</tbody>
    </table>
  </section>`;
}

const SHOW = [['HELD', 'Awaiting approval'], ['', 'All open'], ['PROPOSED', 'Proposed'], ['APPROVED', 'Approved']];

function Proposals({ api, caps, announce }) {
  const [status, setStatus] = useState('HELD');
  const q = useAsync(() => api.q(PROPOSALS, { status: status || null }).then((d) => d.orderProposals), [status]);
  const canApprove = caps.mutation.has('approveProposal');
  const approve = (p) => async () => {
    const d = await api.q(`mutation($id: ID!) { approveProposal(id: $id) { id status approvedBy } }`, { id: p.id });
    announce(`Approved: ${p.qty} ${p.sku} for ${p.location}, by ${d.approveProposal.approvedBy}`);
    q.reload();
  };
  return html`<section aria-labelledby="fc-prop-h">
    <h2 id="fc-prop-h">Order proposals</h2>
    <div class="toolbar">
      <label for="prop-status">Show</label>
      <select id="prop-status" value=${status} onChange=${(e) => setStatus(e.target.value)}>
        ${SHOW.map(([v, label]) => html`<option value=${v}>${label}</option>`)}
      </select>
    </div>
    ${q.loading && !q.data && html`<${Loading} what="order proposals" />`}
    <${ErrorNote} error=${q.error} what="order proposals" />
    ${q.data && q.data.length === 0 && html`<p class="muted">${status === 'HELD' ? 'No proposal waits for approval.' : 'No proposals.'}</p>`}
    ${q.data && q.data.length > 0 && html`<table class="proposals"><caption>${SHOW.find(([v]) => v === status)[1]}: ${q.data.length}</caption>
      <thead><tr><th scope="col">SKU</th><th scope="col">Location</th><th scope="col" class="num">Qty</th><th scope="col">Order by</th>
        <th scope="col">Arrives</th><th scope="col">Status</th><th scope="col">Why held</th><th scope="col">Stock and cover</th>
        <th scope="col">Capital</th><th scope="col"><span class="sr-only">Decision</span></th></tr></thead>
      <tbody>${q.data.map((p) => html`<tr key=${p.id} data-proposal=${p.id}>
        <th scope="row">${p.sku}</th><td>${p.location}</td><td class="num">${p.qty}</td>
        <td>${fmtDay(p.orderDate)}</td><td>${fmtDay(p.arrival)}</td>
        <td class="status">${p.status.toLowerCase()}${p.approvedBy && html`<div class="small muted">by ${p.approvedBy}</div>`}</td>
        <td class="small">${p.reasons.length ? p.reasons.join('; ') : '—'}</td>
        <td class="small">on hand ${p.onHand}, reserved ${p.reserved}, incoming ${p.incoming}; safety ${p.safetyStock};
          cover demand ${p.coverDemand} against ${p.historicalMean} historically</td>
        <td>${p.capital ? moneyList([p.capital]) : '—'}</td>
        <td>${canApprove && p.status === 'HELD' && html`<${ActionButton} kind="primary" onAct=${approve(p)}>
          Approve<span class="sr-only"> ${p.qty} ${p.sku} for ${p.location}</span></${ActionButton}>`}</td>
      </tr>`)}</tbody>
    </table>`}
  </section>`;
}
