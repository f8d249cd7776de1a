// An event's lineage: the systems its documents came from, the documents, and the event
// they evidence, drawn as a small graph; each document's raw payload one click away.
import { useState } from 'preact/hooks';
import { html, ErrorNote, Loading, RawPayload, useAsync, fmtTime, eventLink } from './ui.js';
import { loadRaw } from './review.js';

const EVENT = `query($id: ID!) { inventoryEvent(id: $id) {
  id kind status occurredAt location mergedFrom
  sources { role document { system type externalId verb status occurredAt receivedAt via version pending } }
  evidence { document decidedBy rule score keys }
  movements { id sku location lot bucket qty at reason }
  discrepancies { sku lot expected actual source }
} }`;

const ROW = 54;
const W = 760;

/** Places systems, documents and the event in three columns; pure, for the drawing. */
export function layout(sources) {
  const docs = [...sources].sort((a, b) => a.document.system.localeCompare(b.document.system) || a.role.localeCompare(b.role));
  const systems = [...new Set(docs.map((s) => s.document.system))];
  const docY = docs.map((_, i) => 30 + i * ROW);
  const sysY = systems.map((sys) => {
    const ys = docs.map((d, i) => (d.document.system === sys ? docY[i] : null)).filter((y) => y !== null);
    return ys.reduce((a, b) => a + b, 0) / ys.length;
  });
  const height = Math.max(90, 30 + docs.length * ROW);
  return { docs, systems, docY, sysY, height, eventY: height / 2 - 5 };
}

const curve = (x1, y1, x2, y2) => `M${x1},${y1} C${(x1 + x2) / 2},${y1} ${(x1 + x2) / 2},${y2} ${x2},${y2}`;
const uid = (d) => `${d.system}/${d.type}/${d.externalId}`;

export function LineageView({ api, id }) {
  const [input, setInput] = useState(id || '');
  const [picked, setPicked] = useState(null);
  const q = useAsync(() => (id ? api.q(EVENT, { id }).then((d) => d.inventoryEvent) : Promise.resolve(null)), [id]);
  const go = (e) => {
    e.preventDefault();
    if (input.trim()) window.location.hash = eventLink(input.trim());
  };
  const ev = q.data;
  return html`<section aria-labelledby="lin-h">
    <h1 id="lin-h">Lineage${ev && html` of ${ev.kind} <code>${ev.id}</code>`}</h1>
    <form class="inline" onSubmit=${go}>
      <label for="event-id">Event id</label>
      <input id="event-id" value=${input} onInput=${(e) => setInput(e.target.value)} autocomplete="off" />
      <button type="submit">Show</button>
    </form>
    ${id && q.loading && html`<${Loading} what="the event" />`}
    <${ErrorNote} error=${q.error} what="events" />
    ${id && !q.loading && !q.error && !ev && html`<p class="muted">No event ${id} in this tenant.</p>`}
    ${ev && html`<${Lineage} api=${api} ev=${ev} picked=${picked} onPick=${setPicked} />`}
  </section>`;
}

