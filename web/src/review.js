// The review queue: matches resolution was unsure of, each with the document, the
// evidence and the event side by side, for a person to confirm or reject; and the
// products, locations and parties that wait for a person's word.
import { useState } from 'preact/hooks';
import { html, ErrorNote, Loading, Ago, ActionButton, RawPayload, useAsync, eventLink, fmtTime } from './ui.js';
import { ProductsTab, LocationsTab, PartiesTab } from './suggestions.js';

const DOC = 'system type externalId role verb status occurredAt receivedAt via';
const QUEUE = `query { reviewQueue(first: 20) { items {
  id score createdAt
  document { ${DOC} }
  event { id kind status occurredAt location
    sources { role document { system type externalId verb status } }
    movements { sku location lot bucket qty } }
  evidence { document decidedBy rule score threshold keys fields { field weight values } note }
} } }`;

const TABS = [['actions', 'Business actions'], ['products', 'Products'], ['locations', 'Locations'], ['parties', 'Parties']];

export function ReviewView({ api, announce }) {
  const [tab, setTab] = useState('actions');
  const keydown = (e) => {
    const i = TABS.findIndex(([k]) => k === tab);
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    const next = TABS[(i + step + TABS.length) % TABS.length][0];
    setTab(next);
    document.getElementById(`tab-${next}`)?.focus();
  };
  return html`<section aria-labelledby="review-h">
    <h1 id="review-h">Review queue</h1>
    <div role="tablist" aria-label="What to review" class="tabs" onKeyDown=${keydown}>
      ${TABS.map(([k, label]) => html`<button type="button" role="tab" id=${`tab-${k}`} aria-selected=${tab === k}
        aria-controls=${`panel-${k}`} tabindex=${tab === k ? 0 : -1} class=${tab === k ? 'on' : ''} onClick=${() => setTab(k)}>${label}</button>`)}
    </div>
    <div role="tabpanel" id=${`panel-${tab}`} aria-labelledby=${`tab-${tab}`}>
      ${tab === 'actions' && html`<${ActionsTab} api=${api} announce=${announce} />`}
      ${tab === 'products' && html`<${ProductsTab} api=${api} announce=${announce} />`}
      ${tab === 'locations' && html`<${LocationsTab} api=${api} announce=${announce} />`}
      ${tab === 'parties' && html`<${PartiesTab} api=${api} announce=${announce} />`}
    </div>
  </section>`;
}

function ActionsTab({ api, announce }) {
  const q = useAsync(() => api.q(QUEUE).then((d) => d.reviewQueue.items), []);
  const [done, setDone] = useState({}); // review id -> what was decided
  if (q.loading && !q.data) return html`<${Loading} what="the review queue" />`;
  if (q.error) return html`<${ErrorNote} error=${q.error} what="the review queue" />`;
  const items = q.data.filter((it) => !done[it.id]);
  const decide = (it, verb) => async () => {
    const doc = { system: it.document.system, type: it.document.type, externalId: it.document.externalId };
    const m = verb === 'confirm' ? 'confirmMatch' : 'rejectMatch';
    const d = await api.q(`mutation($doc: DocumentKey!, $ev: ID!) { ${m}(document: $doc, event: $ev) { event { id } movements { id } } }`,
      { doc, ev: it.event.id });
    setDone((x) => ({ ...x, [it.id]: verb }));
    announce(`${verb === 'confirm' ? 'Confirmed' : 'Rejected'}: ${doc.system} ${doc.externalId}; ${d[m].movements.length} compensating movements`);
  };
  return html`<div>
    ${Object.keys(done).length > 0 && html`<p class="ok" role="status">${Object.keys(done).length} decided in this session.</p>`}
    ${items.length === 0 && html`<p class="muted">Nothing waits for review.</p>`}
    <ul class="reviews">${items.map((it) => html`<li class="review" key=${it.id} data-review=${it.id} aria-labelledby=${`rv-${it.id}`}>
      <h2 id=${`rv-${it.id}`}>Does ${it.document?.system} ${it.document?.type} ${it.document?.externalId} belong to ${it.event?.kind} ${it.event?.id}?</h2>
      <div class="side-by-side">
        <${DocumentPane} api=${api} doc=${it.document} />
        <${EvidencePane} ev=${it.evidence} score=${it.score} createdAt=${it.createdAt} />
        <${EventPane} api=${api} event=${it.event} />
      </div>
      <div class="decide">
        <${ActionButton} kind="primary" onAct=${decide(it, 'confirm')}>Confirm match</${ActionButton}>
        <${ActionButton} onAct=${decide(it, 'reject')}>Reject match</${ActionButton}>
      </div>
    </li>`)}</ul>
  </div>`;
}

