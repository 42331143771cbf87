import { createHash } from 'node:crypto';
import type { InboundItem, InboundKind, MetricValues } from '../types';

/**
 * The sandbox's simulated audience: believable Dutch reactions that arrive over time, and metrics that grow with a
 * post's age. Deterministic (seeded by the account, the post and the time), so tests and demos repeat exactly.
 */

/** A number in [0, 1) derived from the seed text. */
export function unit(seed: string): number {
  return createHash('sha256').update(seed).digest().readUInt32BE(0) / 2 ** 32;
}

const PEOPLE = [
  ['anouk_vd_berg', 'Anouk van den Berg'],
  ['mo.elidrissi', 'Mohamed El Idrissi'],
  ['jvisser1968', 'Jan Visser'],
  ['lisa.tromp', 'Lisa Tromp'],
  ['kees_de_boer', 'Kees de Boer'],
  ['sophie.nl', 'Sophie Janssen'],
  ['ricardo_s', 'Ricardo Soares'],
  ['fam.bakker', 'Familie Bakker'],
] as const;

const MESSAGES: Array<[InboundKind, string]> = [
  ['mention', 'Wanneer wordt het grofvuil weer opgehaald in de Vogelwijk? De website zegt niets.'],
  ['mention', 'Al drie weken staat er een kapotte lantaarnpaal op de hoek van de Dorpsstraat. Wie gaat dit oplossen?'],
  ['direct_message', 'Hoi, ik wil graag een afspraak maken voor een nieuw paspoort, maar de online agenda werkt niet.'],
  ['mention', 'Complimenten voor de snelle reactie gisteren, het probleem met de container is opgelost!'],
  ['reply', 'Is dit ook van toepassing op bewoners van de nieuwbouwwijk?'],
  ['mention', 'Ik ben journalist bij het Dagblad. Kan ik iemand spreken over de plannen voor het stationsplein?'],
  ['direct_message', 'Mijn parkeervergunning is verlopen en ik krijg nu een boete. Kunt u mij helpen?'],
  ['reply', 'Slecht geregeld weer. Niemand neemt de telefoon op bij het klantcontactcentrum.'],
  ['mention', 'Waar kan ik terecht met vragen over de energietoeslag?'],
  ['reply', 'Top initiatief! Doen jullie dit volgend jaar weer?'],
];

/** One simulated reaction every `everyMinutes` minutes on average; item `n` of the account is always the same. */
export const REACTION_INTERVAL_MINUTES = 20;

/** The `n`-th simulated inbound item for an account, arriving at `at`. */
export function reaction(accountId: string, n: number, at: Date): InboundItem {
  const pick = unit(`${accountId}:${n}:msg`);
  const [kind, text] = MESSAGES[Math.floor(pick * MESSAGES.length)];
  const [handle, displayName] = PEOPLE[Math.floor(unit(`${accountId}:${n}:who`) * PEOPLE.length)];
  const remoteId = `sandbox:${accountId}:in:${n}`;
  return {
    remoteId,
    kind,
    threadRemoteId: kind === 'direct_message' ? `sandbox:${accountId}:dm:${handle}` : remoteId,
    author: { remoteId: `sandbox-user:${handle}`, handle, displayName },
    text,
    createdAt: at.toISOString(),
    url: `https://sandbox.regie.invalid/${handle}/${n}`,
  };
}

/** Metrics of a sandbox post `ageMs` after publishing: they rise quickly and level off, differently per post. */
export function simulatedMetrics(remoteId: string, ageMs: number): MetricValues {
  const hours = Math.max(0, ageMs) / 3_600_000;
  const reach = 200 + Math.floor(unit(`${remoteId}:reach`) * 3000);
  const curve = 1 - Math.exp(-hours / 6);
  const impressions = Math.floor(reach * curve);
  const rate = (k: string, max: number) => Math.floor(impressions * unit(`${remoteId}:${k}`) * max);
  return {
    impressions,
    views: impressions,
    likes: rate('likes', 0.08),
    reposts: rate('reposts', 0.02),
    replies: rate('replies', 0.015),
    quotes: rate('quotes', 0.005),
    shares: rate('shares', 0.01),
    clicks: rate('clicks', 0.04),
    saves: rate('saves', 0.01),
  };
}
