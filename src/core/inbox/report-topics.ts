/**
 * Top topics of inbound messages: the meaningful words people use most, Dutch and English stop words, greetings,
 * links, handles and numbers left out. Pure.
 */

const STOP_WORDS = new Set(
  (
    // Dutch
    'aan aangezien achter af al alle alleen allemaal als alsjeblieft alstublieft altijd ander andere anders bij ben bent ' +
    'beter binnen boven bovendien daar daarna daarom daarvan dan dat de deze die dit doch doen door dus echt een eens en ' +
    'enige enkele er erg even ging gaan gaat geen geweest gewoon had hadden heb hebben hebt heeft hem hen het hier hij hoe ' +
    'hun iemand iets ik in is ja jaar je jij jou jouw jullie kan kon kun kunnen kunt laat maar me meer men met mij mijn ' +
    'moet moeten na naar niet niets nog nooit nou nu of om omdat ons onze ook op over pas per reeds sinds slechts steeds ' +
    'tegen toch toen tot tussen uit uw van veel vanaf voor vooral waar waarom wanneer want waren was wat we wel welke werd ' +
    'wie wij wil willen wilt word worden wordt zal zelf zich zij zijn zo zoals zonder zou zouden zeer zit zitten ' +
    'hallo hoi goedemorgen goedemiddag goedenavond groet groeten vriendelijke bedankt dank dankjewel dankuwel graag beste ' +
    'mvg hey heel helemaal weer gisteren vandaag morgen week dag keer iedereen niemand alles waarvoor hierbij ' +
    // English
    'about above after again against all also am an and any are aren as at be because been before being below between ' +
    'both but by can cannot could did didn do does doesn doing don down during each few for from further get got had has ' +
    'hasn have haven having he her here hers herself him himself his how however into is isn it its itself just let like ' +
    'me more most much must my myself no nor not now of off on once only or other our ours out over own please same she ' +
    'should so some still such than thank thanks that the their theirs them then there these they this those through to ' +
    'too under until up us very was wasn we were weren what when where which while who whom why will with would yes yet ' +
    'you your yours hello dear regards today tomorrow yesterday really one two three'
  ).split(/\s+/),
);

const NOISE = /https?:\/\/\S+|www\.\S+|\S+@\S+\.\S+|@[\p{L}\p{N}_.]+/gu;
const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;
export const MIN_TOPIC_LENGTH = 3;

/** The distinct meaningful words of a text, lower case: at least 3 characters, a letter in them, no stop word. */
export function topicTerms(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.toLowerCase().replace(NOISE, ' ').matchAll(WORD)) {
    const w = m[0];
    if ([...w].length < MIN_TOPIC_LENGTH || !/\p{L}/u.test(w) || STOP_WORDS.has(w)) continue;
    out.add(w);
  }
  return out;
}

/**
 * The `limit` most frequent terms over `texts`, each counted once per text (so one long rant does not dominate);
 * most first, then alphabetically. Terms found in a single text only are left out: they are not a topic.
 */
export function topTopics(texts: readonly string[], limit = 20): Array<{ term: string; count: number }> {
  const counts = new Map<string, number>();
  for (const t of texts) for (const term of topicTerms(t)) counts.set(term, (counts.get(term) ?? 0) + 1);
  return [...counts]
    .filter(([, count]) => count >= 2)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, Math.max(0, limit))
    .map(([term, count]) => ({ term, count }));
}
