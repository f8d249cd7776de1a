// Payloads that could not become documents, with each precise reason, and the way back:
// replay them once a mapping is fixed. Below them, the documents resolution set aside.
import { useState } from 'preact/hooks';
import { html, ErrorNote, Loading, RawPayload, ActionButton, useAsync, fmtTime } from './ui.js';

const PAGE = 50;

export function QuarantineView({ api, caps, announce }) {
  const [status, setStatus] = useState('open');
  const [after, setAfter] = useState([null]); // cursors of the pages seen, for "previous"
  const cursor = after[after.length - 1];
  const q = useAsync(() => api.q(`query($after: String, $status: String) { quarantine(first: ${PAGE}, after: $after, status: $status) {
    items { id system type externalId via format receivedAt count status replayedAs reasons { field rule value message } }
    endCursor hasNextPage } }`, { after: cursor, status: status || null }).then((d) => d.quarantine), [cursor, status]);
  const canReplay = caps.mutation.has('replayQuarantine');

  const raw = (id) => () =>
    api.q(`query($after: String, $status: String) { quarantine(first: ${PAGE}, after: $after, status: $status) { items { id raw } } }`,
      { after: cursor, status: status || null }).then((d) => d.quarantine.items.find((i) => i.id === id)?.raw ?? '');
  const replay = (id) => async () => {
    const d = await api.q(`mutation($id: ID) { replayQuarantine(id: $id) { stored stillRefused } }`, { id });
    const r = d.replayQuarantine;
    announce(`Replayed: ${r.stored} stored, ${r.stillRefused} still refused`);
    q.reload();
  };

  return html`<section aria-labelledby="q-h">
    <h1 id="q-h">Quarantine</h1>
    <div class="toolbar">
      <label for="q-status">Status</label>
      <select id="q-status" value=${status} onChange=${(e) => { setStatus(e.target.value); setAfter([null]); }}>
        <option value="open">open</option><option value="replayed">replayed</option><option value="">all</option>
      </select>
      ${canReplay
        ? html`<${ActionButton} onAct=${replay(null)}>Replay every open item</${ActionButton}>`
        : html`<span class="note">Replay is not available on this server: run <code>seam quarantine replay</code>.</span>`}
    </div>
    ${q.loading && !q.data && html`<${Loading} what="quarantine" />`}
    <${ErrorNote} error=${q.error} what="quarantine (partner, finance or admin keys may)" />
    ${q.data && q.data.items.length === 0 && html`<p class="muted">Nothing in quarantine.</p>`}
    <ul class="quarantine">${(q.data?.items || []).map((it) => html`<li class="review" key=${it.id} data-quarantine=${it.id}>
      <h2>${it.system} ${it.type} ${it.externalId && html`<code>${it.externalId}</code>`}</h2>
      <p class="meta">arrived ${fmtTime(it.receivedAt)} by ${it.via}${it.format && ` as ${it.format}`} · ${it.count}× · ${it.status}${it.replayedAs && ` as ${it.replayedAs}`}</p>
      <table class="reasons"><caption>Why it was refused</caption>
        <thead><tr><th scope="col">Field</th><th scope="col">Rule</th><th scope="col">Value</th><th scope="col">Message</th></tr></thead>
        <tbody>${it.reasons.map((r) => html`<tr><th scope="row"><code>${r.field}</code></th><td>${r.rule}</td><td>${r.value ?? '—'}</td><td>${r.message}</td></tr>`)}</tbody>
      </table>
      <div class="decide">
        <${RawPayload} load=${raw(it.id)} />
        ${canReplay && it.status === 'open' && html`<${ActionButton} onAct=${replay(it.id)}>Replay</${ActionButton}>`}
      </div>
    </li>`)}</ul>
    <nav class="pager" aria-label="Quarantine pages">
      <button type="button" disabled=${after.length < 2} onClick=${() => setAfter(after.slice(0, -1))}>Previous page</button>
      <button type="button" disabled=${!q.data?.hasNextPage} onClick=${() => setAfter(after.concat(q.data.endCursor))}>Next page</button>
    </nav>
    <${SetAside} api=${api} announce=${announce} />
  </section>`;
}

function SetAside({ api, announce }) {
  const q = useAsync(() => api.q(`query { setAside(first: 50) { items { system type externalId reason at receivedAt attempts } hasNextPage } }`)
    .then((d) => d.setAside), []);
  const retry = (doc) => async () => {
    const d = await api.q(`mutation($doc: DocumentKey) { retrySetAside(document: $doc) }`, { doc });
    announce(`${d.retrySetAside} documents queued again`);
    q.reload();
  };
  return html`<section aria-labelledby="sa-h">
    <h2 id="sa-h">Set aside by resolution</h2>
    <${ErrorNote} error=${q.error} what="set-aside documents" />
    ${q.data && q.data.items.length === 0 && html`<p class="muted">Resolution set nothing aside.</p>`}
    ${q.data && q.data.items.length > 0 && html`<table><caption>Documents whose resolution failed on its own</caption>
      <thead><tr><th scope="col">Document</th><th scope="col">Reason</th><th scope="col">Attempts</th><th scope="col"><span class="sr-only">Retry</span></th></tr></thead>
      <tbody>${q.data.items.map((d) => html`<tr><th scope="row">${d.system} ${d.type} <code>${d.externalId}</code></th>
        <td class="small"><pre class="reason">${d.reason}</pre></td><td class="num">${d.attempts}</td>
        <td><${ActionButton} onAct=${retry({ system: d.system, type: d.type, externalId: d.externalId })}>Retry</${ActionButton}></td></tr>`)}</tbody>
    </table>`}
  </section>`;
}
