/**
 * The word lists behind inbox sentiment: Dutch and English words and phrases with a weight from -3 (very negative)
 * to +3 (very positive), the words that negate, strengthen or soften what follows, and emoji and emoticons.
 * Written for webcare: complaint phrasing ("al drie weken", "still waiting") weighs heavily, polite formulas
 * ("met vriendelijke groet", "thanks in advance") weigh nothing.
 *
 * Phrases are words separated by single spaces; "#n" stands for a number (digits or a number word) and "*" for any
 * one word. Entries are written lowercase without accents or apostrophes ("oke", "dont"). `LEXICONS` at the end is
 * the lookup form the scorer uses.
 */

import { fold } from '../code/normalize';

export interface LanguageLexicon {
  /** Word or phrase → weight. A weight of 0 keeps a formula from counting as the words in it ("beste"). */
  terms: Record<string, number>;
  /** Words that turn the sentiment of the next few words around. */
  negators: string[];
  /** Word → factor on the next sentiment word: above 1 strengthens ("heel"), below 1 softens ("beetje"). */
  intensifiers: Record<string, number>;
  /** Number words for "#n" in phrases. */
  numbers: string[];
}

/** Turns `{ '-2': 'a, b c' }` into `{ a: -2, 'b c': -2 }`. */
function weigh(groups: Record<string, string>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [weight, list] of Object.entries(groups)) {
    for (const entry of list.split(',')) {
      const term = entry.trim().replace(/\s+/g, ' ');
      if (term) out[term] = Number(weight);
    }
  }
  return out;
}

