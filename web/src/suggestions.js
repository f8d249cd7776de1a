// What waits for a person's word besides business actions: product lines no rule
// identified, store codes no alias covers, and parties that may be one.
import { useState } from 'preact/hooks';
import { html, ErrorNote, Loading, ActionButton, useAsync } from './ui.js';

export function ProductsTab({ api, announce }) {
  const q = useAsync(() => api.q(`query { productSuggestions(first: 50) {
    system code title hsCode model documents reason candidates { sku score fields { field weight } } } }`).then((d) => d.productSuggestions), []);
  const [done, setDone] = useState({});
  if (q.loading && !q.data) return html`<${Loading} what="product suggestions" />`;
  if (q.error) return html`<${ErrorNote} error=${q.error} what="product suggestions" />`;
  const items = q.data.filter((p) => !done[p.system + p.code]);
  const alias = (p, sku) => async () => {
    const d = await api.q(`mutation($s: String!, $c: String!, $k: String!) { setProductAlias(system: $s, code: $c, sku: $k) }`,
      { s: p.system, c: p.code, k: sku });
    setDone((x) => ({ ...x, [p.system + p.code]: sku }));
    announce(`${p.title || p.code} is ${sku}: ${d.setProductAlias} documents resolved again`);
  };
  if (items.length === 0) return html`<p class="muted">Every product line is identified.</p>`;
  return html`<ul class="reviews">${items.map((p, i) => html`<li class="review" key=${p.system + p.code}>
    <h2>${p.title || p.code} <span class="muted small">${p.system}, ${p.documents} documents</span></h2>
    <p>${p.hsCode && html`HS <code>${p.hsCode}</code> `}${p.model && html`· ${p.model} `}· ${p.reason}</p>
    <table><caption>Candidates</caption>
      <thead><tr><th scope="col">SKU</th><th scope="col">Score</th><th scope="col">Fields</th><th scope="col"><span class="sr-only">Decide</span></th></tr></thead>
      <tbody>${p.candidates.map((c) => html`<tr>
        <th scope="row">${c.sku}</th><td class="num">${c.score.toFixed(2)}</td>
        <td class="small">${c.fields.map((f) => `${f.field} ${f.weight.toFixed(1)}`).join(', ')}</td>
        <td><${ActionButton} onAct=${alias(p, c.sku)}>This is ${c.sku}</${ActionButton}></td></tr>`)}</tbody>
    </table>
    <${OtherSku} id=${`other-sku-${i}`} onPick=${(sku) => alias(p, sku)()} />
  </li>`)}</ul>`;
}

function OtherSku({ id, onPick }) {
  const [sku, setSku] = useState('');
  const [error, setError] = useState(null);
  const submit = (e) => {
    e.preventDefault();
    if (sku.trim()) onPick(sku.trim()).catch(setError);
  };
  return html`<form class="inline" onSubmit=${submit}>
    <label for=${id}>Another SKU</label>
    <input id=${id} value=${sku} onInput=${(e) => setSku(e.target.value)} autocomplete="off" />
    <button type="submit">Set</button>
    <${ErrorNote} error=${error} />
  </form>`;
}

