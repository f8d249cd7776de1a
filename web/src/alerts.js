// Alerts a person acts on: acknowledge one, or book the transfer it proposes. New
// alerts arrive live.
import { useEffect, useState } from 'preact/hooks';
import { html, ErrorNote, Loading, Ago, ActionButton, eventLink } from './ui.js';

const ALERT = `id rule severity status sku location lot message
  evidence { name value }
  proposal { sku from to qty lines { lot qty } }
  raisedAt updatedAt acknowledgedAt acknowledgedBy resolvedAt
  transfer { id }`;

const STATUSES = [['OPEN', 'Open'], ['ACKNOWLEDGED', 'Acknowledged'], ['RESOLVED', 'Resolved'], ['', 'All']];

export function AlertsView({ api, announce, onCount }) {
  const [status, setStatus] = useState('OPEN');
  const [alerts, setAlerts] = useState(null);
  const [error, setError] = useState(null);

  useEffect(() => {
    setAlerts(null);
    api.q(`query($status: AlertStatus) { alerts(status: $status, first: 100) { ${ALERT} } }`, { status: status || null })
      .then((d) => setAlerts(d.alerts), setError);
  }, [status]);

  useEffect(
    () =>
      api.subscribe(`subscription { alertRaised { ${ALERT} } }`, {}, (d) => {
        const a = d.alertRaised;
        announce(`New ${a.severity.toLowerCase()} alert: ${a.message}`);
        setAlerts((as) => (as && (!status || status === a.status) ? [a, ...as.filter((x) => x.id !== a.id)] : as));
      }, setError),
    [status],
  );

  useEffect(() => {
    if (alerts && status === 'OPEN') onCount(alerts.length);
  }, [alerts]);

  const replace = (a) => setAlerts((as) => as.map((x) => (x.id === a.id ? a : x)));

  return html`<section aria-labelledby="alerts-h">
    <h1 id="alerts-h">Alerts</h1>
    <fieldset class="tabs">
      <legend>Show</legend>
      ${STATUSES.map(([v, label]) => html`<label class=${status === v ? 'on' : ''}>
        <input type="radio" name="alert-status" value=${v} checked=${status === v} onChange=${() => setStatus(v)} /> ${label}
      </label>`)}
    </fieldset>
    <${ErrorNote} error=${error} what="alerts" />
    ${!alerts && !error && html`<${Loading} what="alerts" />`}
    ${alerts && alerts.length === 0 && html`<p class="muted">No alerts${status ? ` ${status.toLowerCase()}` : ''}.</p>`}
    <ul class="alerts">${(alerts || []).map((a) => html`<${AlertCard} key=${a.id} a=${a} api=${api} onChange=${replace} announce=${announce} />`)}</ul>
  </section>`;
}

function AlertCard({ a, api, onChange, announce }) {
  const [qty, setQty] = useState(a.proposal?.qty || '');
  const ack = async () => {
    const d = await api.q(`mutation($id: ID!) { acknowledgeAlert(id: $id) { ${ALERT} } }`, { id: a.id });
    onChange(d.acknowledgeAlert);
    announce(`Alert acknowledged: ${a.message}`);
  };
  const transfer = async () => {
    const d = await api.q(`mutation($id: ID!, $qty: Decimal) { createTransfer(alert: $id, qty: $qty) { alert { ${ALERT} } event { id } } }`,
      { id: a.id, qty: qty || null });
    onChange(d.createTransfer.alert);
    announce(`Transfer booked: ${d.createTransfer.event.id}`);
  };
  const qtyId = `qty-${a.id}`;
  return html`<li class=${`alert ${a.severity.toLowerCase()} ${a.status.toLowerCase()}`} data-alert=${a.id} aria-labelledby=${`alert-${a.id}`}>
    <header>
      <span class=${`badge ${a.severity.toLowerCase()}`}>${a.severity}</span>
      <h2 id=${`alert-${a.id}`}>${a.message}</h2>
    </header>
    <p class="meta">${a.rule.replace(/_/g, ' ').toLowerCase()} · ${a.sku} at ${a.location}${a.lot && ` · lot ${a.lot}`} · raised <${Ago} t=${a.raisedAt} />
      · <span class="status">${a.status.toLowerCase()}</span>${a.acknowledgedBy && ` by ${a.acknowledgedBy}`}</p>
    ${a.evidence.length > 0 && html`<dl class="figs">${a.evidence.map((f) => html`<div><dt>${f.name}</dt><dd>${f.value}</dd></div>`)}</dl>`}
    ${a.proposal && html`<div class="proposal">
      <p>Proposed transfer: <strong>${a.proposal.qty}</strong> of ${a.proposal.sku} from <strong>${a.proposal.from}</strong> to <strong>${a.proposal.to}</strong>
        ${a.proposal.lines.length > 0 && html` (${a.proposal.lines.map((l) => `${l.qty} of lot ${l.lot || '—'}`).join(', ')})`}</p>
      ${a.transfer
        ? html`<p>Transfer booked: <a href=${eventLink(a.transfer.id)}>${a.transfer.id}</a></p>`
        : a.status !== 'RESOLVED' && html`<div class="inline">
            <label for=${qtyId}>Quantity</label>
            <input id=${qtyId} inputmode="decimal" size="8" value=${qty} onInput=${(e) => setQty(e.target.value)} />
            <${ActionButton} onAct=${transfer}>Create transfer</${ActionButton}>
          </div>`}
    </div>`}
    ${a.status === 'OPEN' && html`<${ActionButton} onAct=${ack} kind="primary">Acknowledge</${ActionButton}>`}
  </li>`;
}
