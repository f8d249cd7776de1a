// The dashboard's one way to Seam: GraphQL queries over HTTP and subscriptions over a
// websocket, both with the key the person typed in. The key is never put in the URL.
import { createClient } from 'graphql-ws';

/** An answer with GraphQL errors; code is the first error's extensions.code. */
export class GraphQLError extends Error {
  constructor(errors, status) {
    super(errors.map((e) => e.message).join('; ') || `HTTP ${status}`);
    this.errors = errors;
    this.status = status;
    this.code = errors[0]?.extensions?.code || (status === 401 ? 'UNAUTHENTICATED' : status === 403 ? 'FORBIDDEN' : '');
  }
}

/** True when the error says the key may not ask for this. */
export const forbidden = (err) => err instanceof GraphQLError && err.code === 'FORBIDDEN';

export class Api {
  constructor(key, base = '') {
    this.key = key;
    this.base = base;
    this.ws = null;
    this.listeners = new Set();
  }

  /** Runs a query or mutation; resolves to its data or throws a GraphQLError. */
  async q(query, variables = {}) {
    const res = await fetch(`${this.base}/graphql`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${this.key}` },
      body: JSON.stringify({ query, variables }),
    });
    let body;
    try {
      body = await res.json();
    } catch {
      throw new GraphQLError([{ message: `HTTP ${res.status}` }], res.status);
    }
    if (body.errors?.length) throw new GraphQLError(body.errors, res.status);
    return body.data;
  }

  /** Calls onStatus('live' | 'connecting' | 'closed') as the websocket comes and goes. */
  onStatus(fn) {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  status(s) {
    this.listeners.forEach((fn) => fn(s));
  }

  socket() {
    if (this.ws) return this.ws;
    const loc = window.location;
    const url = `${loc.protocol === 'https:' ? 'wss' : 'ws'}://${loc.host}${this.base}/graphql`;
    this.ws = createClient({
      url,
      // Browsers cannot set headers on a websocket: the key goes in connection_init.
      connectionParams: { Authorization: `Bearer ${this.key}` },
      // One socket for the whole session, up while signed in: its state is the page's
      // "Live" sign, whether or not the current view subscribes to anything.
      lazy: false,
      retryAttempts: Infinity,
      shouldRetry: (e) => !(e && (e.code === 4401 || e.code === 4403)),
      on: {
        connecting: () => this.status('connecting'),
        connected: () => this.status('live'),
        closed: () => this.status('closed'),
      },
    });
    return this.ws;
  }

  /** Subscribes; onData gets each result's data. Returns the function that ends it. */
  subscribe(query, variables, onData, onError = () => {}) {
    return this.socket().subscribe(
      { query, variables },
      {
        next: (r) => (r.errors?.length ? onError(new GraphQLError(r.errors, 200)) : onData(r.data)),
        error: (e) => onError(e instanceof Error ? e : new Error(e?.reason || 'subscription closed')),
        complete: () => {},
      },
    );
  }

  close() {
    this.ws?.dispose();
    this.ws = null;
  }
}

/**
 * What this server offers: the names of its queries, mutations and subscriptions, and
 * the fields of the types the dashboard adapts to (a StockRow gains fields over time).
 */
export async function capabilities(api) {
  const d = await api.q(`{
    __schema {
      queryType { fields { name } }
      mutationType { fields { name } }
      subscriptionType { fields { name } }
    }
    stockRow: __type(name: "StockRow") { fields { name } }
  }`);
  const names = (t) => new Set((t?.fields || []).map((f) => f.name));
  return {
    query: names(d.__schema.queryType),
    mutation: names(d.__schema.mutationType),
    subscription: names(d.__schema.subscriptionType),
    stockRow: names(d.stockRow),
  };
}

/** The stock columns this server has, beyond the four every server has. */
export const optionalStockFields = ['inTransit', 'onHold', 'expiresAt', 'zone', 'updatedAt'];

export function stockFields(caps) {
  const base = ['sku', 'location', 'lot', 'onHand', 'reserved', 'available', 'incoming'];
  return base.concat(optionalStockFields.filter((f) => caps.stockRow.has(f))).join(' ');
}
