import { checkText, compileCode } from './src/core/code';
import { benchCode, benchTexts } from './bench.tmp';
import { findTerms } from './src/core/code/term-index';
import { findPersonalData } from './src/core/code/personal-data';
import { findLinks } from './src/core/code/links';
import { detectLanguage } from './src/core/text/language';
import { toneStats } from './src/core/code/tone';
import { tokenize } from './src/core/code/normalize';
const code = compileCode(benchCode());
const all = benchTexts(); const texts = all.map(x => x.text);
const kinds: Record<string, number> = {};
for (const x of all) for (const f of checkText(code, { ...x, context: 'post', sendAt: '2026-06-01T10:00:00Z' })) kinds[f.kind] = (kinds[f.kind] ?? 0) + 1;
console.log(kinds);
function time(name: string, fn: (t: string) => unknown) {
  for (const t of texts) fn(t);
  const t0 = performance.now(); let n = 0;
  while (performance.now() - t0 < 1000) { for (const t of texts) fn(t); n += texts.length; }
  console.log(name, (1e6 * (performance.now() - t0) / 1000 / n).toFixed(2), 'us/text');
}
const pii = new Set(['bsn','iban','phone','email'] as const);
time('tokenize', (t) => tokenize(t));
time('terms', (t) => findTerms(code.terms, t));
time('pii', (t) => findPersonalData(t, pii as any));
time('links', (t) => findLinks(t));
time('lang', (t) => detectLanguage(t));
time('tone', (t) => toneStats(t));
const clock = code.quietChecks[0].clock;
time('quiet', (t) => clock.formatToParts(new Date('2026-06-01T10:00:00Z')));
time('all', (t) => checkText(code, { text: t, context: 'post', channelLanguage: 'nl' as const, sendAt: '2026-06-01T10:00:00Z' }));
