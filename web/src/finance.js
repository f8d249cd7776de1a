// Finance: a period's reconciliation summary, its exceptions with their reasons and the
// documents behind them (each one a click from its event's lineage and raw payload),
// and the five-level baseline. Finance and admin keys only: the API refuses the others,
// and the view says so.
import { useState } from 'preact/hooks';
import { html, ErrorNote, Loading, useAsync, eventLink, RawPayload } from './ui.js';

/** The first and last day of the month a date falls in, as YYYY-MM-DD (UTC). */
export function monthOf(d) {
  const first = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1));
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0));
  const day = (x) => x.toISOString().slice(0, 10);
  return { from: day(first), to: day(last) };
}

/** A decimal fraction ("0.9731") as a percentage for people ("97.31%"), exactly. */
export function percent(rate) {
  if (rate === null || rate === undefined || rate === '') return '—';
  const neg = String(rate).startsWith('-');
  const [int, frac = ''] = String(rate).replace('-', '').split('.');
  const f = frac.padEnd(2, '0');
  const whole = `${int}${f.slice(0, 2)}`.replace(/^0+(?=\d)/, '');
  const rest = f.slice(2).replace(/0+$/, '');
  return `${neg ? '-' : ''}${whole}${rest ? `.${rest}` : ''}%`;
}

const money = (ms) => (ms && ms.length ? ms.map((m) => `${m.amount} ${m.currency}`).join(', ') : '—');

const SUMMARY = `events autoReconciled autoReconciledRate
  byStatus { status events amounts { amount currency } }
  fees { amount currency } exceptions { code events } asOf watermark previousRun arrived`;

const EXCEPTION = `event kind occurredAt status
  reasons { code expected actual note sku documents { system type externalId } }
  documents { system type externalId }
  amount { amount currency }`;

export function FinanceView({ api }) {
  const [period, setPeriod] = useState(() => monthOf(new Date()));
  const [draft, setDraft] = useState(period);
  const apply = (e) => {
    e.preventDefault();
    setPeriod(draft);
  };
  return html`<section aria-labelledby="fin-h">
    <h1 id="fin-h">Finance</h1>
    <form class="period" onSubmit=${apply} aria-label="Period">
      <label for="fin-from">From</label>
      <input id="fin-from" type="date" value=${draft.from} onInput=${(e) => setDraft({ ...draft, from: e.target.value })} required />
      <label for="fin-to">To (included)</label>
      <input id="fin-to" type="date" value=${draft.to} onInput=${(e) => setDraft({ ...draft, to: e.target.value })} required />
      <button type="submit">Show</button>
    </form>
    <${Summary} api=${api} period=${period} />
    <${Exceptions} api=${api} period=${period} />
    <${Baseline} api=${api} period=${period} />
  </section>`;
}

function Summary({ api, period }) {
  const s = useAsync(() => api.q(`query($from: String!, $to: String!) { reconciliationSummary(from: $from, to: $to) { ${SUMMARY} } }`, period)
    .then((d) => d.reconciliationSummary), [period.from, period.to]);
  if (s.loading && !s.data) return html`<${Loading} what="the reconciliation summary" />`;
  if (s.error) return html`<${ErrorNote} error=${s.error} what="finance's reconciliation (finance or admin keys may)" />`;
  const x = s.data;
  return html`<div class="fin-summary" data-summary>
    <h2>Reconciliation, ${period.from} to ${period.to}</h2>
    <p class="big"><strong data-rate>${percent(x.autoReconciledRate)}</strong> auto-reconciled${' '}
      <span class="muted">(${x.autoReconciled} of ${x.events} business events)</span></p>
    <table class="grid">
      <caption>Events and amounts by status</caption>
      <thead><tr><th scope="col">Status</th><th scope="col" class="num">Events</th><th scope="col">Amounts</th></tr></thead>
      <tbody>${x.byStatus.map((b) => html`<tr><th scope="row">${b.status.replaceAll('_', ' ')}</th><td class="num">${b.events}</td><td>${money(b.amounts)}</td></tr>`)}</tbody>
    </table>
    <p>Fees kept by processors: ${money(x.fees)}</p>
    ${x.exceptions.length > 0 && html`<table class="grid">
      <caption>Exceptions by reason</caption>
      <thead><tr><th scope="col">Reason</th><th scope="col" class="num">Events</th></tr></thead>
      <tbody>${x.exceptions.map((e) => html`<tr><th scope="row"><code>${e.code}</code></th><td class="num">${e.events}</td></tr>`)}</tbody>
    </table>`}
    <p class="muted small">Due dates judged as of ${x.asOf ? new Date(x.asOf).toLocaleString() : '—'}; ${x.arrived} documents arrived since the last recorded run${x.previousRun ? ` (${new Date(x.previousRun).toLocaleString()})` : ''}.</p>
  </div>`;
}

