/**
 * A real local AT Protocol network (PLC + PDS + AppView + Ozone from `@atproto/dev-env`) for the Bluesky connector's
 * tests and benchmark, on loopback, with seeded accounts and plain XRPC helpers for the "other people" in a scenario.
 */
import { randomBytes } from 'node:crypto';
import type { TestNetwork } from '@atproto/dev-env';

export interface AtprotoAccount {
  did: string;
  handle: string;
  password: string;
  accessJwt: string;
  refreshJwt: string;
}

export interface AtprotoNetwork {
  /** Base URL of the PDS (where every client call goes; app.bsky.* is proxied to the AppView). */
  pdsUrl: string;
  network: TestNetwork;
  /** Creates an account with a `.test` handle (and a display name in its profile). */
  createAccount(short: string, displayName?: string): Promise<AtprotoAccount>;
  /** Creates an app password for an account, as a person would in the app's settings. */
  createAppPassword(account: AtprotoAccount, name: string): Promise<string>;
  /** A plain XRPC call as `account` (POST with a JSON body, or GET with query parameters). */
  xrpc<T = any>(account: AtprotoAccount | null, nsid: string, opts?: { body?: unknown; query?: Record<string, string | string[]> }): Promise<T>;
  /** Waits until the AppView has indexed everything written so far (it indexes asynchronously). */
  settle(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/** A random schema name: PostgreSQL schema names for dev-env may hold only [A-Za-z_]. */
function schemaName(): string {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  return 'regie_' + Array.from(randomBytes(10), (b) => letters[b % 26]).join('');
}

/**
 * Starts the network against the given PostgreSQL (each call gets its own schemas), on free ports picked by dev-env.
 * `REDIS_HOST` must be set for dev-env but is never used, so it is set here before dev-env is loaded.
 */
export async function startAtprotoNetwork(pgUrl: string): Promise<AtprotoNetwork> {
  process.env.REDIS_HOST ??= 'unused';
  const { TestNetwork, mockMailer } = await import('@atproto/dev-env');
  const network = await TestNetwork.create({ dbPostgresUrl: pgUrl, dbPostgresSchema: schemaName() });
  mockMailer(network.pds);
  const pdsUrl = network.pds.url;

  const xrpc: AtprotoNetwork['xrpc'] = async (account, nsid, opts = {}) => {
    const headers: Record<string, string> = {};
    if (account) headers.authorization = `Bearer ${account.accessJwt}`;
    let url = `${pdsUrl}/xrpc/${nsid}`;
    let init: RequestInit;
    if (opts.query) {
      const q = new URLSearchParams();
      for (const [k, v] of Object.entries(opts.query)) for (const one of Array.isArray(v) ? v : [v]) q.append(k, one);
      url += `?${q}`;
      init = { method: 'GET', headers };
    } else {
      headers['content-type'] = 'application/json';
      init = { method: 'POST', headers, body: JSON.stringify(opts.body ?? {}) };
    }
    const res = await fetch(url, init);
    const text = await res.text();
    if (!res.ok) throw new Error(`${nsid} answered ${res.status}: ${text}`);
    return (text ? JSON.parse(text) : {}) as never;
  };

  return {
    pdsUrl,
    network,
    async createAccount(short, displayName) {
      const handle = `${short}.test`;
      const password = `pw-${randomBytes(8).toString('hex')}`;
      const made = await xrpc(null, 'com.atproto.server.createAccount', { body: { handle, email: `${short}@regie.test`, password } });
      const account: AtprotoAccount = { did: made.did, handle, password, accessJwt: made.accessJwt, refreshJwt: made.refreshJwt };
      if (displayName) {
        await xrpc(account, 'com.atproto.repo.createRecord', {
          body: { repo: account.did, collection: 'app.bsky.actor.profile', rkey: 'self', record: { $type: 'app.bsky.actor.profile', displayName } },
        });
      }
      return account;
    },
    async createAppPassword(account, name) {
      const made = await xrpc(account, 'com.atproto.server.createAppPassword', { body: { name } });
      return made.password as string;
    },
    xrpc,
    settle: (timeoutMs) => network.processAll(timeoutMs),
    close: () => network.close(),
  };
}
