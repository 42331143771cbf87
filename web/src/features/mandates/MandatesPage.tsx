import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { endpoints } from '../../api/endpoints';
import type { Mandate } from '../../api/types';
import { ErrorAlert, Notice } from '../../components/Alert';
import { EmptyState } from '../../components/EmptyState';
import { SkeletonRows } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { useApi } from '../../lib/useApi';
import { useWorkspace } from '../workspace/WorkspaceContext';
import { GrantMandateForm } from './GrantMandateForm';
import { MandatesTable } from './MandatesTable';
import { RevokeMandateDialog } from './RevokeMandateDialog';

const ORDER = { active: 0, expired: 1, revoked: 2 } as const;

/** /w/:ws/mandates — "Bureaus & mandaten": grant, list, revoke. */
export function MandatesPage() {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const mandates = useApi(() => endpoints.mandates(ws.id), [ws.id]);
  const [revoking, setRevoking] = useState<Mandate | null>(null);
  /** The agency whose mandate was just revoked; the notice is translated at render so it follows a language switch. */
  const [revokedAgency, setRevokedAgency] = useState<string | null>(null);

  const items = useMemo(
    () =>
      [...(mandates.data?.items ?? [])].sort(
        (a, b) => (ORDER[a.status] ?? 3) - (ORDER[b.status] ?? 3) || b.grantedAt.localeCompare(a.grantedAt),
      ),
    [mandates.data],
  );
  const activeAgencyIds = useMemo(
    () => new Set(items.filter((m) => m.status === 'active').map((m) => m.agency.id)),
    [items],
  );

  function upsert(m: Mandate): void {
    mandates.setData((d) => {
      const list = d?.items ?? [];
      const exists = list.some((x) => x.id === m.id);
      return { items: exists ? list.map((x) => (x.id === m.id ? m : x)) : [m, ...list] };
    });
  }

  return (
    <div className="page">
      <PageHeader title={t('mandates.title')} lead={t('mandates.lead')} />
      {ws.isOwner && (
        <GrantMandateForm workspaceId={ws.id} activeAgencyIds={activeAgencyIds} onGranted={upsert} />
      )}
      <section className="section" aria-labelledby="mandates-list">
        <h2 id="mandates-list" className="section-title">
          {t('mandates.listTitle')}
          {mandates.data && <span className="count">{items.length}</span>}
        </h2>
        {revokedAgency !== null && (
          <Notice onDismiss={() => setRevokedAgency(null)} testId="mandate-notice">
            {t('mandates.revoke.done', { agency: revokedAgency })}
          </Notice>
        )}
        {mandates.loading && !mandates.data ? (
          <SkeletonRows />
        ) : mandates.error ? (
          <ErrorAlert error={mandates.error} onRetry={() => void mandates.reload()} />
        ) : items.length === 0 ? (
          <EmptyState icon="handshake" title={t('mandates.empty')} testId="mandates-empty">
            {ws.isOwner ? t('mandates.emptyOwner') : t('mandates.emptyOther')}
          </EmptyState>
        ) : (
          <MandatesTable mandates={items} isOwner={ws.isOwner} onRevoke={setRevoking} />
        )}
      </section>
      {revoking && (
        <RevokeMandateDialog
          workspaceId={ws.id}
          mandate={revoking}
          onClose={() => setRevoking(null)}
          onRevoked={(m) => {
            upsert(m);
            setRevokedAgency(m.agency.name);
          }}
        />
      )}
    </div>
  );
}
