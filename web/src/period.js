// A period of whole days, kept in the page's address (#/finance/2025-02-01/2025-05-31) so
// that a period can be linked to, and the form that picks it. Finance's queries take the
// dates as they are: a date means the whole day, and `to` includes it.
import { useState } from 'preact/hooks';
import { html } from './ui.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

const pad = (n) => String(n).padStart(2, '0');

/** The calendar month of a local date, as its first and last day. */
export function monthOf(d) {
  const last = new Date(d.getFullYear(), d.getMonth() + 1, 0).getDate();
  const ym = `${d.getFullYear()}-${pad(d.getMonth() + 1)}`;
  return { from: `${ym}-01`, to: `${ym}-${pad(last)}` };
}

/** The period a route's argument names ("from/to"); the current month otherwise. */
export function periodOf(arg, now = new Date()) {
  const [from, to] = (arg || '').split('/');
  if (DAY.test(from || '') && DAY.test(to || '') && from <= to) return { from, to };
  return monthOf(now);
}

/** The form with both dates; a valid period goes into the address, which reloads the view. */
export function PeriodPicker({ view, period, id }) {
  const [from, setFrom] = useState(period.from);
  const [to, setTo] = useState(period.to);
  const [error, setError] = useState('');
  const submit = (e) => {
    e.preventDefault();
    // What the fields hold now: a render may not have caught up with the last keystroke.
    const from = e.target.elements.from.value;
    const to = e.target.elements.to.value;
    if (!DAY.test(from) || !DAY.test(to) || from > to) {
      setError('Pick a first day on or before the last day.');
      return;
    }
    setError('');
    window.location.hash = `#/${view}/${from}/${to}`;
  };
  const thisMonth = () => {
    const m = monthOf(new Date());
    setFrom(m.from);
    setTo(m.to);
    window.location.hash = `#/${view}/${m.from}/${m.to}`;
  };
  return html`<form class="inline period" onSubmit=${submit} aria-label="Period">
    <label for=${`${id}-from`}>From</label>
    <input id=${`${id}-from`} type="date" name="from" value=${from} onInput=${(e) => setFrom(e.target.value)} required />
    <label for=${`${id}-to`}>to (included)</label>
    <input id=${`${id}-to`} type="date" name="to" value=${to} onInput=${(e) => setTo(e.target.value)} required />
    <button type="submit">Show period</button>
    <button type="button" class="link" onClick=${thisMonth}>This month</button>
    ${error && html`<span class="error" role="alert">${error}</span>`}
  </form>`;
}

/** A decimal fraction as a percentage, moved by two places in the text: 0.2143 is 21.43%. */
export function percent(fraction) {
  if (fraction == null || !/^\d+(\.\d+)?$/.test(fraction)) return '—';
  const [whole, frac = ''] = fraction.split('.');
  const digits = frac.padEnd(2, '0');
  const rest = digits.slice(2).replace(/0+$/, '');
  return `${Number(whole + digits.slice(0, 2))}${rest ? `.${rest}` : ''}%`;
}

/** Amounts in several currencies, in one line. */
export const moneyList = (ms) => (ms && ms.length ? ms.map((m) => `${m.amount} ${m.currency}`).join(', ') : '—');
