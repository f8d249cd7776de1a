// Finance's reconciliation and the forecasts: drawn only once this server's GraphQL has
// them. Until then each panel says so plainly, and shows nothing made up.
import { html } from './ui.js';

const PANELS = {
  finance: {
    title: 'Finance reconciliation',
    what: 'the reconciliation summary and its exceptions',
    match: /reconcil|settlement|finance/i,
  },
  forecast: {
    title: 'Forecasts',
    what: 'the forecast credibility board, proposals awaiting approval and the five-level baseline',
    match: /forecast|baseline|proposal/i,
  },
};

/** The server's queries and mutations a panel would draw on. */
export function offered(caps, panel) {
  const m = PANELS[panel].match;
  return [...caps.query, ...caps.mutation].filter((n) => m.test(n)).sort();
}

export function PlaceholderView({ caps, panel }) {
  const p = PANELS[panel];
  const names = offered(caps, panel);
  return html`<section aria-labelledby="ph-h">
    <h1 id="ph-h">${p.title}</h1>
    <div class="placeholder" data-placeholder=${panel}>
      ${names.length === 0
        ? html`<p><strong>Not available on this server.</strong> Its GraphQL API has no ${p.what} yet; this panel fills in once it does.</p>`
        : html`<p><strong>Not drawn by this dashboard yet.</strong> This server answers ${names.map((n) => html`<code>${n}</code> `)} — ask them in <a href="graphql">GraphiQL</a>.</p>`}
    </div>
  </section>`;
}
