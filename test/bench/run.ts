/**
 * `npm run bench`: Regie's benchmarks, apart from the tests. Every figure is printed next to a baseline measured in
 * the same run on the same machine, as a ratio, because machines here are noisy.
 */
import { benchHttp } from './http.bench';
import { benchStartup } from './startup.bench';
import { benchAudit } from './audit.bench';
import { benchBluesky } from './bluesky.bench';
import { benchMetaWebhook } from './meta-webhook.bench';
import { benchCodeCheck } from './code-check.bench';
import { benchDispatch } from './dispatch.bench';
import { benchInboxList } from './inbox-list.bench';
import { benchIngest } from './ingest.bench';

const only = process.argv[2];
const all: Record<string, () => Promise<void>> = { http: benchHttp, startup: benchStartup, audit: benchAudit, bluesky: benchBluesky, webhook: benchMetaWebhook, code: async () => console.log((await benchCodeCheck()).lines.join('\n')), dispatch: benchDispatch, inbox: benchInboxList, ingest: benchIngest };
for (const [name, run] of Object.entries(all)) {
  if (only && only !== name) continue;
  console.log(`\n== ${name} ==`);
  await run();
}