function Lineage({ api, ev, picked, onPick }) {
  const L = layout(ev.sources);
  const pickedDoc = L.docs.find((s) => uid(s.document) === picked)?.document;
  return html`<div>
    <p class="meta">${ev.status} · occurred ${fmtTime(ev.occurredAt)}${ev.location && ` · ${ev.location}`}
      ${ev.mergedFrom.length > 0 && html` · merged from ${ev.mergedFrom.map((m) => html`<code>${m}</code> `)}`}</p>
    <div class="lineage">
      <svg viewBox=${`0 0 ${W} ${L.height}`} width="100%" role="img" aria-labelledby="lin-title lin-desc">
        <title id="lin-title">Documents behind event ${ev.id}</title>
        <desc id="lin-desc">${L.docs.map((s) => `${s.document.system} ${s.document.type} ${s.document.externalId} as ${s.role}`).join('; ')}</desc>
        ${L.docs.map((s, i) => html`<path class="edge" d=${curve(130, L.sysY[L.systems.indexOf(s.document.system)], 250, L.docY[i])} />
          <path class="edge" d=${curve(510, L.docY[i], 620, L.eventY)} />
          <text class="edge-label" x="565" y=${(L.docY[i] + L.eventY) / 2 - 4}>${s.role}</text>`)}
        ${L.systems.map((sys, i) => html`<g class="node system" transform=${`translate(10,${L.sysY[i] - 16})`}>
          <rect width="120" height="32" rx="16" /><text x="60" y="21" text-anchor="middle">${sys}</text></g>`)}
        ${L.docs.map((s, i) => html`<g class=${`node doc ${picked === uid(s.document) ? 'picked' : ''}`} transform=${`translate(250,${L.docY[i] - 20})`}
            onClick=${() => onPick(uid(s.document))}>
          <rect width="260" height="40" rx="6" />
          <text x="10" y="17">${s.document.type} ${trim(s.document.externalId, 26)}</text>
          <text x="10" y="33" class="sub">${s.document.verb}${s.document.pending ? ' · pending' : ''} · ${s.document.via}</text></g>`)}
        <g class="node event" transform=${`translate(620,${L.eventY - 24})`}>
          <rect width="130" height="48" rx="8" /><text x="65" y="21" text-anchor="middle">${ev.kind}</text>
          <text x="65" y="38" text-anchor="middle" class="sub">${ev.status}</text></g>
      </svg>
      ${pickedDoc && html`<aside class="pane" aria-label="Selected document">
        <h2>${pickedDoc.system} ${pickedDoc.type} <code>${pickedDoc.externalId}</code></h2>
        <${RawPayload} key=${picked} load=${loadRaw(api, pickedDoc)} open />
      </aside>`}
    </div>
    <table><caption>Documents</caption>
      <thead><tr><th scope="col">System</th><th scope="col">Document</th><th scope="col">Role</th><th scope="col">Says</th>
        <th scope="col">Arrived</th><th scope="col">Why it belongs</th><th scope="col">Payload</th></tr></thead>
      <tbody>${L.docs.map((s) => {
        const d = s.document;
        const e = ev.evidence.find((x) => x.document === uid(d) || x.document.endsWith(`/${uid(d)}`));
        return html`<tr key=${uid(d)}><td>${d.system}</td><th scope="row">${d.type} <code>${d.externalId}</code> v${d.version}</th>
          <td>${s.role}</td><td>${d.verb}${d.status && ` (${d.status})`}</td><td>${fmtTime(d.receivedAt)} by ${d.via}</td>
          <td class="small">${e ? `${e.decidedBy}${e.keys.length ? `: ${e.keys.join(', ')}` : ''}` : '—'}</td>
          <td><${RawPayload} load=${loadRaw(api, d)} label="Raw" /></td></tr>`;
      })}</tbody>
    </table>
    ${ev.discrepancies.length > 0 && html`<table><caption>Discrepancies</caption>
      <thead><tr><th scope="col">SKU</th><th scope="col">Lot</th><th scope="col" class="num">Expected</th><th scope="col" class="num">Actual</th><th scope="col">Announced by</th></tr></thead>
      <tbody>${ev.discrepancies.map((d) => html`<tr><th scope="row">${d.sku}</th><td>${d.lot || '—'}</td><td class="num">${d.expected}</td><td class="num">${d.actual}</td><td>${d.source}</td></tr>`)}</tbody>
    </table>`}
    <table><caption>Movements</caption>
      <thead><tr><th scope="col">SKU</th><th scope="col">Location</th><th scope="col">Lot</th><th scope="col">Bucket</th><th scope="col" class="num">Qty</th><th scope="col">Why</th></tr></thead>
      <tbody>${ev.movements.map((m) => html`<tr key=${m.id}><th scope="row">${m.sku}</th><td>${m.location}</td><td>${m.lot || '—'}</td><td>${m.bucket}</td><td class="num">${m.qty}</td><td>${m.reason}</td></tr>`)}</tbody>
    </table>
  </div>`;
}

const trim = (s, n) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
