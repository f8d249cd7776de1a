// Small pieces every view uses: the html tag, loading data, errors and raw payloads.
import { h } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import htm from 'htm';
import { forbidden } from './api.js';

export const html = htm.bind(h);

/** Runs fn on mount and whenever deps change; reload runs it again. */
export function useAsync(fn, deps) {
  const [state, setState] = useState({ loading: true });
  const seq = useRef(0);
  const run = useCallback(() => {
    const n = ++seq.current;
    setState((s) => ({ ...s, loading: true }));
    fn().then(
      (data) => n === seq.current && setState({ data, loading: false }),
      (error) => n === seq.current && setState({ error, loading: false }),
    );
  }, deps);
  useEffect(run, [run]);
  return { ...state, reload: run };
}

/** Says why something could not be shown, in words a person can act on. */
export function ErrorNote({ error, what = 'this' }) {
  if (!error) return null;
  if (forbidden(error)) {
    return html`<p class="note">This key's role may not see ${what}. Ask for a key with the right role (see the README's roles table).</p>`;
  }
  return html`<p class="error" role="alert">${error.message}</p>`;
}

export function Loading({ what }) {
  return html`<p class="muted" aria-busy="true">Loading ${what}…</p>`;
}

export const fmtTime = (t) => (t ? new Date(t).toLocaleString() : '—');

/** A short relative time ("3 min ago") with the exact one as its tooltip. */
export function Ago({ t }) {
  if (!t) return html`<span>—</span>`;
  const s = Math.round((Date.now() - new Date(t).getTime()) / 1000);
  const txt = s < 60 ? `${s}s ago` : s < 3600 ? `${Math.round(s / 60)} min ago` : s < 86400 ? `${Math.round(s / 3600)} h ago` : fmtTime(t);
  return html`<time datetime=${t} title=${fmtTime(t)}>${txt}</time>`;
}

/** The link to an event's lineage page. */
export const eventLink = (id) => `#/event/${encodeURIComponent(id)}`;

/**
 * A button that fetches a payload (raw source bytes) only when asked: raw payloads are
 * personal data that only some roles may read, so nothing is fetched by default.
 */
export function RawPayload({ load, label = 'Show raw payload', open: initially = false }) {
  const [state, setState] = useState(null);
  const open = () => {
    if (state?.raw !== undefined) return setState(null);
    setState({ loading: true });
    load().then((raw) => setState({ raw }), (error) => setState({ error }));
  };
  useEffect(() => {
    if (initially) open();
  }, []);
  return html`<div class="raw">
    <button type="button" class="link" aria-expanded=${state?.raw !== undefined} onClick=${open}>
      ${state?.raw !== undefined ? 'Hide raw payload' : label}
    </button>
    ${state?.loading && html`<${Loading} what="the payload" />`}
    <${ErrorNote} error=${state?.error} what="raw payloads (finance or admin keys may)" />
    ${state?.raw !== undefined && html`<pre tabindex="0" aria-label="Raw payload">${pretty(state.raw)}</pre>`}
  </div>`;
}

/** JSON indented when the payload is JSON; any other text as it came. */
export function pretty(raw) {
  try {
    return JSON.stringify(JSON.parse(raw), null, 2);
  } catch {
    return raw;
  }
}

/** A decision button: disabled while it runs, its error shown beside it. */
export function ActionButton({ onAct, children, kind = '' }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(null);
  const click = async () => {
    setBusy(true);
    setError(null);
    try {
      await onAct();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return html`<span class="action">
    <button type="button" class=${kind} disabled=${busy} aria-busy=${busy} onClick=${click}>${children}</button>
    <${ErrorNote} error=${error} what="this action" />
  </span>`;
}