/** Loads one document's raw payload (a finance or admin key's). */
export const loadRaw = (api, d) => () =>
  api.q(`query($s: String!, $t: String!, $x: String!) { document(system: $s, type: $t, externalId: $x) { raw } }`,
    { s: d.system, t: d.type, x: d.externalId }).then((r) => r.document?.raw ?? '');

function DocumentPane({ api, doc }) {
  if (!doc) return html`<div class="pane"><h3>Document</h3><p class="muted">gone</p></div>`;
  return html`<div class="pane">
    <h3>Document</h3>
    <dl class="kv">
      <dt>System</dt><dd>${doc.system}</dd>
      <dt>Type</dt><dd>${doc.type}</dd>
      <dt>Id</dt><dd>${doc.externalId}</dd>
      <dt>Role</dt><dd>${doc.role}</dd>
      <dt>Says</dt><dd>${doc.verb}${doc.status && ` (${doc.status})`}</dd>
      <dt>Occurred</dt><dd>${fmtTime(doc.occurredAt)}</dd>
      <dt>Arrived</dt><dd>${fmtTime(doc.receivedAt)} by ${doc.via}</dd>
    </dl>
    <${RawPayload} load=${loadRaw(api, doc)} />
  </div>`;
}

function EvidencePane({ ev, score, createdAt }) {
  const max = Math.max(1, ...ev.fields.map((f) => Math.abs(f.weight)));
  return html`<div class="pane evidence">
    <h3>Evidence</h3>
    <p>Score <strong>${score.toFixed(2)}</strong>${ev.threshold != null && html` (accepts at ${ev.threshold.toFixed(2)})`} by ${ev.rule || ev.decidedBy}</p>
    ${ev.keys.length > 0 && html`<p>Shared keys: ${ev.keys.map((k) => html`<code>${k}</code> `)}</p>`}
    ${ev.fields.length > 0 && html`<table class="weights"><caption>Field weights</caption>
      <thead><tr><th scope="col">Field</th><th scope="col">Weight</th><th scope="col">Values</th></tr></thead>
      <tbody>${ev.fields.map((f) => html`<tr>
        <th scope="row">${f.field}</th>
        <td class="num"><span class=${`bar ${f.weight < 0 ? 'neg' : ''}`} style=${`width:${(Math.abs(f.weight) / max) * 4}em`}></span> ${f.weight.toFixed(2)}</td>
        <td>${f.values || ''}</td></tr>`)}</tbody>
    </table>`}
    ${ev.note && html`<p>${ev.note}</p>`}
    <p class="muted small">queued <${Ago} t=${createdAt} /></p>
  </div>`;
}

function EventPane({ api, event }) {
  if (!event) return html`<div class="pane"><h3>Event</h3><p class="muted">gone</p></div>`;
  return html`<div class="pane">
    <h3>Event <a href=${eventLink(event.id)}>${event.id}</a></h3>
    <dl class="kv">
      <dt>Kind</dt><dd>${event.kind}</dd>
      <dt>Status</dt><dd>${event.status}</dd>
      <dt>Occurred</dt><dd>${fmtTime(event.occurredAt)}</dd>
      <dt>Location</dt><dd>${event.location || '—'}</dd>
    </dl>
    <h4>Its documents</h4>
    <ul class="plain">${event.sources.map((s) => html`<li>${s.role}: ${s.document.system} ${s.document.type} <code>${s.document.externalId}</code> (${s.document.verb})
      <${RawPayload} load=${loadRaw(api, s.document)} /></li>`)}</ul>
    ${event.movements.length > 0 && html`<h4>Its movements</h4>
      <ul class="plain">${event.movements.map((m) => html`<li><span class="num">${m.qty}</span> ${m.bucket} of ${m.sku} at ${m.location}${m.lot && ` lot ${m.lot}`}</li>`)}</ul>`}
  </div>`;
}