export function LocationsTab({ api, announce }) {
  const q = useAsync(() => api.q(`query { locationSuggestions { system code name documents location score reason } }`).then((d) => d.locationSuggestions), []);
  const [done, setDone] = useState({});
  const [edits, setEdits] = useState({});
  if (q.loading && !q.data) return html`<${Loading} what="location suggestions" />`;
  if (q.error) return html`<${ErrorNote} error=${q.error} what="location suggestions" />`;
  const items = q.data.filter((l) => !done[l.system + l.code]);
  if (items.length === 0) return html`<p class="muted">Every store and warehouse code has its location.</p>`;
  return html`<table class="suggestions"><caption>Codes no alias covers yet</caption>
    <thead><tr><th scope="col">System</th><th scope="col">Code</th><th scope="col">Name</th><th scope="col" class="num">Documents</th>
      <th scope="col">Why</th><th scope="col">Location</th><th scope="col"><span class="sr-only">Decide</span></th></tr></thead>
    <tbody>${items.map((l, i) => {
      const k = l.system + l.code;
      const loc = edits[k] ?? l.location;
      const set = async () => {
        await api.q(`mutation($s: String!, $c: String!, $l: String!) { setLocationAlias(system: $s, code: $c, location: $l) { location } }`,
          { s: l.system, c: l.code, l: loc });
        setDone((x) => ({ ...x, [k]: loc }));
        announce(`${l.system} ${l.code} is ${loc}`);
      };
      return html`<tr key=${k}>
        <td>${l.system}</td><th scope="row">${l.code}</th><td>${l.name || '—'}</td><td class="num">${l.documents}</td>
        <td class="small">${l.reason} (${l.score.toFixed(2)})</td>
        <td><label class="sr-only" for=${`loc-${i}`}>Location for ${l.code}</label>
          <input id=${`loc-${i}`} size="14" value=${loc} onInput=${(e) => setEdits((x) => ({ ...x, [k]: e.target.value }))} /></td>
        <td><${ActionButton} onAct=${set}>Confirm</${ActionButton}></td>
      </tr>`;
    })}</tbody>
  </table>`;
}

export function PartiesTab({ api, announce }) {
  const [input, setInput] = useState('');
  const [id, setId] = useState('');
  const [n, setN] = useState(0);
  const q = useAsync(() => (id ? api.q(`query($p: ID!) { partyNetwork(partyId: $p, depth: 2) {
    root truncated parties { id name kind taxId depth merged } links { from to reason score } } }`, { p: id }).then((d) => d.partyNetwork) : Promise.resolve(null)), [id, n]);
  const look = (e) => {
    e.preventDefault();
    setId(input.trim());
  };
  const decide = (l, m) => async () => {
    await api.q(`mutation($a: ID!, $b: ID!) { ${m}(party: $a, other: $b) { party other } }`, { a: l.from, b: l.to });
    announce(`${m === 'confirmPartyMatch' ? 'Merged' : 'Kept apart'}: ${l.from} and ${l.to}`);
    setN(n + 1);
  };
  const names = new Map((q.data?.parties || []).map((p) => [p.id, p.name || p.id]));
  return html`<div>
    <p class="muted">Parties are reviewed from one party's network: its related parties (shared phone, address, representative or bank account, or a probable match) with the reason for each link. A document's parties give their ids (lineage page).</p>
    <form class="inline" onSubmit=${look}>
      <label for="party-id">Party id</label>
      <input id="party-id" value=${input} onInput=${(e) => setInput(e.target.value)} autocomplete="off" />
      <button type="submit">Show network</button>
    </form>
    ${id && q.loading && html`<${Loading} what="the network" />`}
    <${ErrorNote} error=${q.error} what="parties" />
    ${q.data && html`<table><caption>Links around ${names.get(q.data.root)}${q.data.truncated ? ' (truncated)' : ''}</caption>
      <thead><tr><th scope="col">Party</th><th scope="col">Related to</th><th scope="col">Why</th><th scope="col" class="num">Weight</th><th scope="col"><span class="sr-only">Decide</span></th></tr></thead>
      <tbody>${q.data.links.map((l) => html`<tr>
        <td>${names.get(l.from)}</td><td>${names.get(l.to)}</td><td class="small">${l.reason}</td>
        <td class="num">${l.score == null ? '—' : l.score.toFixed(2)}</td>
        <td><${ActionButton} onAct=${decide(l, 'confirmPartyMatch')}>Same party</${ActionButton}>
          <${ActionButton} onAct=${decide(l, 'rejectPartyMatch')}>Different</${ActionButton}></td></tr>`)}</tbody>
    </table>`}
    ${q.data && q.data.links.length === 0 && html`<p class="muted">No related parties.</p>`}
  </div>`;
}
