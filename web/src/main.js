// Seam's dashboard: signs in with an API key (kept for this tab only), learns what the
// server offers, and routes between the views by the URL's hash.
import 'uplot/dist/uPlot.min.css';
import './app.css';
import { render } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { Api, capabilities } from './api.js';
import { html, ErrorNote } from './ui.js';
import { StockView } from './stock.js';
import { HandheldView } from './handheld.js';
import { AlertsView } from './alerts.js';
import { ReviewView } from './review.js';
import { LineageView } from './lineage.js';
import { QuarantineView } from './quarantine.js';
import { FinanceView } from './finance.js';
import { ForecastView } from './forecast.js';
import { MaturityView } from './maturity.js';

const KEY = 'seam.key';

const NAV = [
  ['stock', 'Stock'],
  ['scan', 'Handheld'],
  ['alerts', 'Alerts'],
  ['review', 'Review'],
  ['event', 'Lineage'],
  ['quarantine', 'Quarantine'],
  ['finance', 'Finance'],
  ['forecast', 'Forecasts'],
  ['baseline', 'Baseline'],
];

/** The route of a hash: its first segment and the rest, decoded. */
export function route(hash, narrow) {
  const [name, ...rest] = hash.replace(/^#\/?/, '').split('/');
  const arg = rest.length ? decodeURIComponent(rest.join('/')) : '';
  return { name: name || (narrow ? 'scan' : 'stock'), arg };
}

function useHash() {
  const [hash, setHash] = useState(window.location.hash);
  useEffect(() => {
    const on = () => setHash(window.location.hash);
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return hash;
}

function Login({ onKey, error }) {
  const [key, setKey] = useState('');
  const submit = (e) => {
    e.preventDefault();
    if (key.trim()) onKey(key.trim());
  };
  return html`<main id="main" class="login">
    <h1>Seam</h1>
    <form onSubmit=${submit}>
      <label for="api-key">API key</label>
      <input id="api-key" type="password" autocomplete="off" value=${key} onInput=${(e) => setKey(e.target.value)}
        aria-describedby="api-key-help" required />
      <p id="api-key-help" class="muted small">A key from <code>seam keys create</code> (or the one <code>make demo</code> prints). It is kept in this browser tab only, until you sign out or close it.</p>
      <button type="submit" class="primary">Sign in</button>
    </form>
    <${ErrorNote} error=${error} />
  </main>`;
}

function App() {
  const [session, setSession] = useState(null); // { api, caps }
  const [error, setError] = useState(null);
  const [live, setLive] = useState('connecting');
  const [openAlerts, setOpenAlerts] = useState(null);
  const [message, setMessage] = useState('');
  const hash = useHash();
  const narrow = useRef(window.matchMedia('(max-width: 640px)').matches).current;

  const signIn = useCallback((key) => {
    const api = new Api(key);
    setError(null);
    capabilities(api).then(
      (caps) => {
        sessionStorage.setItem(KEY, key);
        api.onStatus(setLive);
        api.socket();
        setSession({ api, caps });
      },
      (e) => {
        sessionStorage.removeItem(KEY);
        setError(e.code === 'UNAUTHENTICATED' ? new Error('That key is not valid (or was revoked).') : e);
      },
    );
  }, []);

  useEffect(() => {
    // A link may carry the key in its fragment (`make demo` prints one): the fragment
    // never reaches a server, and it leaves the address bar and history at once.
    const m = window.location.hash.match(/^#key=([^&]+)/);
    if (m) {
      window.history.replaceState(null, '', `${window.location.pathname}#/`);
      signIn(decodeURIComponent(m[1]));
      return;
    }
    const k = sessionStorage.getItem(KEY);
    if (k) signIn(k);
  }, []);

  useEffect(() => {
    if (!session) return;
    session.api.q('query { alerts(status: OPEN, first: 100) { id } }').then((d) => setOpenAlerts(d.alerts.length), () => {});
  }, [session]);

  // One polite live region says what changed, for people who do not see the highlight.
  const announce = useCallback((m) => setMessage(m), []);

  if (!session) return html`<${Login} onKey=${signIn} error=${error} />`;
  const { api, caps } = session;
  const r = route(hash, narrow);
  const signOut = () => {
    sessionStorage.removeItem(KEY);
    api.close();
    setSession(null);
  };
  const view = {
    stock: () => html`<${StockView} api=${api} caps=${caps} announce=${announce} />`,
    scan: () => html`<${HandheldView} key=${r.arg} api=${api} caps=${caps} sku=${r.arg} announce=${announce} />`,
    alerts: () => html`<${AlertsView} api=${api} announce=${announce} onCount=${setOpenAlerts} />`,
    review: () => html`<${ReviewView} api=${api} announce=${announce} />`,
    event: () => html`<${LineageView} key=${r.arg} api=${api} id=${r.arg} />`,
    quarantine: () => html`<${QuarantineView} api=${api} caps=${caps} announce=${announce} />`,
    finance: () => html`<${FinanceView} api=${api} caps=${caps} arg=${r.arg} />`,
    forecast: () => html`<${ForecastView} api=${api} caps=${caps} announce=${announce} />`,
    baseline: () => html`<${MaturityView} api=${api} caps=${caps} arg=${r.arg} />`,
  }[r.name];

  return html`<div class="shell">
    <a class="skip" href="#main" onClick=${(e) => { e.preventDefault(); document.getElementById('main').focus(); }}>Skip to content</a>
    <header class="top">
      <span class="brand">Seam</span>
      <nav aria-label="Views">
        <ul>${NAV.map(([k, label]) => html`<li><a href=${`#/${k}`} aria-current=${r.name === k ? 'page' : undefined}>
          ${label}${k === 'alerts' && openAlerts ? html` <span class="count" aria-label=${`${openAlerts} open`}>${openAlerts}</span>` : ''}</a></li>`)}</ul>
      </nav>
      <span class=${`live ${live}`} role="status">${live === 'live' ? 'Live' : live === 'connecting' ? 'Connecting…' : 'Offline'}</span>
      <button type="button" class="link" onClick=${signOut}>Sign out</button>
    </header>
    <main id="main" tabindex="-1">${view ? view() : html`<p>No such page. <a href="#/stock">Live stock</a></p>`}</main>
    <div class="sr-only" aria-live="polite" id="announce">${message}</div>
  </div>`;
}

render(html`<${App} />`, document.getElementById('app'));
