/**
 * Starter lists of profanity and slurs, Dutch and English, for the forbidden-words check. Words that are also
 * ordinary words (a disease, an animal, a first name, a Dutch "how") are left out on purpose: whole-word matching
 * cannot tell them apart, and an organization adds them as its own words where they fit.
 */

export const STARTER_NL: readonly string[] = [
  'kut', 'kutje', 'kutwijf', 'kutzooi', 'kutweer', 'kuthoer', 'kutding', 'kutkind', 'kutkop', 'kutmarokkaan',
  'kutmarokkanen', 'kutturk', 'kutturken',
  'klote', 'kloten', 'klootzak', 'klootzakken', 'klotezooi', 'kloteweer', 'klojo',
  'lul', 'lullo', 'oetlul', 'slappe lul', 'lulhannes',
  'hoer', 'hoeren', 'hoerenjong', 'hoerenzoon', 'rothoer', 'slet', 'sletten', 'sloerie', 'trut', 'teef', 'wijf',
  'wijven', 'rotwijf', 'zeikwijf', 'kech',
  'rotzak', 'hufter', 'hufters', 'schoft', 'etterbak', 'zeikerd',
  'klere', 'kolere', 'klerelijer', 'kolerelijer', 'teringlijer', 'teringwijf', 'teringzooi', 'tyfuslijer',
  'tyfushoer', 'kankerlijer', 'kankerhoer', 'kankerzooi', 'kankerwijf', 'kankerhomo', 'kankerflikker',
  'kankerturk', 'kankermarokkaan', 'kankerjood', 'kankerjoden', 'kankeren', 'pleurislijer',
  'krijg de klere', 'krijg de kolere', 'krijg de tering', 'krijg de tyfus', 'krijg de kanker', 'krijg de pest',
  'krijg de pleuris', 'rot op', 'pleur op', 'flikker op', 'sodemieter op', 'sodemieter', 'lik mijn reet',
  "lik m'n reet",
  'godverdomme', 'godverdomse', 'goddomme', 'verdomme',
  'neuken', 'neukt', 'geneukt', 'kontneuker', 'pijpbeurt', 'schijt', 'schijthuis', 'shit', 'fuck', 'fucking',
  'neger', 'negers', 'negerin', 'bosneger', 'zandneger', 'nikker', 'zwartjoekel', 'roetmop', 'makak', 'spleetoog',
  'spleetogen', 'poepchinees', 'geitenneuker', 'geitenneukers', 'jodenstreek',
  'flikker', 'flikkers', 'mietje', 'transjoekel',
  'debiel', 'debielen', 'achterlijk', 'achterlijke', 'downie', 'spast', 'spasten',
];

export const STARTER_EN: readonly string[] = [
  'fuck', 'fucks', 'fucked', 'fucker', 'fuckers', 'fucking', 'fuckin', 'fuckface', 'fuckhead', 'fuckwit',
  'motherfucker', 'motherfuckers', 'motherfucking', 'fuck off', 'fuck you', 'shut the fuck up', 'stfu', 'wtf',
  'shit', 'shits', 'shitty', 'shithead', 'shithole', 'bullshit', 'horseshit', 'dipshit',
  'bitch', 'bitches', 'bitchy', 'son of a bitch', 'bastard', 'bastards',
  'ass', 'asshole', 'assholes', 'arsehole', 'arseholes', 'jackass', 'dumbass', 'smartass',
  'cunt', 'cunts', 'twat', 'twats', 'wanker', 'wankers', 'wank', 'tosser', 'bellend', 'knobhead',
  'dickhead', 'dickheads', 'prick', 'pricks', 'cock', 'cocksucker', 'tits', 'jizz',
  'whore', 'whores', 'slut', 'sluts', 'skank', 'douche', 'douchebag', 'scumbag',
  'bollocks', 'bugger off', 'piss off', 'pissed off', 'goddamn', 'goddamned', 'goddammit', 'damn it', 'screw you',
  'nigger', 'niggers', 'nigga', 'niggas', 'darkie', 'coon', 'sandnigger', 'raghead', 'towelhead', 'wetback',
  'beaner', 'spic', 'gook', 'zipperhead', 'ching chong', 'kike', 'yid', 'paki', 'pikey', 'gyppo', 'polack', 'wop',
  'kraut', 'redskin', 'injun', 'squaw', 'golliwog',
  'fag', 'fags', 'faggot', 'faggots', 'dyke', 'tranny', 'shemale', 'lesbo',
  'retard', 'retards', 'retarded', 'spaz', 'spazz', 'mong', 'mongoloid', 'midget',
];

/** The starter lists by language. */
export const STARTER_LISTS: Readonly<Record<'nl' | 'en', readonly string[]>> = { nl: STARTER_NL, en: STARTER_EN };
