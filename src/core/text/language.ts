/**
 * Is a text Dutch or English? A fast guess from function words ("de", "het", "niet" against "the", "and", "not")
 * and a few spelling patterns ("ij", "sch" against "th", "wh"). Says nothing (null) for short or mixed texts.
 */

export type DetectedLanguage = { language: 'nl' | 'en' | null; confidence: number };

const NL_WORDS = new Set(
  (
    'de het een en van ik je jij u hij zij ze jullie niet dat die dit deze er te met voor op aan bij naar uit om ook ' +
    'maar nog wel al dan zijn heeft hebben hadden wordt worden werd kan kunnen zal zullen zou moet moeten wil willen ' +
    'gaat gaan ga hier daar waar wat wie hoe waarom wanneer geen veel meer nu zo toch even heel onze ons jouw uw ' +
    'mijn hun haar hem mij als na tot tegen zonder tussen onder omdat want dus alle andere iets niets iedereen ' +
    'altijd vandaag morgen gisteren graag bedankt dank hallo goed goede nieuwe jaar dag kunt bent ben zijn ' +
    'hebt heb weer nieuw samen daarom welke ons tijdens vanaf sinds binnen buiten mee terug zelf alleen ieder elke ' +
    'jaren dagen mensen gemeente bewoners informatie vragen vraag meer lees kijk vind'
  ).split(' '),
);
const EN_WORDS = new Set(
  (
    'the a an and to it that this for on with as are be were by at from or but not you your our they their he she ' +
    'his i my have has will would can could should do does did what which who how why when there here all more ' +
    'some any no yes just about into than then so if up out today tomorrow yesterday thanks thank please new year ' +
    'day get got been being these those its us them been very also only because while during since within ' +
    'without every each people residents information questions question read find look our together back again'
  ).split(' '),
);
const NL_PATTERN = /ij|sch|oe|aa|uu|ui|cht|tje$|heid$|lijk/;
const EN_PATTERN = /th|wh|ght|ck|y$|ly$|tion$|ea/;
const NOISE = /https?:\/\/\S+|[@#][\p{L}\p{N}_]+|\S+@\S+/gu;
const WORD = /[a-z\u00df-\u00f6\u00f8-\u024f]+/g;

const MIN_WORDS = 4;
const MIN_EVIDENCE = 3;
const MIN_SHARE = 0.75;

/**
 * The language of `text` with a confidence between 0 and 1. `language` is null when the text has too few words
 * (under four) or too little evidence, or when neither language clearly dominates (a mixed text).
 */
export function detectLanguage(text: string): DetectedLanguage {
  const cleaned = /[@#]|http/i.test(text) ? text.replace(NOISE, ' ') : text;
  const words = cleaned.toLowerCase().match(WORD);
  if (!words || words.length < MIN_WORDS) return { language: null, confidence: 0 };
  let nl = 0;
  let en = 0;
  for (const w of words) {
    const inNl = NL_WORDS.has(w);
    const inEn = EN_WORDS.has(w);
    if (inNl || inEn) {
      if (inNl) nl++;
      if (inEn) en++;
      continue;
    }
    if (w.length < 3) continue;
    if (NL_PATTERN.test(w)) nl += 0.5;
    if (EN_PATTERN.test(w)) en += 0.5;
  }
  const total = nl + en;
  if (total < MIN_EVIDENCE) return { language: null, confidence: 0 };
  const share = Math.max(nl, en) / total;
  const confidence = Math.round(share * Math.min(1, total / 8) * 100) / 100;
  if (share < MIN_SHARE || nl === en) return { language: null, confidence };
  return { language: nl > en ? 'nl' : 'en', confidence };
}
