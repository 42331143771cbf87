import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatchVariant } from '../../src/services/gate.service';
import { claimNow, drain } from '../support/dispatch';
import type { Client } from '../support/client';
import { createTestApp, pgUnavailable, testDb, type TestApp } from '../support/test-app';
import { buildWorld, type World } from '../support/world';


const content = (channelId: string, text: string, extra: Record<string, unknown> = {}) => ({
  content: { title: 'Open dag', core: text, instrument: 'cta', cta: { type: 'register', text: 'Meld je aan', url: 'https://testdorp.nl/open-dag' }, variants: [{ channelId, parts: [text], firstComment: null }], ...extra },
});

describe.skipIf(pgUnavailable())(`posts: brief → post → code → review → the gate → published exactly once (${testDb()})`, () => {
  let t: TestApp;
  let w: World;
  let ch: string;
  const posts = (c: Client) => ({
    create: (body: unknown) => c.post(`/api/workspaces/${w.ws}/posts`, body),
    get: (id: string) => c.get(`/api/workspaces/${w.ws}/posts/${id}`),
    act: (id: string, action: string, body: unknown = {}) => c.post(`/api/workspaces/${w.ws}/posts/${id}/${action}`, body),
  });

  beforeAll(async () => {
    t = await createTestApp();
    w = await buildWorld(t.http, t.app);
    ch = w.channel.id;
  });
  afterAll(() => t?.close());

  it('an advisor turns a brief into a post; the code blocks a forbidden word and says which clause; the owner approves; it goes out once at its time', async () => {
    const brief = await w.contributor.client.post(`/api/workspaces/${w.ws}/briefs`, { title: 'Open dag gemeentehuis', goal: 'Inwoners laten kennismaken', audience: 'Inwoners', keyMessage: 'Kom kijken op 12 december', channelIds: [ch], timing: 'Twee weken vooraf' });
    expect(brief.status).toBe(201);

    const blocked = await posts(w.advisor).create({ ...content(ch, 'Kom naar de open dag, geen kutweer beloofd!'), briefId: brief.body.id });
    expect(blocked.status).toBe(201);
    const preview = await w.advisor.post(`/api/workspaces/${w.ws}/posts/preview`, content(ch, 'Kom naar de open dag, geen kutweer beloofd!'));
    expect(preview.body.verdict).toBe('block');
    const finding = preview.body.variants[0].findings.find((f: { severity: string }) => f.severity === 'block');
    expect(finding.clauseId).toBe('respect');
    expect(preview.body.variants[0].text.slice(finding.span[0], finding.span[1])).toBe('kutweer');
    expect(preview.body.variants[0].text).toContain('Meld je aan https://testdorp.nl/open-dag?utm_source=sandbox');
    const refused = await posts(w.advisor).act(blocked.body.id, 'submit', { version: 1 });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('ERR_CODE_BLOCKS');

    const fixed = await w.advisor.put(`/api/workspaces/${w.ws}/posts/${blocked.body.id}`, { ...content(ch, 'Kom naar de open dag op 12 december!'), briefId: brief.body.id, expectedVersion: 1 });
    expect(fixed.status).toBe(200);
    expect(fixed.body.version).toBe(2);
    const id = blocked.body.id;
    expect((await posts(w.advisor).act(id, 'submit', { version: 2 })).status).toBe(200);
    expect((await w.contributor.client.get(`/api/workspaces/${w.ws}/briefs/${brief.body.id}`)).body.status).toBe('in_progress');
    const told = (await w.contributor.client.get('/api/notifications')).body.items;
    expect(told.some((n: { kind: string; subjectId: string }) => n.kind === 'brief.post_created' && n.subjectId === blocked.body.id)).toBe(true);

    // An advisor never approves for the organization; an owner does, for exactly version 2.
    const byAgency = await posts(w.advisor).act(id, 'approve', { version: 2 });
    expect(byAgency.status).toBe(403);
    expect(byAgency.body.error.code).toBe('ERR_CANNOT_APPROVE');
    const stale = await posts(w.owner).act(id, 'approve', { version: 1 });
    expect(stale.body.error.code).toBe('ERR_STALE_VERSION');
    expect((await posts(w.owner).act(id, 'approve', { version: 2 })).status).toBe(200);

    const at = new Date(t.clock.now().getTime() + 3_600_000).toISOString();
    const scheduled = await posts(w.advisor).act(id, 'schedule', { version: 2, at });
    expect(scheduled.status).toBe(200);
    expect(scheduled.body.waitingForApproval).toBe(false);

    expect(await drain(t)).toEqual([]); // not due yet
    t.clock.advance(3_600_000 + 1000);
    expect(await drain(t)).toEqual(['published']);
    expect(await drain(t)).toEqual([]);

    const post = (await posts(w.owner).get(id)).body;
    expect(post.state).toBe('published');
    expect(post.variants[0].attempts).toHaveLength(1);
    expect(post.variants[0].attempts[0].outcome).toBe('published');
    expect(post.variants[0].remoteId).toMatch(/^sandbox:/);

    const audit = (await w.owner.get(`/api/workspaces/${w.ws}/audit?objectId=${id}`)).body.items as Array<{ action: string; summary: Record<string, any>; actor: { id: string } | null }>;
    const sending = audit.find((a) => a.action === 'post.sending')!;
    expect(sending.summary.ids.authorOrg).toBe(w.agency.id);
    expect(sending.summary.author).toBe('Ada Advisor (Bureau Helder)');
    expect(sending.summary.ids.approver).toBe(w.ownerId);
    expect(sending.summary.approvedBy).toMatch(/\(Gemeente Testdorp\)$/);
    expect(sending.summary.sentBy).toBe('Ada Advisor');
    expect(audit.some((a) => a.action === 'post.published')).toBe(true);
    // The brief's author heard about the progress? The post's author heard about the approval.
    const advisorNotes = (await w.advisor.get('/api/notifications')).body;
    expect(advisorNotes.items.some((n: { kind: string }) => n.kind === 'post.approved')).toBe(true);
  });

  it('an edit after approval sends the post back to review and stops the scheduled version from going out', async () => {
    const created = await posts(w.advisor).create(content(ch, 'Afvalkalender 2027 staat online.'));
    const id = created.body.id;
    await posts(w.advisor).act(id, 'submit', { version: 1 });
    await posts(w.owner).act(id, 'approve', { version: 1 });
    await posts(w.advisor).act(id, 'schedule', { version: 1, at: new Date(t.clock.now().getTime() + 60_000).toISOString() });
    const edited = await w.advisor.put(`/api/workspaces/${w.ws}/posts/${id}`, { ...content(ch, 'Afvalkalender 2027 staat online. Bekijk hem!'), expectedVersion: 1 });
    expect(edited.body.reviewState).toBe('in_review');
    t.clock.advance(120_000);
    expect(await drain(t)).toEqual([]);
    const post = (await posts(w.owner).get(id)).body;
    expect(post.variants[0].state).toBe('draft');
    expect(post.approvedVersion).toBe(1);
    // Approving the new version puts it back into the schedule at its time (already passed: it goes now).
    await posts(w.owner).act(id, 'approve', { version: 2 });
    expect(await drain(t)).toEqual(['published']);
  });

  it('four eyes: an editor cannot approve their own post; a contributor’s post needs an approver', async () => {
    const mine = await posts(w.editor.client).create(content(ch, 'Nieuwe openingstijden van de bibliotheek.'));
    await posts(w.editor.client).act(mine.body.id, 'submit', { version: 1 });
    const own = await posts(w.editor.client).act(mine.body.id, 'approve', { version: 1 });
    expect(own.body.error.code).toBe('ERR_OWN_WORK');
    const back = await posts(w.editor.client).act(mine.body.id, 'request-changes', { version: 1, note: 'Zelf terugsturen?' });
    expect(back.body.error.code).toBe('ERR_OWN_WORK');

    const cor = await posts(w.contributor.client).create(content(ch, 'Tip: de milieustraat is zaterdag open.'));
    const sched = await posts(w.contributor.client).act(cor.body.id, 'schedule', { version: 1, at: null });
    expect(sched.body.waitingForApproval).toBe(true);
    expect(await drain(t)).toEqual([]);
    expect((await posts(w.editor.client).act(cor.body.id, 'approve', { version: 1 })).status).toBe(200);
    expect(await drain(t)).toEqual(['published']);
  });

  it('the hold switch: due posts wait in "held" and never fail; on resume a missed time asks for a new one', async () => {
    const p = await posts(w.owner).create(content(ch, 'Let op: wegwerkzaamheden op de Dorpsstraat.'));
    await posts(w.owner).act(p.body.id, 'schedule', { version: 1, at: new Date(t.clock.now().getTime() + 60_000).toISOString() });
    expect((await w.editor.client.post(`/api/workspaces/${w.ws}/publishing/hold`, { reason: 'x' })).status).toBe(403);
    expect((await w.owner.post(`/api/workspaces/${w.ws}/publishing/hold`, { reason: 'Calamiteit in de gemeente' })).status).toBe(200);
    t.clock.advance(120_000);
    expect(await drain(t)).toEqual(['held']);
    let post = (await posts(w.owner).get(p.body.id)).body;
    expect(post.variants[0].state).toBe('held');
    expect(post.variants[0].reasonCode).toBe('workspace_held');
    const resumed = await w.owner.post(`/api/workspaces/${w.ws}/publishing/resume`, {});
    expect(resumed.body.missed).toBe(1);
    expect(await drain(t)).toEqual([]);
    post = (await posts(w.owner).get(p.body.id)).body;
    expect(post.variants[0].reasonCode).toBe('missed_time');
    await posts(w.owner).act(p.body.id, 'schedule', { version: 1, at: null });
    expect(await drain(t)).toEqual(['published']);
  });

  it('editing a post after a worker claimed it: only the new version can go out, or nothing until it is approved', async () => {
    const claim = () => claimNow(t, 'w-slow', 10);
    // The organization's own editor: no approval needed, so the new version takes the old one's place.
    const own = await posts(w.editor.client).create(content(ch, 'Versie een van het bericht.'));
    await posts(w.editor.client).act(own.body.id, 'schedule', { version: 1, at: null });
    const [c1] = await claim();
    await w.editor.client.put(`/api/workspaces/${w.ws}/posts/${own.body.id}`, { ...content(ch, 'Versie twee van het bericht.'), expectedVersion: 1 });
    expect(await dispatchVariant(t.app, c1.id, 'w-slow')).toBe('published');
    const attempts = await t.app.db.selectFrom('publish_attempts').select('version').where('variant_id', '=', c1.id).execute();
    expect(attempts.map((a) => Number(a.version))).toEqual([2]);
    // The agency's approved post: the edit needs a new approval, so the claimed variant does not go out at all.
    const theirs = await posts(w.advisor).create(content(ch, 'Bureautekst versie een.'));
    await posts(w.advisor).act(theirs.body.id, 'submit', { version: 1 });
    await posts(w.owner).act(theirs.body.id, 'approve', { version: 1 });
    await posts(w.advisor).act(theirs.body.id, 'schedule', { version: 1, at: null });
    const [c2] = await claim();
    await w.advisor.put(`/api/workspaces/${w.ws}/posts/${theirs.body.id}`, { ...content(ch, 'Bureautekst versie twee.'), expectedVersion: 1 });
    expect(await dispatchVariant(t.app, c2.id, 'w-slow')).toBe('lost');
    expect(await t.app.db.selectFrom('publish_attempts').select('id').where('variant_id', '=', c2.id).execute()).toEqual([]);
  });

  it('the code checks the channel’s language once it is set', async () => {
    const dutch = 'De gemeente zoekt vrijwilligers voor het buurthuis. Meld je aan bij de balie van het gemeentehuis.';
    const findingsOf = async () => (await w.owner.post(`/api/workspaces/${w.ws}/posts/preview`, content(ch, dutch))).body.variants[0].findings as Array<{ kind: string }>;
    expect((await findingsOf()).some((f) => f.kind === 'language')).toBe(false);
    expect((await w.owner.patch(`/api/workspaces/${w.ws}/channels/${ch}`, { language: 'en' })).body.language).toBe('en');
    expect((await findingsOf()).some((f) => f.kind === 'language')).toBe(true);
    expect((await w.owner.patch(`/api/workspaces/${w.ws}/channels/${ch}`, { language: 'fr' })).status).toBe(400);
    await w.owner.patch(`/api/workspaces/${w.ws}/channels/${ch}`, { language: null });
  });

  it('deleting a post stops it even after a worker claimed it', async () => {
    const p = await posts(w.owner).create(content(ch, 'Deze mag nooit verschijnen.'));
    await posts(w.owner).act(p.body.id, 'schedule', { version: 1, at: null });
    const claimed = await claimNow(t, 'w-slow', 10);
    expect(claimed.map((c) => c.post_id)).toEqual([p.body.id]);
    expect((await w.owner.del(`/api/workspaces/${w.ws}/posts/${p.body.id}`)).status).toBe(204);
    expect(await dispatchVariant(t.app, claimed[0].id, 'w-slow')).toBe('lost');
    const row = await t.app.db.selectFrom('variants').selectAll().where('id', '=', claimed[0].id).executeTakeFirstOrThrow();
    expect(row.state).toBe('cancelled');
    expect(await t.app.db.selectFrom('publish_attempts').selectAll().where('variant_id', '=', claimed[0].id).execute()).toEqual([]);
  });
});
