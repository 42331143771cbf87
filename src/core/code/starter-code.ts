/** The code a new workspace starts with: sensible rules for a Dutch organization, to adapt rather than write from nothing. */
import type { Clause } from './types';

/** A fresh copy of the starter code: nine clauses covering every kind of check, in Dutch and English. */
export function starterCode(): Clause[] {
  return [
    {
      id: 'respect',
      title: { nl: 'Respectvol taalgebruik', en: 'Respectful language' },
      text: { nl: 'We schelden niet en gebruiken geen woorden die mensen kwetsen of buitensluiten.', en: 'We do not swear, and we use no words that hurt or exclude people.' },
      explanation: {
        nl: 'Alles wat we plaatsen spreekt namens de hele organisatie. Een scheldwoord blijft hangen, ook als het als grap bedoeld was.',
        en: 'Everything we post speaks for the whole organization. A swear word sticks, even when it was meant as a joke.',
      },
      checks: [{ id: 'profanity', severity: 'block', spec: { kind: 'forbidden_words', words: [], starterLists: ['nl', 'en'] } }],
    },
    {
      id: 'sensitive',
      title: { nl: 'Gevoelige onderwerpen', en: 'Sensitive topics' },
      text: { nl: 'Over overlijden, politiek en ongelukken communiceren we alleen met instemming van een regiehouder.', en: 'We speak about death, politics and accidents only with the consent of an owner.' },
      explanation: {
        nl: 'Bij deze onderwerpen weegt elk woord zwaar. Een tweede paar ogen voorkomt dat we iemand pijn doen of partij lijken te kiezen.',
        en: 'On these topics every word weighs heavily. A second pair of eyes keeps us from hurting someone or seeming to take sides.',
      },
      checks: [
        {
          id: 'topics',
          severity: 'needs_approval',
          spec: {
            kind: 'sensitive_topics',
            topics: [
              { name: 'overlijden / death', terms: ['overleden', 'overlijden', 'gestorven', 'begrafenis', 'crematie', 'condoleance', 'condoleances', 'in memoriam', 'rouw', 'died', 'death', 'passed away', 'funeral', 'condolences', 'obituary'] },
              { name: 'politiek / politics', terms: ['verkiezingen', 'verkiezing', 'politieke partij', 'stemadvies', 'coalitie', 'oppositie', 'gemeenteraadsverkiezingen', 'election', 'elections', 'political party', 'vote for'] },
              { name: 'ongelukken en rampen / accidents and disasters', terms: ['ongeluk', 'ongeval', 'slachtoffer', 'slachtoffers', 'aanslag', 'ramp', 'explosie', 'accident', 'victims', 'disaster', 'explosion', 'shooting'] },
            ],
          },
        },
      ],
    },
    {
      id: 'privacy',
      title: { nl: 'Privacy', en: 'Privacy' },
      text: {
        nl: 'We delen nooit persoonsgegevens in berichten: geen BSN of rekeningnummer, en een telefoonnummer of e-mailadres alleen als het van de organisatie zelf is.',
        en: 'We never share personal data in messages: no citizen service number or bank account, and a phone number or e-mail address only when it is the organization’s own.',
      },
      explanation: {
        nl: 'Wat eenmaal online staat, is niet terug te halen. Vraag om persoonsgegevens alleen via een beveiligd kanaal.',
        en: 'What is online once cannot be taken back. Ask for personal data only through a secure channel.',
      },
      checks: [
        { id: 'personal-data', severity: 'block', spec: { kind: 'personal_data', types: ['bsn', 'iban'] } },
        // The organization's own phone number or e-mail address is fine; someone else's is not: the writer checks.
        { id: 'contact-data', severity: 'warn', spec: { kind: 'personal_data', types: ['phone', 'email'] } },
      ],
    },
    {
      id: 'disclosure',
      title: { nl: 'Eerlijk over samenwerking', en: 'Honest about partnerships' },
      text: { nl: 'Als we betaald samenwerken, staat dat in het bericht.', en: 'When a partnership is paid, the message says so.' },
      explanation: {
        nl: 'De Reclamecode vraagt dat reclame herkenbaar is. Lezers moeten zien dat een bericht betaald is.',
        en: 'The Dutch advertising code asks that advertising is recognisable. Readers must see that a message is paid for.',
      },
      checks: [
        {
          id: 'paid',
          severity: 'block',
          spec: {
            kind: 'disclosure',
            triggers: ['gesponsord', 'gesponsorde', 'sponsored', 'kortingscode', 'discount code', 'affiliate'],
            disclosures: ['#ad', '#advertentie', '#adv', '#sponsored', '#gesponsord', 'in samenwerking met', 'betaalde samenwerking', 'advertentie', 'paid partnership', 'in partnership with'],
          },
        },
      ],
    },
    {
      id: 'links',
      title: { nl: 'Duidelijke links', en: 'Clear links' },
      text: { nl: 'We laten zien waar een link heen gaat en gebruiken geen verkorte links.', en: 'We show where a link goes and use no shortened links.' },
      explanation: {
        nl: 'Een verkorte link verbergt het adres. Lezers vertrouwen een link meer als ze zien waar die heen gaat.',
        en: 'A shortened link hides the address. Readers trust a link more when they can see where it goes.',
      },
      checks: [{ id: 'shorteners', severity: 'warn', spec: { kind: 'link_domains', allow: [], deny: ['bit.ly', 'tinyurl.com', 't.ly', 'ow.ly', 'is.gd', 'buff.ly', 'rebrand.ly', 'cutt.ly', 'shorturl.at', 'tiny.cc'] } }],
    },
    {
      id: 'tone',
      title: { nl: 'Rustige toon', en: 'Calm tone' },
      text: { nl: 'We schreeuwen niet: geen hele zinnen in hoofdletters en spaarzaam met uitroeptekens.', en: 'We do not shout: no whole sentences in capitals, and few exclamation marks.' },
      explanation: {
        nl: 'Hoofdletters en veel uitroeptekens lezen als schreeuwen en maken een bericht minder geloofwaardig.',
        en: 'Capitals and many exclamation marks read as shouting and make a message less credible.',
      },
      checks: [{ id: 'shouting', severity: 'warn', spec: { kind: 'tone', maxCapsRatio: 0.5, minLettersForCaps: 20, maxExclamations: 2 } }],
    },
    {
      id: 'night',
      title: { nl: "Niet 's nachts", en: 'Not at night' },
      text: { nl: "We plaatsen 's nachts niets, tenzij het echt niet kan wachten.", en: 'We post nothing at night unless it truly cannot wait.' },
      explanation: {
        nl: "Wat 's nachts verschijnt, ziet bijna niemand, en op reacties kan niemand antwoorden.",
        en: 'Hardly anyone sees what appears at night, and no one is there to answer reactions.',
      },
      checks: [{ id: 'quiet-hours', severity: 'warn', spec: { kind: 'quiet_hours', from: '22:00', to: '07:00', timeZone: 'Europe/Amsterdam' } }],
    },
    {
      id: 'language',
      title: { nl: 'De taal van het kanaal', en: "The channel's language" },
      text: { nl: 'We schrijven in de taal van het kanaal.', en: "We write in the channel's language." },
      explanation: {
        nl: 'Volgers van een Nederlandstalig kanaal verwachten Nederlands; een bericht in een andere taal is vaak per ongeluk op het verkeerde kanaal beland.',
        en: 'Followers of a Dutch channel expect Dutch; a message in another language has often landed on the wrong channel by mistake.',
      },
      checks: [{ id: 'channel-language', severity: 'warn', spec: { kind: 'language' } }],
    },
    {
      id: 'competitors',
      title: { nl: 'Geen reclame voor anderen', en: 'No promotion of competitors' },
      text: { nl: 'Noemen we een concurrent, dan heeft een regiehouder dat goedgekeurd.', en: 'When we name a competitor, an owner has approved it.' },
      explanation: {
        nl: 'Een concurrent noemen kan onbedoeld reclame of een vergelijking zijn. Vul hier de namen in die bij uw organisatie horen.',
        en: "Naming a competitor can be unintended promotion or a comparison. Fill in the names that fit your organization.",
      },
      checks: [{ id: 'names', severity: 'needs_approval', spec: { kind: 'competitors', names: [] } }],
    },
  ];
}
