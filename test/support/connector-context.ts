import { createPlatformFetch, createUntrustedFetch } from '../../src/connectors/http/fetchers';
import type { AccountInfo, ConnectorContext, Credentials, HttpFetch } from '../../src/connectors/types';

/**
 * A connector context for tests against a local peer: the real platform fetch (time/size limits, typed transient
 * failures), the guarded fetch for untrusted URLs, the real clock and a quiet log.
 */
export function testContext(account: AccountInfo, credentials: Credentials, over: Partial<ConnectorContext> & { fetch?: HttpFetch } = {}): ConnectorContext {
  return {
    account,
    credentials,
    fetch: createPlatformFetch(),
    fetchUntrusted: createUntrustedFetch(),
    now: () => new Date(),
    log: { info: () => {}, warn: () => {} },
    ...over,
  };
}
