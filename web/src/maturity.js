// The seed's five-level baseline of a period: the level reached, what the next one
// needs, and each figure beside its target with the evidence it was measured on.
import { html, ErrorNote, Loading, useAsync } from './ui.js';
import { PeriodPicker, periodOf } from './period.js';
import { Unavailable } from './panels.js';

const MATURITY = `query($from: String!, $to: String!) { maturity(from: $from, to: $to) {
  level next figures { name value level target measured met evidence } } }`;

const LEVELS = 5;

export function MaturityView({ api, caps, arg }) {
  if (!caps.query.has('maturity')) return html`<${Unavailable} title="Five-level baseline" what="maturity baseline" />`;
  const period = periodOf(arg);
  const k = `${period.from}/${period.to}`;
  return html`<section aria-labelledby="mat-h">
    <h1 id="mat-h">Five-level baseline</h1>
    <${PeriodPicker} key=${k} view="baseline" period=${period} id="mat" />
    <${Baseline} key=${`b${k}`} api=${api} period=${period} />
  </section>`;
}

function Baseline({ api, period }) {
  const q = useAsync(() => api.q(MATURITY, period).then((d) => d.maturity), []);
  if (q.loading) return html`<${Loading} what="the baseline" />`;
  if (q.error) return html`<${ErrorNote} error=${q.error} what="the baseline (finance or admin keys may)" />`;
  const m = q.data;
  return html`<div data-maturity>
    <div class="level" role="group" aria-labelledby="mat-level">
      <p id="mat-level" class="big"><span data-level>Level ${m.level}</span> <span class="small muted">of ${LEVELS}</span></p>
      <ol class="steps" aria-label="Levels">${Array.from({ length: LEVELS }, (_, i) => i + 1).map((n) => html`<li key=${n}
        class=${n <= m.level ? 'reached' : ''}>${n}<span class="sr-only">${n <= m.level ? ' reached' : ' not reached'}</span></li>`)}</ol>
      <p><strong>Next:</strong> ${m.next}</p>
    </div>
    <table class="figures"><caption>Figures of ${period.from} to ${period.to}</caption>
      <thead><tr><th scope="col">Figure</th><th scope="col" class="num">Value</th><th scope="col" class="num">Level</th>
        <th scope="col">Target</th><th scope="col">Met</th><th scope="col">Evidence</th></tr></thead>
      <tbody>${m.figures.map((f) => html`<tr key=${f.name} data-figure=${f.name}>
        <th scope="row">${f.name}</th><td class="num">${f.value}</td><td class="num">${f.level || '—'}</td>
        <td>${f.target || '—'}</td>
        <td>${f.level === 0 ? html`<span class="muted">no target</span>`
          : !f.measured ? html`<span class="badge info">not measured</span>`
            : f.met ? html`<span class="badge met">met</span>` : html`<span class="badge critical">not met</span>`}</td>
        <td>${f.evidence.length === 0 ? html`<span class="muted">—</span>` : html`<details>
          <summary>${f.evidence.length} ${f.evidence.length === 1 ? 'item' : 'items'}<span class="sr-only"> of evidence for ${f.name}</span></summary>
          <ul class="evidence">${f.evidence.map((e, i) => html`<li key=${i}>${e}</li>`)}</ul></details>`}</td>
      </tr>`)}</tbody>
    </table>
  </div>`;
}