/** Dutch, with the English loanwords common in Dutch webcare ("top", "fail", "nice"). */
export const DUTCH: LanguageLexicon = {
  terms: weigh({
    '3': `geweldig, geweldige, fantastisch, fantastische, uitstekend, uitstekende, perfect, perfecte, fenomenaal, subliem,
      briljant, schitterend, schitterende, voortreffelijk, uitmuntend, dolblij, superblij, supertevreden, topservice`,
    '2.5': `prachtig, prachtige, heerlijk, heerlijke, top, toppie, topper, toppers, super, aanrader, compliment, complimenten,
      chapeau, hulde, geniaal, klantvriendelijk, dankjewel, dankuwel, hartelijk dank, te gek, petje af, snel geholpen`,
    '2': `goed, goede, blij, blije, tevreden, fijn, fijne, mooi, mooie, leuk, leuke, lief, lieve, vriendelijk, vriendelijke,
      behulpzaam, behulpzame, dankbaar, tof, toffe, gaaf, gave, gefeliciteerd, proficiat, enthousiast, gelukkig, beter,
      lekker, lekkere, bravo, goed geholpen, werkt weer`,
    '1.5': `bedankt, dank, dank je, dank u, prima, netjes, keurig, knap, handig, handige, opgelost, geholpen, waardering,
      waardeer, prettig, prettige, aangenaam, vlot, vlotte, soepel, efficient, professioneel, professionele, attent,
      cool, nice, trots, plezier, opgelucht, geen probleem, geen dank`,
    '1': `snel, snelle, duidelijk, duidelijke, makkelijk, gemakkelijk, eenvoudig, betrouwbaar, eerlijk, correct, werkt nu`,
    '0.5': `ok, oke, redelijk, geen zorgen, geeft niet`,
    '0.25': `fijne dag, fijn weekend, fijne avond, prettige dag, prettig weekend, fijne feestdagen`,
    '0': `beste, vriendelijke groet, vriendelijke groeten, hartelijke groet, hartelijke groeten, alvast bedankt, alvast dank,
      bij voorbaat dank, goede morgen, goede middag, goede avond, niet alleen, geen idee, is het goed als, goed genoeg`,
    '-0.5': `wachten`,
    '-0.75': `probleem, problemen`,
    '-1': `helaas, jammer, onduidelijk, onduidelijke, langzaam, gewacht, kwijt, verloren, zorgen, matig, matige, middelmatig,
      minpunt, nadeel, zucht, pff, opzeggen, opgezegd, ongelooflijk, bizar`,
    '-1.5': `klacht, klachten, klagen, fout, fouten, foute, storing, storingen, defect, beschadigd, traag, trage, balen,
      baal, chaotisch, negeren, vertraging, vertraagd, ongerust, schade, lekkage, herrie, flauwekul, grr, bah, jakkes,
      getver, mislukt, misgegaan, stom, stomme, dom, domme, erg, ernstig, onbereikbaar, niet normaal, niet te geloven,
      al #n dagen, al dagen, dagenlang, geen reactie, geen antwoord, niks gehoord, niets gehoord, niet bereikbaar,
      werkt niet, werkt * niet, niet werkt, doet het niet, lukt niet, lukt * niet, niet lukt, klopt niet, klopt * niet,
      niet klopt, deugt niet,
      niet ontvangen, niet bezorgd, niet geleverd, niet gekregen, nooit ontvangen, nooit bezorgd, niet inloggen,
      te laat, te duur, te lang, duurt zo lang, gaat mis, ging mis, lang gewacht`,
    '-2': `slecht, slechte, slechter, boos, boze, kwaad, teleurgesteld, teleurgestelde, teleurstellend, teleurstellende,
      teleurstelling, ontevreden, kapot, vies, vieze, onvriendelijk, onvriendelijke, grof, arrogant, irritant,
      irritante, ergerlijk, ergernis, frustrerend, gefrustreerd, frustratie, beu, chaos, zooi, onzin, genegeerd,
      hopeloos, nutteloos, zinloos, onbruikbaar, onbetrouwbaar, triest, treurig, verdrietig, overlast, stank,
      gevaarlijk, onveilig, drama, fraude, shit, fail, wtf, rommel, troep, gepruts, beroerd, absurd, absurde, nonsens,
      nog steeds niet, nog altijd niet, nog steeds geen, nog altijd geen, nog steeds niks, nog steeds niets,
      al #n weken, al weken, wekenlang, geen enkele reactie, geen woorden voor, hoe moeilijk kan het zijn`,
    '-2.5': `bagger, kut, klote, tering, debiel, ramp, bedroevend, dieptepunt, pissig, puinhoop, onbeschoft, incompetent,
      amateuristisch, onprofessioneel, klantonvriendelijk, respectloos, schandaal, belazerd, bedrogen, knudde,
      belabberd, prutswerk, slechtste, slechtst, smerig, idioot, bullshit, nooit meer, ben het zat,
      van het kastje naar de muur, in de steek gelaten, al #n maanden, al maanden, maandenlang, al een eeuwigheid`,
    '-3': `schandalig, schandelijk, waardeloos, waardeloze, belachelijk, belachelijke, onacceptabel, onaanvaardbaar,
      walgelijk, afschuwelijk, verschrikkelijk, vreselijk, rampzalig, woedend, furieus, razend, oplichters, oplichting,
      oplichterij, afzetterij, spuugzat`,
  }),
  negators: ['niet', 'geen', 'nooit', 'niets', 'niks', 'nergens', 'zonder', 'geenszins', 'allerminst'],
  intensifiers: {
    heel: 1.5, erg: 1.5, zeer: 1.5, super: 1.6, echt: 1.3, enorm: 1.6, ontzettend: 1.6, hartstikke: 1.5, onwijs: 1.6,
    mega: 1.6, zo: 1.3, veel: 1.3, extreem: 1.7, uiterst: 1.6, bijzonder: 1.4, behoorlijk: 1.3, flink: 1.3, totaal: 1.5,
    compleet: 1.5, volkomen: 1.5, absoluut: 1.5, ernstig: 1.5, groot: 1.3, grote: 1.3, vreselijk: 1.6,
    verschrikkelijk: 1.6, belachelijk: 1.6, ongelooflijk: 1.6, bizar: 1.5, razend: 1.6, nogal: 1.2, best: 0.9,
    vrij: 0.8, redelijk: 0.7, tamelijk: 0.8, beetje: 0.6, enigszins: 0.6, iets: 0.7,
  },
  numbers: ['een', 'twee', 'drie', 'vier', 'vijf', 'zes', 'zeven', 'acht', 'negen', 'tien', 'elf', 'twaalf', 'paar'],
};

