import { lookup } from 'node:dns/promises';
import type { Agent as AgentT } from 'undici';
import { lazy } from '../lazy';
import { ConnectorError } from '../errors';
import type { HttpFetch } from '../types';
import { isPublicAddress } from './address-policy';

const undici = lazy<typeof import('undici')>('undici');
const DEFAULT_TIMEOUT_MS = 15_000;
const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

/** Reads a body up to `max` bytes; more is refused (a hostile server cannot make Regie buffer without end). */
async function limited(res: Response, max: number): Promise<Response> {
  const declared = Number(res.headers.get('content-length') ?? 0);
  if (declared > max) throw new ConnectorError('rejected', `The answer is larger than ${max} bytes.`);
  if (!res.body) return res;
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      throw new ConnectorError('rejected', `The answer is larger than ${max} bytes.`);
    }
    chunks.push(value);
  }
  return new Response(size ? Buffer.concat(chunks) : null, { status: res.status, statusText: res.statusText, headers: res.headers });
}

function asTransient(err: unknown, url: string): never {
  if (err instanceof ConnectorError) throw err;
  const name = (err as Error)?.name;
  const what = name === 'TimeoutError' || name === 'AbortError' ? 'did not answer in time' : 'could not be reached';
  throw new ConnectorError('transient', `${new URL(url).host} ${what}`, { platformReason: (err as Error)?.message });
}

/** Fetch for a platform's own API: time and size limits; network failures become `transient`. */
export function createPlatformFetch(): HttpFetch {
  return async (url, init = {}) => {
    const { timeoutMs = DEFAULT_TIMEOUT_MS, maxBytes = DEFAULT_MAX_BYTES, ...rest } = init;
    try {
      const res = await fetch(url, { ...rest, signal: rest.signal ?? AbortSignal.timeout(timeoutMs) });
      return await limited(res, maxBytes);
    } catch (err) {
      return asTransient(err, url);
    }
  };
}

/**
 * A DNS lookup that only returns public addresses: the check happens on the address actually connected to, so a
 * hostname that resolves to a private address (or re-resolves to one later, DNS rebinding) is refused.
 */
function guardedLookup(hostname: string, options: object, cb: (err: Error | null, address?: any, family?: number) => void): void {
  lookup(hostname, { all: true, verbatim: true })
    .then((addrs) => {
      const ok = addrs.filter((a) => isPublicAddress(a.address));
      if (ok.length === 0) return cb(Object.assign(new Error(`${hostname} points to a private or local address`), { code: 'EREFUSED_PRIVATE' }));
      if ((options as { all?: boolean }).all) return cb(null, ok);
      cb(null, ok[0].address, ok[0].family);
    })
    .catch((e) => cb(e));
}

/**
 * Fetch for URLs that people typed (link cards, media by URL): only http(s), only public addresses after DNS
 * resolution (also for IP literals), at most 3 redirects each checked again, time and size limits.
 */
export function createUntrustedFetch(opts: { maxRedirects?: number } = {}): HttpFetch {
  let dispatcher: AgentT | null = null;
  const maxRedirects = opts.maxRedirects ?? 3;
  return async (input, init = {}) => {
    const { timeoutMs = 10_000, maxBytes = 5 * 1024 * 1024, ...rest } = init;
    let url = input;
    for (let hop = 0; hop <= maxRedirects; hop++) {
      const u = new URL(url);
      if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new ConnectorError('rejected', `Only web addresses (http, https) can be fetched, not ${u.protocol}`);
      const host = u.hostname.replace(/^\[|\]$/g, '');
      if (/^[\d.]+$|:/.test(host) && !isPublicAddress(host)) throw new ConnectorError('rejected', `${u.hostname} is a private or local address.`);
      let res: Response;
      try {
        dispatcher ??= new (undici().Agent)({ connect: { lookup: guardedLookup as never } });
        res = (await undici().fetch(url, { ...(rest as object), redirect: 'manual', dispatcher, signal: AbortSignal.timeout(timeoutMs) })) as unknown as Response;
      } catch (err) {
        const code = (err as { cause?: { code?: string } })?.cause?.code;
        if (code === 'EREFUSED_PRIVATE') throw new ConnectorError('rejected', `${u.hostname} points to a private or local address.`);
        return asTransient(err, url);
      }
      if (res.status >= 300 && res.status < 400 && res.headers.get('location')) {
        url = new URL(res.headers.get('location')!, url).toString();
        continue;
      }
      return limited(res, maxBytes);
    }
    throw new ConnectorError('rejected', `More than ${maxRedirects} redirects.`);
  };
}
