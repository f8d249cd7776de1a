// Finance: what a period's reconciliation comes to, and its exceptions, each with the
// reasons its documents disagree and the way down to those documents and their event.
// Only finance and admin keys may read it: any other key is told so, plainly.
import { useEffect, useState } from 'preact/hooks';
import { forbidden } from './api.js';
import { html, ErrorNote, Loading, RawPayload, useAsync, fmtTime, eventLink } from './ui.js';
import { loadRaw } from './review.js';
import { PeriodPicker, periodOf, percent, moneyList } from './period.js';
import { Unavailable } from './panels.js';

const PAGE = 20;
const WHO = 'the reconciliation (finance or admin keys may)';

const SUMMARY = `query($from: String!, $to: String!) { reconciliationSummary(from: $from, to: $to) {
  events autoReconciled autoReconciledRate
  byStatus { status events amounts { amount currency } paidOut { amount currency } settlements { amount currency } }
  fees { amount currency }
  exceptions { code events }
  asOf watermark previousRun arrived
} }`;

const DOCS = 'system type externalId';
const EXCEPTIONS = `query($from: String!, $to: String!, $after: String) {
  reconciliation(from: $from, to: $to, status: [partial, unmatched], first: ${PAGE}, after: $after) {
    items { event kind occurredAt status amount { amount currency } awaiting
      reasons { code expected actual sku note documents { ${DOCS} } }
      documents { ${DOCS} } }
    endCursor hasNextPage } }`;

const STATUS_WORDS = {
  matched: 'matched',
  matched_within_tolerance: 'matched within tolerance',
  partial: 'partial',
  unmatched: 'unmatched',
};

export function FinanceView({ api, caps, arg }) {
  const [denied, setDenied] = useState(null); // the refusal, once the server said it
  if (!caps.query.has('reconciliationSummary')) return html`<${Unavailable} title="Finance reconciliation" what="reconciliation" />`;
  const period = periodOf(arg);
  const k = `${period.from}/${period.to}`;
  return html`<section aria-labelledby="fin-h">
    <h1 id="fin-h">Finance reconciliation</h1>
    ${denied ? html`<${ErrorNote} error=${denied} what=${WHO} />` : html`
      <${PeriodPicker} key=${k} view="finance" period=${period} id="fin" />
      <${Summary} key=${`s${k}`} api=${api} period=${period} onDenied=${setDenied} />
      <${Exceptions} key=${`e${k}`} api=${api} period=${period} />`}
  </section>`;
}

function Summary({ api, period, onDenied }) {
  const q = useAsync(() => api.q(SUMMARY, period).then((d) => d.reconciliationSummary), []);
  // A key that may not read the summary may read none of this view: say it once.
  useEffect(() => {
    if (forbidden(q.error)) onDenied(q.error);
  }, [q.error]);
  if (q.loading) return html`<${Loading} what="the summary" />`;
  if (q.error) return html`<${ErrorNote} error=${q.error} what=${WHO} />`;
  const s = q.data;
  const most = Math.max(1, ...s.exceptions.map((x) => x.events));
  return html`<section aria-labelledby="fin-sum-h" class="summary" data-summary>
    <h2 id="fin-sum-h">Summary of ${period.from} to ${period.to}</h2>
    <dl class="figs big-figs">
      <div><dt>Auto-reconciled</dt><dd data-rate>${percent(s.autoReconciledRate)}</dd></div>
      <div><dt>Events</dt><dd>${s.autoReconciled} of ${s.events}</dd></div>
      <div><dt>Fees</dt><dd>${moneyList(s.fees)}</dd></div>
      <div><dt>Judged as of</dt><dd>${fmtTime(s.asOf)}</dd></div>
      <div><dt>Arrived since the last run</dt><dd>${s.previousRun ? `${s.arrived} (run of ${fmtTime(s.previousRun)})` : 'no run recorded'}</dd></div>
    </dl>
    ${s.events === 0 && html`<p class="muted">No business events in this period.</p>`}
    <div class="two">
      <table><caption>By status</caption>
        <thead><tr><th scope="col">Status</th><th scope="col" class="num">Events</th><th scope="col">Amounts</th>
          <th scope="col"><abbr title="Payouts: money the processor paid out of sales counted under Amounts">Paid out</abbr></th>
          <th scope="col"><abbr title="One transfer paying invoices that other events hold: counted under their Amounts already">Settlements</abbr></th></tr></thead>
        <tbody>${s.byStatus.map((b) => html`<tr key=${b.status}><th scope="row"><span class=${`badge st-${b.status}`}>${STATUS_WORDS[b.status]}</span></th>
          <td class="num">${b.events}</td><td>${moneyList(b.amounts)}</td>
          <td data-paid-out>${moneyList(b.paidOut)}</td><td data-settlements>${moneyList(b.settlements)}</td></tr>`)}</tbody>
      </table>
      <table><caption>Exceptions by reason</caption>
        <thead><tr><th scope="col">Reason</th><th scope="col" class="num">Events</th><th scope="col"><span class="sr-only">Share</span></th></tr></thead>
        <tbody>${s.exceptions.length === 0
          ? html`<tr><td colspan="3" class="muted">No exceptions.</td></tr>`
          : s.exceptions.map((x) => html`<tr key=${x.code}><th scope="row"><code>${x.code}</code></th><td class="num">${x.events}</td>
            <td aria-hidden="true"><span class="bar" style=${`width:${(6 * x.events) / most}rem`}></span></td></tr>`)}</tbody>
      </table>
    </div>
  </section>`;
}

