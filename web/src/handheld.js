// The picker's handheld: scan or type a SKU, see its stock per location and its last
// replenishments; the figures follow live changes while the screen is open.
import { useEffect, useRef, useState } from 'preact/hooks';
import { stockFields } from './api.js';
import { html, ErrorNote, Loading, fmtTime, eventLink } from './ui.js';
import { cellKey, columns, expiry } from './stock.js';

const REPLENISHMENTS = `query($sku: String!) {
  replenishments(sku: $sku, first: 3) { eventId kind location lot qty at }
}`;

export function HandheldView({ api, caps, sku: initial = '', announce }) {
  const [input, setInput] = useState(initial);
  const [sku, setSku] = useState(initial);
  const [rows, setRows] = useState(null);
  const [repl, setRepl] = useState(null);
  const [error, setError] = useState(null);
  const field = useRef();
  const fields = stockFields(caps);
  const cols = columns(caps);
  const hasRepl = caps.query.has('replenishments');

  useEffect(() => field.current?.focus(), []);

  useEffect(() => {
    if (!sku) return undefined;
    setRows(null);
    setRepl(null);
    setError(null);
    api.q(`query($sku: String!) { stock(sku: $sku) { ${fields} } }`, { sku }).then((d) => setRows(d.stock), setError);
    if (hasRepl) api.q(REPLENISHMENTS, { sku }).then((d) => setRepl(d.replenishments), setError);
    return api.subscribe(`subscription($sku: String) { stockChanged(sku: $sku) { ${fields} } }`, { sku }, (d) => {
      const r = d.stockChanged;
      setRows((rs) => [...(rs || []).filter((x) => cellKey(x) !== cellKey(r)), r].sort((a, b) => a.location.localeCompare(b.location)));
      announce(`${r.location}: available ${r.available}`);
      if (hasRepl) api.q(REPLENISHMENTS, { sku }).then((dd) => setRepl(dd.replenishments), () => {});
    }, setError);
  }, [sku]);

  const look = (e) => {
    e.preventDefault();
    const s = input.trim();
    if (!s) return;
    setSku(s);
    window.history.replaceState(null, '', `#/scan/${encodeURIComponent(s)}`);
    field.current?.select();
  };

  return html`<section class="handheld" aria-labelledby="hh-h">
    <h1 id="hh-h">Scan a product</h1>
    <form onSubmit=${look} class="scan">
      <label for="scan-sku">SKU or barcode</label>
      <input id="scan-sku" ref=${field} value=${input} onInput=${(e) => setInput(e.target.value)}
        autocomplete="off" autocapitalize="characters" enterkeyhint="search" placeholder="Scan or type" />
      <button type="submit">Look up</button>
    </form>
    <${ErrorNote} error=${error} what="stock" />
    ${sku && rows === null && !error && html`<${Loading} what="stock" />`}
    ${rows && rows.length === 0 && html`<p class="muted">No stock recorded for ${sku}.</p>`}
    ${rows && rows.length > 0 && html`<ul class="cards" aria-label=${`Stock of ${sku}`}>
      ${rows.map((r) => {
        const ex = expiry(r.expiresAt);
        return html`<li class=${`card ${ex?.cls || ''}`} key=${cellKey(r)}>
          <div class="where">${r.location}${r.lot && html` <span class="muted">lot ${r.lot}</span>`}</div>
          <div class="big"><span class="num available">${r.available}</span> <span class="small">available</span></div>
          <dl class="figs">${cols.filter(([f]) => f !== 'available').map(([f, label]) => html`<div><dt>${label}</dt><dd class="num">${r[f]}</dd></div>`)}</dl>
          ${ex && html`<p class=${`badge ${ex.cls}`}>${ex.text}</p>`}
        </li>`;
      })}
    </ul>`}
    ${sku && html`<h2>Last replenishments</h2>`}
    ${sku && !hasRepl && html`<p class="note">Replenishments are not available on this server.</p>`}
    ${sku && hasRepl && repl === null && !error && html`<${Loading} what="replenishments" />`}
    ${repl && repl.length === 0 && html`<p class="muted">No receipt or transfer has brought ${sku} in yet.</p>`}
    ${repl && repl.length > 0 && html`<ol class="repl">
      ${repl.map((r) => html`<li key=${r.eventId + r.location + r.lot}>
        <time datetime=${r.at}>${fmtTime(r.at)}</time>
        <span>${r.kind} of <strong class="num">${r.qty}</strong> to ${r.location}${r.lot && ` (lot ${r.lot})`}</span>
        <a href=${eventLink(r.eventId)}>lineage</a>
      </li>`)}
    </ol>`}
  </section>`;
}
