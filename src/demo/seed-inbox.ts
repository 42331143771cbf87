import { defaultBusinessHours } from '../core/inbox/team-config';
import type { InboundItem } from '../connectors/types';
import type { WorkspaceScope } from '../services/access.service';
import type { Actor, App } from '../services/app';
import { storeInbound } from '../services/channels.service';
import { createReply } from '../services/replies.service';
import { createSavedReply } from '../services/saved-replies.service';
import { createTeam, getInboxSettings, saveInboxSettings, updateTeamConfig } from '../services/inbox-settings.service';

/**
 * An inbox to look at: a service team and a press team with office hours, routing rules (press questions to
 * press, complaints to service with an acknowledgement), saved replies, a handful of questions from residents on
 * the sandbox channels, and an advisor's reply to a complaint waiting for the organization's approval.
 */
export async function seedInbox(app: App, who: { owner: Actor; ownerScope: WorkspaceScope; sanneId: string; pieterId: string; mark: Actor; markScope: WorkspaceScope }, channelIds: string[]): Promise<void> {
  const { owner, ownerScope } = who;
  const year = app.clock.now().getUTCFullYear();
  const service = await createTeam(app, owner, ownerScope, { name: 'Klantcontact', description: 'Vragen en meldingen van inwoners', businessHours: defaultBusinessHours(year), assignmentMode: 'round_robin' });
  await updateTeamConfig(app, owner, ownerScope, service.id, {}, [
    { userId: who.sanneId, maxOpen: 15, available: true },
    { userId: who.pieterId, maxOpen: 10, available: true },
  ]);
  const press = await createTeam(app, owner, ownerScope, { name: 'Pers & woordvoering', description: 'Vragen van journalisten', businessHours: defaultBusinessHours(year) });
  await updateTeamConfig(app, owner, ownerScope, press.id, {}, [{ userId: owner.userId, maxOpen: null, available: true }]);
  const settings = await getInboxSettings(app, ownerScope);
  await saveInboxSettings(app, owner, ownerScope, {
    rules: [
      { id: 'pers', name: 'Persvragen naar woordvoering', match: 'any', enabled: true, conditions: [{ type: 'keywords', any: ['journalist', 'persvraag', 'redactie', 'verslaggever', 'press'] }], actions: { teamId: press.id, priority: 'high', tags: ['pers'] }, stop: true },
      { id: 'klacht', name: 'Klachten met voorrang', match: 'all', enabled: true, conditions: [{ type: 'sentiment', sentiments: ['negative'] }], actions: { teamId: service.id, priority: 'high', tags: ['klacht'], autoAcknowledge: { text: 'Dank voor je bericht. We hebben het ontvangen en reageren zo snel mogelijk, uiterlijk binnen één werkdag.' } }, stop: false },
      { id: 'afval', name: 'Afval', match: 'any', enabled: true, conditions: [{ type: 'keywords', any: ['afval', 'container', 'vuilnis', 'kliko'] }], actions: { tags: ['afval'] }, stop: false },
    ],
    defaultTeamId: service.id,
    defaultPriority: 'normal',
    replyRules: { agency: 'negative', own: 'none' },
    expectedVersion: settings.version,
  });
  await createSavedReply(app, owner, ownerScope, { title: 'Melding doorgezet', body: 'Hoi {{contact.firstName}}, dank voor je melding. We hebben hem doorgezet naar de buitendienst; je hoort binnen drie werkdagen van ons. Groet, {{agent.name}} ({{organization.name}})', language: 'nl' });
  await createSavedReply(app, owner, ownerScope, { title: 'Graag via DM', body: 'Hoi {{contact.firstName}}, vervelend om te lezen. Wil je ons je adres en telefoonnummer sturen in een privébericht? Dan zoeken we het voor je uit.', language: 'nl' });

  const now = app.clock.now().getTime();
  const at = (minutesAgo: number) => new Date(now - minutesAgo * 60_000).toISOString();
  const resident = (id: string, name: string) => ({ remoteId: `demo-${id}`, handle: `@${id}`, displayName: name });
  const items: Array<[number, InboundItem]> = [
    [0, { remoteId: 'demo-1', kind: 'comment', threadRemoteId: 'demo-t1', author: resident('anouk', 'Anouk Willems'), text: 'Al twee weken staat de container in de Dorpsstraat vol. Het stinkt en niemand reageert op mijn melding. Schandalig!', createdAt: at(95) }],
    [1, { remoteId: 'demo-2', kind: 'direct_message', threadRemoteId: 'demo-t2', author: resident('redactie-dagblad', 'Redactie Dagblad Voorbeeld'), text: 'Goedemiddag, ik ben journalist bij Dagblad Voorbeeld. Kunt u bevestigen dat de schaatsbaan later opengaat?', createdAt: at(40) }],
    [2, { remoteId: 'demo-3', kind: 'mention', threadRemoteId: 'demo-t3', author: resident('kees', 'Kees Mulder'), text: 'Wanneer is het gemeentehuis open tussen kerst en oud en nieuw?', createdAt: at(25) }],
    [0, { remoteId: 'demo-4', kind: 'comment', threadRemoteId: 'demo-t4', author: resident('amy', 'Amy Brown'), text: 'Thank you for the quick help with my parking permit, great service!', createdAt: at(10) }],
  ];
  for (const [ch, item] of items) {
    const channel = channelIds[ch % channelIds.length];
    await app.db.transaction().execute((q) => storeInbound(q, { workspace_id: ownerScope.workspaceId, id: channel }, [item], app.clock.now().toISOString()));
  }
  const complaint = await app.db.selectFrom('conversations').select('id').where('workspace_id', '=', ownerScope.workspaceId).where('thread_remote_id', '=', 'demo-t1').executeTakeFirstOrThrow();
  await createReply(app, who.mark, who.markScope, complaint.id, { text: 'Hoi Anouk, wat vervelend! We laten de container vandaag nog legen en kijken waarom je melding bleef liggen.' });
}