/** English. */
export const ENGLISH: LanguageLexicon = {
  terms: weigh({
    '3': `excellent, amazing, awesome, fantastic, outstanding, superb, brilliant, wonderful, perfect, phenomenal,
      exceptional, delighted, thrilled, above and beyond`,
    '2.5': `great, love, loved, lovely, beautiful, gorgeous, kudos, lifesaver, well done, top notch, thank you so much`,
    '2': `good, nice, happy, glad, pleased, satisfied, helpful, friendly, polite, appreciate, appreciated, grateful,
      thankful, recommend, recommended, impressed, impressive, enjoy, enjoyed, fun, yay, congrats, congratulations,
      excited, exciting, legend, best, praise, works now, works again`,
    '1.5': `thanks, thank, thank you, thx, fixed, solved, resolved, smooth, efficient, professional, reliable, relieved,
      wow, neat, cool, sweet, super, top, no worries, no problem`,
    '1': `quick, fast, easy, clear, better, decent, fair, cheers, useful, handy`,
    '0.5': `ok, okay, fine, alright`,
    '0.25': `nice day, good day, nice weekend, great day, all the best`,
    '0': `best regards, kind regards, warm regards, thanks in advance, thank you in advance, good morning,
      good afternoon, good evening, not only, not just, no idea, best way, good enough`,
    '-0.5': `issue, issues, waiting`,
    '-0.75': `problem, problems`,
    '-1': `unfortunately, sadly, error, errors, late, waited, refund, cancel, cancelled, canceled, concerned, confused,
      unclear, expensive, meh, for #n days, for days`,
    '-1.5': `poor, faulty, damaged, defective, wrong, complaint, complain, complaining, slow, delayed, delay, missing, lost,
      failed, worried, confusing, ugh, argh, smh, unbelievable, insane, joke, on hold, not working, isnt working,
      doesnt work, does not work, didnt work, did not work, stopped working, not received, havent received,
      have not received, didnt receive, did not receive, hasnt arrived, has not arrived, no response, no reply,
      no answer, for #n weeks, for weeks, #n weeks later, weeks later, too long, too late, too expensive,
      taking so long, takes so long, cant log, cannot log`,
    '-2': `disappointed, disappointing, disappointment, dissatisfied, unhappy, unhelpful, mad, annoyed, annoying, irritated,
      irritating, frustrated, frustrating, bad, broken, fail, failure, ignored, ignoring, sad, upset, dirty, unsafe,
      dangerous, misleading, overpriced, hopeless, pointless, lame, nonsense, mess, chaos, wtf, absurd, lied, scandal,
      what a joke, still waiting, still not, still no, still havent, still hasnt, still dont, still doesnt,
      still cant, never received, never arrived, for #n months, for months`,
    '-2.5': `ridiculous, useless, fraud, shocking, rubbish, garbage, trash, crap, shit, sucks, nightmare, disaster,
      incompetent, rude, unprofessional, angry, worse, liars, cheated, filthy, bullshit, fed up, sick of,
      waste of time, waste of money, never again`,
    '-3': `terrible, horrible, awful, appalling, disgusting, disgraceful, outrageous, unacceptable, worst, pathetic, scam,
      scammers, furious, livid, hate, hated, shameful, atrocious, abysmal, dreadful, horrendous, disgrace,
      sick and tired, ripped off, rip off, shame on you`,
  }),
  negators: [
    'not', 'no', 'never', 'none', 'nothing', 'nobody', 'neither', 'nor', 'without', 'cannot', 'hardly', 'barely',
    'dont', 'doesnt', 'didnt', 'isnt', 'arent', 'wasnt', 'werent', 'wont', 'wouldnt', 'cant', 'couldnt', 'shouldnt',
    'havent', 'hasnt', 'hadnt', 'aint',
  ],
  intensifiers: {
    very: 1.5, really: 1.4, so: 1.3, super: 1.6, extremely: 1.7, incredibly: 1.7, totally: 1.5, absolutely: 1.6,
    completely: 1.5, utterly: 1.6, truly: 1.4, highly: 1.5, too: 1.3, quite: 1.2, pretty: 1.2, awfully: 1.5,
    terribly: 1.5, seriously: 1.4, insanely: 1.6, deeply: 1.5, hugely: 1.5, particularly: 1.3, especially: 1.3,
    such: 1.3, way: 1.3, damn: 1.4, bloody: 1.4, fucking: 1.6, insane: 1.5, slightly: 0.6, somewhat: 0.6, bit: 0.6,
    little: 0.6, kinda: 0.7, fairly: 0.8,
  },
  numbers: ['a', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'few', 'couple', 'several'],
};

/**
 * Words that mean something else in the other language ("lost op" is Dutch for "solves", "slim" English for
 * "thin"): left out when the language of a message is unknown.
 */
export const FALSE_FRIENDS = ['lost', 'bad', 'slim'];

