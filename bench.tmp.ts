import { checkText, compileCode, starterCode, type Clause } from './src/core/code';

const CLAUSES = 50;
const TEXTS = 2000;
const TEXT_LENGTH = 280;
const MIN_SECONDS = 2;

/** A small deterministic generator, so every run checks the same texts. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const NL = 'de het een en van we onze gemeente vandaag morgen nieuwe bibliotheek afval wijk bewoners kom langs lees meer over plannen park fiets school zwembad markt informatie vragen graag tot ziens'.split(' ');
const EN = 'the and our new library today tomorrow residents read more about plans park bike school pool market information questions please see you soon join us event week city council'.split(' ');
const SPICE = ['kutweer', 'k.u.t', 'overleden', 'bel 06-12345678', 'NL91 ABNA 0417 1643 00', 'https://bit.ly/x1', 'gesponsord', 'Concurrent7', 'WOW!!!', 'jan@example.nl', 'verkiezingen', 'zie voorbeeld12.nl/pad'];

/** 50 clauses: the starter code plus generated word lists, topics, competitors and domain rules. */
export function benchCode(): Clause[] {
  const rnd = random(7);
  const word = (prefix: string, i: number) => `${prefix}${i}${Math.floor(rnd() * 1000)}`;
  const clauses = starterCode();
  for (let i = clauses.length; i < CLAUSES; i++) {
    const checks: Clause['checks'] = [
      { id: `w${i}`, severity: 'block', spec: { kind: 'forbidden_words', words: Array.from({ length: 30 }, (_, k) => (k % 5 === 0 ? `${word('verboden', k)} woord` : word('verboden', k))), starterLists: [] } },
      { id: `t${i}`, severity: 'needs_approval', spec: { kind: 'sensitive_topics', topics: [{ name: `onderwerp ${i}`, terms: Array.from({ length: 10 }, (_, k) => word('thema', k)) }] } },
    ];
    if (i % 3 === 0) checks.push({ id: `c${i}`, severity: 'needs_approval', spec: { kind: 'competitors', names: [`Concurrent${i % 10}`, `Rivaal ${i}`] } });
    if (i % 4 === 0) checks.push({ id: `l${i}`, severity: 'warn', spec: { kind: 'link_domains', allow: [], deny: [`voorbeeld${i}.nl`, `spam${i}.com`] } });
    if (i % 10 === 0) checks.push({ id: `p${i}`, severity: 'block', spec: { kind: 'personal_data', types: ['bsn', 'iban'] } });
    clauses.push({ id: `gen-${i}`, title: { nl: `Regel ${i}`, en: `Rule ${i}` }, text: { nl: 'Tekst', en: 'Text' }, explanation: { nl: '', en: '' }, checks });
  }
  return clauses;
}

/**
 * 280-character texts, half Dutch and half English, about one in four with something to find; one in ten goes to
 * a channel of the other language.
 */
export function benchTexts(): Array<{ text: string; channelLanguage: 'nl' | 'en' }> {
  const rnd = random(42);
  return Array.from({ length: TEXTS }, (_, i) => {
    const dutch = i % 2 === 0;
    const words = dutch ? NL : EN;
    let text = '';
    while (text.length < TEXT_LENGTH) {
      const pick = rnd() < 0.006 ? SPICE[Math.floor(rnd() * SPICE.length)] : words[Math.floor(rnd() * words.length)];
      text += (text ? (rnd() < 0.1 ? '. ' : ' ') : '') + pick;
    }
    return { text: text.slice(0, TEXT_LENGTH), channelLanguage: dutch === (i % 10 !== 1) ? 'nl' : 'en' };
  });
}

function rate<T>(texts: T[], run: (text: T) => number): { perSecond: number; sink: number } {
  let sink = 0;
  let n = 0;
  const t0 = performance.now();
  do {
    for (const t of texts) sink += run(t);
    n += texts.length;
  } while (performance.now() - t0 < MIN_SECONDS * 1000);
  return { perSecond: n / ((performance.now() - t0) / 1000), sink };
}

/**
 * The code check on one core: texts checked per second by a compiled 50-clause code, against a trivial pass over
 * the same 280-character texts (lowercase and search) measured in the same run.
 */
export async function benchCodeCheck(): Promise<{ name: string; lines: string[] }> {
  const clauses = benchCode();
  const t0 = performance.now();
  const code = compileCode(clauses);
  const compileMs = performance.now() - t0;
  const texts = benchTexts();
  const input = { context: 'post' as const, sendAt: '2026-06-01T10:00:00Z' };
  rate(texts.slice(0, 200), (t) => checkText(code, { ...input, ...t }).length);
  const check = rate(texts, (t) => checkText(code, { ...input, ...t }).length);
  const base = rate(texts, (t) => (t.text.toLowerCase().includes('x') ? 1 : 0));
  const withFindings = texts.filter((t) => checkText(code, { ...input, ...t }).length > 0).length;
  return {
    name: 'code-check',
    lines: [
      `code: ${clauses.length} clauses, ${code.checks.length} checks, ${code.terms.size} terms, compiled in ${compileMs.toFixed(1)} ms`,
      `texts: ${texts.length} of ${TEXT_LENGTH} characters, ${withFindings} with findings`,
      `code check                                   ${check.perSecond.toFixed(0)} checks/s (target > 20000)`,
      `lowercase + includes (baseline)              ${base.perSecond.toFixed(0)} texts/s`,
      `ratio check/baseline                         ${(check.perSecond / base.perSecond).toFixed(3)}`,
    ],
  };
}
