// Live stock by product and location: the products a person watches, plus every product
// whose stock changes while the page is open, each change arriving over the websocket.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { stockFields } from './api.js';
import { html, ErrorNote, Ago } from './ui.js';
import { Trend } from './trend.js';

const WATCH = 'seam.watch';
const DAY = 86400000;
/** Lots expiring within this many days are highlighted. */
export const EXPIRY_DAYS = 30;

export const cellKey = (r) => `${r.sku}\u0000${r.location}\u0000${r.lot}`;

/** How a lot's expiry reads: null without one, else its words and its class. */
export function expiry(expiresAt, now = Date.now()) {
  if (!expiresAt) return null;
  const days = Math.floor((new Date(expiresAt).getTime() - now) / DAY);
  if (days < 0) return { text: 'expired', cls: 'expired' };
  if (days <= EXPIRY_DAYS) return { text: `expires in ${days} d`, cls: 'expiring' };
  return { text: new Date(expiresAt).toLocaleDateString(), cls: '' };
}

function loadWatch() {
  try {
    return JSON.parse(localStorage.getItem(WATCH)) || [];
  } catch {
    return [];
  }
}

/** The columns a stock table shows: the optional ones only when the server has them. */
export function columns(caps) {
  const cols = [
    ['available', 'Available'],
    ['onHand', 'On hand'],
    ['reserved', 'Reserved'],
    ['incoming', 'Incoming'],
  ];
  if (caps.stockRow.has('inTransit')) cols.push(['inTransit', 'In transit']);
  if (caps.stockRow.has('onHold')) cols.push(['onHold', 'On hold']);
  return cols;
}

export function StockView({ api, caps, announce }) {
  const [watch, setWatch] = useState(loadWatch);
  const [rows, setRows] = useState(() => new Map());
  const [changed, setChanged] = useState(() => new Map()); // key -> time of last live change
  const [history, setHistory] = useState([]); // {t, sku, location, available} for the trend
  const [selected, setSelected] = useState(null);
  const [filter, setFilter] = useState('');
  const [error, setError] = useState(null);
  const [input, setInput] = useState('');
  const fields = stockFields(caps);
  const cols = columns(caps);
  const hasExpiry = caps.stockRow.has('expiresAt');
  useTick(1000);

  const upsert = (list, live) => {
    setRows((m) => {
      const n = new Map(m);
      list.forEach((r) => n.set(cellKey(r), r));
      return n;
    });
    const now = Date.now();
    setHistory((hs) => hs.concat(list.map((r) => ({ t: now, sku: r.sku, location: r.location, lot: r.lot, available: r.available }))).slice(-2000));
    if (live) {
      setChanged((m) => {
        const n = new Map(m);
        list.forEach((r) => n.set(cellKey(r), now));
        return n;
      });
    }
  };

  useEffect(() => {
    localStorage.setItem(WATCH, JSON.stringify(watch));
    Promise.all(watch.map((sku) => api.q(`query($sku: String!) { stock(sku: $sku) { ${fields} } }`, { sku })))
      .then((ds) => upsert(ds.flatMap((d) => d.stock), false), setError);
  }, [watch.join(',')]);

  useEffect(
    () =>
      api.subscribe(`subscription { stockChanged { ${fields} } }`, {}, (d) => {
        const r = d.stockChanged;
        upsert([r], true);
        announce(`${r.sku} at ${r.location}${r.lot ? ` lot ${r.lot}` : ''}: available ${r.available}`);
      }, setError),
    [],
  );

  const add = (e) => {
    e.preventDefault();
    const sku = input.trim();
    if (sku && !watch.includes(sku)) setWatch(watch.concat(sku));
    if (sku) setSelected(sku);
    setInput('');
  };

  const bySku = useMemo(() => {
    const g = new Map();
    const f = filter.trim().toLowerCase();
    [...rows.values()]
      .filter((r) => !f || r.sku.toLowerCase().includes(f) || r.location.toLowerCase().includes(f))
      .sort((a, b) => a.sku.localeCompare(b.sku) || a.location.localeCompare(b.location) || a.lot.localeCompare(b.lot))
      .forEach((r) => g.set(r.sku, (g.get(r.sku) || []).concat(r)));
    return g;
  }, [rows, filter]);

  return html`<section aria-labelledby="stock-h">
    <h1 id="stock-h">Live stock</h1>
    <div class="toolbar">
      <form onSubmit=${add} class="inline">
        <label for="watch-sku">Watch a product (SKU)</label>
        <input id="watch-sku" value=${input} onInput=${(e) => setInput(e.target.value)} placeholder="TEA-OOL-250G" autocomplete="off" />
        <button type="submit">Watch</button>
      </form>
      <label for="stock-filter">Filter</label>
      <input id="stock-filter" type="search" value=${filter} onInput=${(e) => setFilter(e.target.value)} placeholder="SKU or location" />
    </div>
    <${ErrorNote} error=${error} what="stock" />
    ${watch.length > 0 && html`<p class="chips" aria-label="Watched products">
      ${watch.map((s) => html`<span class="chip">${s}
        <button type="button" class="link" aria-label=${`Stop watching ${s}`} onClick=${() => setWatch(watch.filter((w) => w !== s))}>×</button></span>`)}
    </p>`}
    ${bySku.size === 0 && html`<p class="muted">No stock yet: watch a product above, or wait for the next change to arrive live.</p>`}
    ${selected && html`<${Trend} sku=${selected} history=${history} onClose=${() => setSelected(null)} />`}
    ${[...bySku].map(([sku, list]) => html`<table class="stock" data-sku=${sku}>
      <caption>
        <span class="sku">${sku}</span>
        <button type="button" class="link" onClick=${() => setSelected(sku)}>Trend</button>
        <a href=${`#/scan/${encodeURIComponent(sku)}`}>Handheld view</a>
      </caption>
      <thead><tr>
        <th scope="col">Location</th><th scope="col">Lot</th>
        ${cols.map(([, label]) => html`<th scope="col" class="num">${label}</th>`)}
        ${hasExpiry && html`<th scope="col">Expiry</th>`}
        <th scope="col">Changed</th>
      </tr></thead>
      <tbody>${list.map((r) => {
        const ex = hasExpiry ? expiry(r.expiresAt) : null;
        const at = changed.get(cellKey(r));
        return html`<tr key=${cellKey(r)} class=${`${at && Date.now() - at < 4000 ? 'flash' : ''} ${ex?.cls || ''}`} data-location=${r.location} data-lot=${r.lot}>
          <th scope="row">${r.location}</th><td>${r.lot || '—'}</td>
          ${cols.map(([f]) => html`<td class=${`num ${f}`}>${r[f]}</td>`)}
          ${hasExpiry && html`<td>${ex ? html`<span class=${`badge ${ex.cls}`}>${ex.text}</span>` : '—'}</td>`}
          <td>${at ? html`<${Ago} t=${new Date(at).toISOString()} />` : html`<span class="muted">on load</span>`}</td>
        </tr>`;
      })}</tbody>
    </table>`)}
    ${!hasExpiry && html`<p class="muted small">This server's stock has no expiry, in-transit or on-hold figures yet.</p>`}
  </section>`;
}

/** Re-renders every second so that highlights of live changes fade on time. */
export function useTick(ms = 1000) {
  const [, set] = useState(0);
  const t = useRef();
  useEffect(() => {
    t.current = setInterval(() => set((n) => n + 1), ms);
    return () => clearInterval(t.current);
  }, [ms]);
}