/** Emoji (without variation selectors) and their weight. */
export const EMOJI: Record<string, number> = {
  '😡': -3, '🤬': -3, '🖕': -3, '😠': -2.5, '🤮': -2.5, '😤': -2, '👿': -2, '💢': -2, '😞': -2, '😩': -2, '😫': -2,
  '😢': -2, '😭': -2, '💔': -2, '👎': -2, '🤢': -2, '😖': -2, '💩': -2, '🙁': -1.5, '☹': -1.5, '😔': -1.5, '😟': -1.5,
  '😒': -1.5, '🙄': -1.5, '😣': -1.5, '🤦': -1.5, '😱': -1.5, '😕': -1, '😑': -1, '😬': -1, '❌': -1, '😐': -0.5,
  '🙂': 1.5, '😊': 2, '😀': 2, '😃': 2, '😄': 2, '😁': 2, '😆': 1.5, '😂': 1, '🤣': 1, '😉': 1, '😍': 2.5, '🥰': 2.5,
  '😘': 2, '🤩': 2.5, '😎': 1, '🥳': 2.5, '👍': 1.5, '👏': 2, '🙌': 2, '🙏': 1, '💪': 1.5, '🎉': 2, '🥂': 1.5, '✨': 1,
  '⭐': 1, '🌟': 1.5, '✅': 1, '💯': 2, '🤗': 2, '😇': 1.5, '👌': 1.5, '❤': 2.5, '♥': 2, '💕': 2.5, '💖': 2.5,
  '💗': 2, '💙': 2, '💚': 2, '💛': 2, '🧡': 2, '💜': 2,
};

/** Emoticons as typed, and their weight. */
export const EMOTICONS: Record<string, number> = {
  ':-)': 1.5, ':)': 1.5, ':))': 2, '=)': 1.5, ':-D': 2, ':D': 2, ';-)': 1, ';)': 1, ':-P': 0.5, ':P': 0.5, ':p': 0.5,
  '<3': 2.5, ':-(': -1.5, ':(': -1.5, ':((': -2, '=(': -1.5, ":'(": -2, ':-/': -1, ':/': -1, ':-|': -0.5, ':|': -0.5,
  ':@': -2.5, '>:(': -2.5, '</3': -2,
};

/** A phrase of the lookup form: its words ("#n", "*" or a word) and weight. */
export interface Phrase {
  parts: string[];
  weight: number;
  negatesAfter: boolean;
}

/** One or more lexicons in lookup form; phrases are listed under their first word (or "#n"), longest first. */
export interface Lexicon {
  words: Map<string, number>;
  phrases: Map<string, Phrase[]>;
  negators: Set<string>;
  intensifiers: Map<string, number>;
  numbers: Set<string>;
}

/** A word as the lexicon and the scanner compare it: folded, without apostrophes ("Don’t" → "dont"). */
export const normWord = (w: string) => fold(w).replace(/['’]/g, '');

/** Lookup form of `sources`; where they disagree on a word the first wins; words in `skip` are left out. */
function compile(sources: LanguageLexicon[], skip: ReadonlySet<string>): Lexicon {
  const lex: Lexicon = { words: new Map(), phrases: new Map(), negators: new Set(), intensifiers: new Map(), numbers: new Set() };
  for (const s of sources) {
    for (const w of s.negators) lex.negators.add(normWord(w));
    for (const w of s.numbers) lex.numbers.add(normWord(w));
    for (const [w, f] of Object.entries(s.intensifiers)) if (!lex.intensifiers.has(normWord(w))) lex.intensifiers.set(normWord(w), f);
  }
  for (const s of sources) {
    for (const [term, weight] of Object.entries(s.terms)) {
      const parts = term.split(' ').map((p) => (p === '#n' || p === '*' ? p : normWord(p)));
      if (parts.length === 1) {
        if (!skip.has(parts[0]) && !lex.words.has(parts[0])) lex.words.set(parts[0], weight);
        continue;
      }
      const list = lex.phrases.get(parts[0]) ?? [];
      if (list.some((p) => p.parts.join(' ') === parts.join(' '))) continue;
      list.push({ parts, weight, negatesAfter: lex.negators.has(parts[parts.length - 1]) });
      list.sort((a, b) => b.parts.length - a.parts.length);
      lex.phrases.set(parts[0], list);
    }
  }
  return lex;
}

/** The lexicons in lookup form: Dutch, English, and both for a message in an unknown language. */
export const LEXICONS = {
  nl: compile([DUTCH], new Set()),
  en: compile([ENGLISH], new Set()),
  both: compile([DUTCH, ENGLISH], new Set(FALSE_FRIENDS)),
};
