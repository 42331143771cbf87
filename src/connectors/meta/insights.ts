/**
 * Insights, asked one metric at a time: Meta fails a whole insights request when one metric name is retired or
 * does not apply to the object, so asking per metric keeps the others and tells which one is unsupported.
 */
import { ConnectorError } from '../errors';
import { graphCall, type GraphAuth } from './graph';

type InsightsAnswer = { data?: Array<{ name?: string; values?: Array<{ value?: unknown }>; total_value?: { value?: unknown } }> };

/**
 * The lifetime value of one insights metric of a post or media object: a number; `null` when Meta refuses the
 * metric (retired, unknown, or not for this kind of object: recorded as unsupported, never 0); `undefined` when it
 * is not available right now (empty data, or too few viewers yet). Rate limits, expired sign-ins and outages throw.
 */
export async function insightValue(g: GraphAuth, objectId: string, metric: string): Promise<number | null | undefined> {
  let res: InsightsAnswer;
  try {
    res = await graphCall<InsightsAnswer>(g, 'GET', `${encodeURIComponent(objectId)}/insights`, { query: { metric } });
  } catch (err) {
    if (!(err instanceof ConnectorError)) throw err;
    if (err.details.platformCode === '10' && /not enough viewers/i.test(err.details.platformReason ?? '')) return undefined;
    if (err.failure === 'rejected') return null;
    throw err;
  }
  const row = (res.data ?? []).find((d) => d.name === metric) ?? res.data?.[0];
  if (!row) return undefined;
  const v = row.values?.[0]?.value ?? row.total_value?.value;
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : undefined;
}

/** Values for several metrics, one request each, in order; see {@link insightValue} for what each value means. */
export async function insightValues(g: GraphAuth, objectId: string, metrics: string[]): Promise<Map<string, number | null | undefined>> {
  const out = new Map<string, number | null | undefined>();
  for (const m of metrics) out.set(m, await insightValue(g, objectId, m));
  return out;
}