function Exceptions({ api, period }) {
  const [after, setAfter] = useState([null]); // cursors of the pages seen, for "previous"
  const cursor = after[after.length - 1];
  const q = useAsync(() => api.q(EXCEPTIONS, { ...period, after: cursor }).then((d) => d.reconciliation), [cursor]);
  return html`<section aria-labelledby="fin-exc-h">
    <h2 id="fin-exc-h">Exceptions</h2>
    <p class="muted small">Events whose documents disagree (partial) or lack a counterpart (unmatched). Open one's lineage for every document behind it.</p>
    ${q.loading && !q.data && html`<${Loading} what="the exceptions" />`}
    <${ErrorNote} error=${q.error} what=${WHO} />
    ${q.data && q.data.items.length === 0 && html`<p class="muted">No exceptions in this period.</p>`}
    <ul class="plain">${(q.data?.items || []).map((it) => html`<${Exception} key=${it.event} api=${api} it=${it} />`)}</ul>
    ${q.data && (after.length > 1 || q.data.hasNextPage) && html`<nav class="pager" aria-label="Exception pages">
      <button type="button" disabled=${after.length < 2} onClick=${() => setAfter(after.slice(0, -1))}>Previous page</button>
      <button type="button" disabled=${!q.data.hasNextPage} onClick=${() => setAfter(after.concat(q.data.endCursor))}>Next page</button>
    </nav>`}
  </section>`;
}

function Exception({ api, it }) {
  const hid = `exc-${it.event}`;
  return html`<li class="review exception" data-exception=${it.event} aria-labelledby=${hid}>
    <h3 id=${hid}><span class=${`badge st-${it.status}`}>${STATUS_WORDS[it.status]}</span> ${it.kind}${' '}<a href=${eventLink(it.event)}><code>${it.event}</code><span class="sr-only"> (its lineage)</span></a></h3>
    <p class="meta">${fmtTime(it.occurredAt)}${it.amount && ` · worth ${it.amount.amount} ${it.amount.currency}`}
      ${it.awaiting.length > 0 && ` · still expects ${it.awaiting.join(', ')}`}</p>
    <table class="reasons"><caption>Why it is an exception</caption>
      <thead><tr><th scope="col">Reason</th><th scope="col">Expected</th><th scope="col">Actual</th><th scope="col">Documents</th></tr></thead>
      <tbody>${it.reasons.map((r, i) => html`<tr key=${i}><th scope="row"><code>${r.code}</code>${r.sku && html` <span class="small">${r.sku}</span>`}
          ${r.note && html`<div class="small muted">${r.note}</div>`}</th>
        <td>${r.expected}</td><td>${r.actual}</td>
        <td><${DocList} api=${api} docs=${r.documents} /></td></tr>`)}</tbody>
    </table>
    <details><summary>All ${it.documents.length} documents of the event</summary><${DocList} api=${api} docs=${it.documents} /></details>
  </li>`;
}

/** Each document with its raw payload one click away (the same view the lineage uses). */
function DocList({ api, docs }) {
  if (!docs.length) return html`<span class="muted">—</span>`;
  return html`<ul class="plain docs">${docs.map((d) => html`<li key=${`${d.system}/${d.type}/${d.externalId}`}>
    ${d.system} ${d.type} <code>${d.externalId}</code>
    <${RawPayload} load=${loadRaw(api, d)} label=${`Raw payload of ${d.externalId}`} />
  </li>`)}</ul>`;
}
