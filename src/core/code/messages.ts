/**
 * What a writer reads next to a finding, in Dutch and English: the reason, what happens because of it (from the
 * severity), and the clause it comes from.
 */
import type { Localized, PersonalDataType, Severity } from './types';

const CONSEQUENCE: Record<Severity, Localized> = {
  block: { nl: 'Zo kan het niet verstuurd worden.', en: 'It cannot be sent like this.' },
  needs_approval: { nl: 'Een regiehouder moet dit goedkeuren voordat het verstuurd wordt.', en: 'An owner must approve this before it is sent.' },
  warn: { nl: 'Kijk of dit zo bedoeld is.', en: 'Check that this is what you mean.' },
};

const PERSONAL_DATA_NAMES: Record<PersonalDataType, Localized> = {
  email: { nl: 'een e-mailadres', en: 'an e-mail address' },
  phone: { nl: 'een telefoonnummer', en: 'a phone number' },
  iban: { nl: 'een rekeningnummer (IBAN)', en: 'a bank account number (IBAN)' },
  bsn: { nl: 'een burgerservicenummer (BSN)', en: 'a citizen service number (BSN)' },
};

const LANGUAGE_NAMES: Record<'nl' | 'en', Localized> = {
  nl: { nl: 'Nederlands', en: 'Dutch' },
  en: { nl: 'Engels', en: 'English' },
};

/** The whole message: reason, consequence and the clause's title. */
export function findingMessage(reason: Localized, severity: Severity, clauseTitle: Localized): Localized {
  return {
    nl: `${reason.nl} ${CONSEQUENCE[severity].nl} (Regel: ${clauseTitle.nl})`,
    en: `${reason.en} ${CONSEQUENCE[severity].en} (Rule: ${clauseTitle.en})`,
  };
}

const q = (s: string) => `“${s}”`;

/** The reason part of each kind of finding, filled in with what was found. */
export const reasons = {
  forbiddenWord: (match: string): Localized => ({
    nl: `${q(match)} is een scheldwoord of een woord dat we niet gebruiken.`,
    en: `${q(match)} is a swear word or a word we do not use.`,
  }),
  sensitiveTopic: (match: string, topic: string): Localized => ({
    nl: `${q(match)} gaat over een gevoelig onderwerp (${topic}).`,
    en: `${q(match)} touches a sensitive topic (${topic}).`,
  }),
  competitor: (match: string, name: string): Localized => ({
    nl: `${q(match)} noemt een concurrent (${name}).`,
    en: `${q(match)} names a competitor (${name}).`,
  }),
  disclosure: (trigger: string | null, examples: string[]): Localized => {
    const list = examples.slice(0, 3).map(q);
    const or = (word: string) => (list.length > 1 ? `${list.slice(0, -1).join(', ')} ${word} ${list[list.length - 1]}` : list.join(''));
    return {
      nl: `${trigger ? `${q(trigger)} wijst op betaalde samenwerking` : 'Dit is betaalde samenwerking'}, maar dat staat er niet bij: vermeld het, bijvoorbeeld met ${or('of')}.`,
      en: `${trigger ? `${q(trigger)} points to a paid partnership` : 'This is a paid partnership'}, but the text does not say so: disclose it, for example with ${or('or')}.`,
    };
  },
  linkDenied: (host: string): Localized => ({
    nl: `De link gaat naar ${host}, een domein waar we niet naar linken.`,
    en: `The link goes to ${host}, a domain we do not link to.`,
  }),
  linkNotAllowed: (host: string): Localized => ({
    nl: `De link gaat naar ${host}, dat niet op de lijst van toegestane domeinen staat.`,
    en: `The link goes to ${host}, which is not on the list of allowed domains.`,
  }),
  personalData: (type: PersonalDataType, masked: string): Localized => ({
    nl: `Dit lijkt ${PERSONAL_DATA_NAMES[type].nl}: ${masked}. Deel geen persoonsgegevens.`,
    en: `This looks like ${PERSONAL_DATA_NAMES[type].en}: ${masked}. Do not share personal data.`,
  }),
  caps: (percent: number): Localized => ({
    nl: `${percent}% van de letters zijn hoofdletters; dat leest als schreeuwen.`,
    en: `${percent}% of the letters are capitals; that reads as shouting.`,
  }),
  exclamations: (count: number, max: number): Localized => ({
    nl: `De tekst heeft ${count} uitroeptekens, meer dan ${max}.`,
    en: `The text has ${count} exclamation marks, more than ${max}.`,
  }),
  exclamationRun: (run: string): Localized => ({
    nl: `${q(run)}: meerdere uitroeptekens achter elkaar lezen als schreeuwen.`,
    en: `${q(run)}: several exclamation marks in a row read as shouting.`,
  }),
  quietHours: (local: string, from: string, to: string, timeZone: string): Localized => ({
    nl: `Dit vertrekt om ${local} (${timeZone}), binnen de stille uren van ${from} tot ${to}.`,
    en: `This leaves at ${local} (${timeZone}), within the quiet hours from ${from} to ${to}.`,
  }),
  language: (detected: 'nl' | 'en', channel: 'nl' | 'en'): Localized => ({
    nl: `De tekst lijkt ${LANGUAGE_NAMES[detected].nl}, maar het kanaal is ${LANGUAGE_NAMES[channel].nl}.`,
    en: `The text looks ${LANGUAGE_NAMES[detected].en}, but the channel is ${LANGUAGE_NAMES[channel].en}.`,
  }),
};