function Exceptions({ api, period }) {
  const [pages, setPages] = useState([]);
  const load = (after) => api.q(`query($from: String!, $to: String!, $after: String) {
      reconciliation(from: $from, to: $to, status: [partial, unmatched], first: 25, after: $after) { items { ${EXCEPTION} } endCursor hasNextPage } }`,
  { ...period, after }).then((d) => d.reconciliation);
  const first = useAsync(() => load(null).then((p) => { setPages([p]); return p; }), [period.from, period.to]);
  const more = async () => {
    const last = pages[pages.length - 1];
    const p = await load(last.endCursor);
    setPages([...pages, p]);
  };
  if (first.loading && pages.length === 0) return html`<${Loading} what="the exceptions" />`;
  if (first.error) return html`<${ErrorNote} error=${first.error} what="finance's exceptions (finance or admin keys may)" />`;
  const items = pages.flatMap((p) => p.items);
  const last = pages[pages.length - 1];
  return html`<div class="fin-exceptions">
    <h2>Exceptions</h2>
    ${items.length === 0 && html`<p class="muted">No exceptions in this period: every business event's documents agree.</p>`}
    <ul class="exceptions">${items.map((e) => html`<${ExceptionItem} key=${e.event} e=${e} api=${api} />`)}</ul>
    ${last?.hasNextPage && html`<button type="button" onClick=${more}>More exceptions</button>`}
  </div>`;
}

function ExceptionItem({ e, api }) {
  const [open, setOpen] = useState(false);
  const id = `exc-${e.event}`;
  return html`<li data-exception=${e.event}>
    <h3 id=${id}><span class=${`badge ${e.status}`}>${e.status}</span> ${e.kind} of ${new Date(e.occurredAt).toLocaleDateString()}
      ${e.amount && html` · ${e.amount.amount} ${e.amount.currency}`} · <a href=${eventLink(e.event)}>lineage</a></h3>
    <table class="reasons">
      <caption class="sr-only">Why the documents disagree</caption>
      <thead><tr><th scope="col">Reason</th><th scope="col">Expected</th><th scope="col">Actual</th><th scope="col">Documents</th></tr></thead>
      <tbody>${e.reasons.map((r) => html`<tr>
        <th scope="row"><code>${r.code}</code>${r.sku && html` <span class="muted">${r.sku}</span>`}${r.note && html`<div class="muted small">${r.note}</div>`}</th>
        <td>${r.expected}</td><td>${r.actual}</td>
        <td>${r.documents.map((d) => `${d.system} ${d.type} ${d.externalId}`).join('; ')}</td></tr>`)}</tbody>
    </table>
    <button type="button" class="link" aria-expanded=${open} aria-controls=${`${id}-docs`} onClick=${() => setOpen(!open)}>
      ${open ? 'Hide' : 'Show'} its ${e.documents.length} documents</button>
    ${open && html`<ul id=${`${id}-docs`} class="docs">${e.documents.map((d) => html`<li>
      <span>${d.system} ${d.type} <code>${d.externalId}</code></span>
      <${RawPayload} load=${() => api.q(`query($s: String!, $t: String!, $x: String!) { document(system: $s, type: $t, externalId: $x) { raw } }`,
        { s: d.system, t: d.type, x: d.externalId }).then((r) => r.document?.raw ?? '(not stored)')} />
    </li>`)}</ul>`}
  </li>`;
}

function Baseline({ api, period }) {
  const m = useAsync(() => api.q(`query($from: String!, $to: String!) { maturity(from: $from, to: $to) {
      level next figures { name value level target measured met evidence } } }`, period).then((d) => d.maturity), [period.from, period.to]);
  if (m.loading && !m.data) return html`<${Loading} what="the five-level baseline" />`;
  if (m.error) return html`<${ErrorNote} error=${m.error} what="the five-level baseline (finance or admin keys may)" />`;
  const x = m.data;
  return html`<div class="baseline" data-baseline>
    <h2>Five-level baseline</h2>
    <p class="big">Level <strong data-level>${x.level}</strong> <span class="muted">— ${x.next}</span></p>
    <table class="grid">
      <caption>Each figure with its target and evidence</caption>
      <thead><tr><th scope="col">Level</th><th scope="col">Figure</th><th scope="col" class="num">Measured</th><th scope="col">Target</th><th scope="col">Met</th><th scope="col">Evidence</th></tr></thead>
      <tbody>${x.figures.map((f) => html`<tr>
        <td>${f.level || ''}</td><th scope="row">${f.name}</th><td class="num">${f.measured ? f.value : '—'}</td><td>${f.target || ''}</td>
        <td>${f.level ? (f.met ? html`<span class="ok">yes</span>` : html`<span class="no">no</span>`) : ''}</td>
        <td><details><summary>${f.evidence.length} lines</summary><ul class="small">${f.evidence.map((l) => html`<li>${l}</li>`)}</ul></details></td>
      </tr>`)}</tbody>
    </table>
  </div>`;
}
