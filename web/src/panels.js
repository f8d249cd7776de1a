// What a panel says on a server whose GraphQL lacks what it draws: it says so plainly,
// and shows nothing made up.
import { html } from './ui.js';

export function Unavailable({ title, what }) {
  return html`<section aria-labelledby="na-h">
    <h1 id="na-h">${title}</h1>
    <div class="placeholder" data-placeholder>
      <p><strong>Not available on this server.</strong> Its GraphQL API has no ${what} yet; this panel fills in once it does.</p>
    </div>
  </section>`;
}
