import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { roleCan } from '../../../../src/core/workspaces/roles';
import { ErrorAlert, Notice } from '../../components/Alert';
import { Badge } from '../../components/Badge';
import { Button } from '../../components/Button';
import { Icon } from '../../components/Icon';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { isApiError } from '../../api/client';
import { NotFound } from '../../components/FullMessage';
import { useApi } from '../../lib/useApi';
import { Link, navigate } from '../../router';
import { useWorkspace } from '../workspace/WorkspaceContext';
import { contactPath, contactsApi, contactsPath, type Contact, type ContactHit } from './api';
import { ContactConversations } from './ContactConversations';
import { ContactDetails } from './ContactDetails';
import { ContactIdentities } from './ContactIdentities';
import { MergeConfirm } from './MergeConfirm';
import { MergeWithDialog } from './MergeWithDialog';

/**
 * /w/:ws/contacts/:id — one person across channels: name, VIP, tags, identities (split off), conversations, and
 * merging with another contact. A merged contact only says where it went.
 */
export function ContactPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const contact = useApi(() => contactsApi.get(ws.id, id), [ws.id, id]);
  const mergedInto = contact.data?.mergedInto ?? null;
  const target = useApi(mergedInto ? () => contactsApi.get(ws.id, mergedInto) : null, [ws.id, mergedInto]);
  const [merge, setMerge] = useState<null | 'search' | ContactHit>(null);
  const mayEdit = ws.role !== null && roleCan(ws.role, 'inbox.reply');
  const c = contact.data;

  const back = (
    <Link to={contactsPath(ws.id)} className="back-link">
      <Icon name="arrowLeft" size={16} />
      {t('contacts.back')}
    </Link>
  );

  if (contact.loading && !c) return <Loading block />;
  if (contact.error && isApiError(contact.error) && contact.error.code === 'ERR_NOT_FOUND') return <NotFound />;
  if (contact.error || !c) return <ErrorAlert error={contact.error} onRetry={() => void contact.reload()} />;

  if (c.mergedInto) {
    return (
      <div className="page page-narrow">
        {back}
        <PageHeader title={c.name} eyebrow={t('contacts.eyebrow')} />
        <Notice tone="info" testId="contact-merged-into">
          {t('contacts.mergedInto')}{' '}
          <Link to={contactPath(ws.id, c.mergedInto)}>{target.data?.name ?? t('contacts.mergedIntoFallback')}</Link>
        </Notice>
      </div>
    );
  }

  const show = (next: Contact) => contact.setData(next);

  return (
    <div className="page">
      {back}
      <PageHeader
        title={c.name}
        eyebrow={t('contacts.eyebrow')}
        lead={c.vip ? <Badge tone="amber">{t('contacts.vip')}</Badge> : undefined}
        actions={
          mayEdit && (
            <Button onClick={() => setMerge('search')} data-testid="contact-merge-with">
              {t('contacts.mergeWith.action')}
            </Button>
          )
        }
      />
      <div className="contact-grid">
        <ContactDetails contact={c} mayEdit={mayEdit} onPatch={async (patch) => show(await contactsApi.patch(ws.id, c.id, patch))} />
        <div className="contact-grid-side">
          <ContactIdentities
            identities={c.identities}
            mayEdit={mayEdit}
            onSplit={async (identity) => {
              const fresh = await contactsApi.split(ws.id, c.id, identity);
              navigate(contactPath(ws.id, fresh.id));
            }}
          />
          <ContactConversations workspaceId={ws.id} conversations={c.conversations} />
        </div>
      </div>
      {merge === 'search' && <MergeWithDialog workspaceId={ws.id} contact={c} onClose={() => setMerge(null)} onPick={(other) => setMerge(other)} />}
      {merge !== null && merge !== 'search' && (
        <MergeConfirm
          first={c}
          second={merge}
          onClose={() => setMerge(null)}
          onConfirm={async (keepId, otherId) => {
            const kept = await contactsApi.merge(ws.id, keepId, otherId);
            if (kept.id === c.id) show(kept);
            else navigate(contactPath(ws.id, kept.id));
          }}
        />
      )}
    </div>
  );
}
