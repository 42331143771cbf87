import { describe, expect, it } from 'vitest';
import { liveContract, staticContract } from '../testing/contract';
import { createPlatformFetch, createUntrustedFetch } from '../http/fetchers';
import type { ConnectorContext } from '../types';
import { sandboxConnector } from './sandbox.connector';
import { simulatedMetrics } from './sandbox-audience';

const sample = (key: string) => ({ idempotencyKey: key, parts: [{ text: 'Hallo Voorbeeld! Kom zaterdag naar de open dag.' }] });
let t = Date.parse('2026-11-29T10:00:00Z');
const ctx = async (): Promise<ConnectorContext> => {
  const { credentials, account } = await sandboxConnector.connect!(createPlatformFetch(), { name: 'Gemeente Sandbox' }, new Date(t));
  return { account, credentials, fetch: createPlatformFetch(), fetchUntrusted: createUntrustedFetch(), now: () => new Date(t), log: { info() {}, warn() {} } };
};

staticContract(sandboxConnector, sample);
liveContract(sandboxConnector, {
  context: ctx,
  sampleVariant: sample,
  canPublish: true,
  usesHttp: false,
});

describe('sandbox audience', () => {
  it('reacts over time: new items arrive as time passes, none twice', async () => {
    const c = await ctx();
    const first = await sandboxConnector.poll!(c, null);
    expect(first.items.length).toBeGreaterThan(0);
    expect((await sandboxConnector.poll!(c, first.cursor)).items).toEqual([]);
    t += 60 * 60_000;
    const later = await sandboxConnector.poll!(c, first.cursor);
    expect(later.items.length).toBe(3);
    expect(later.items.every((i) => i.text.length > 10 && i.author.displayName)).toBe(true);
  });
  it('metrics grow with age and are never negative', () => {
    const young = simulatedMetrics('p1', 10 * 60_000);
    const old = simulatedMetrics('p1', 48 * 3_600_000);
    expect(old.impressions!).toBeGreaterThan(young.impressions!);
    expect(old.likes!).toBeGreaterThanOrEqual(young.likes!);
    expect(Object.values(old).every((v) => (v as number) >= 0)).toBe(true);
  });
});
