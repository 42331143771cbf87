import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/Alert';
import { Badge } from '../../components/Badge';
import { Button } from '../../components/Button';
import { SkeletonRows } from '../../components/Loading';
import type { ApiResource } from '../../lib/useApi';
import { Link } from '../../router';
import { contactPath, contactsApi, type SuggestedMerge } from './api';
import { MergeConfirm } from './MergeConfirm';

/** Pairs of contacts that look like one person, with the reason, each with "Merge" (confirmed) for those who may. */
export function SuggestedMerges({
  workspaceId,
  suggestions,
  mayEdit,
  onMerged,
}: {
  workspaceId: string;
  suggestions: ApiResource<SuggestedMerge[]>;
  mayEdit: boolean;
  onMerged: () => void;
}) {
  const { t } = useTranslation();
  const [merging, setMerging] = useState<SuggestedMerge | null>(null);
  const items = suggestions.data ?? [];

  return (
    <section className="section contact-suggestions" aria-labelledby="contact-suggestions-title">
      <h2 id="contact-suggestions-title" className="section-title">
        {t('contacts.suggestions.title')}
        {suggestions.data && <span className="count">{items.length}</span>}
      </h2>
      <p className="small muted">{t('contacts.suggestions.lead')}</p>
      {suggestions.loading && !suggestions.data ? (
        <SkeletonRows rows={2} />
      ) : suggestions.error ? (
        <ErrorAlert error={suggestions.error} onRetry={() => void suggestions.reload()} />
      ) : items.length === 0 ? (
        <p className="contact-note muted">{t('contacts.suggestions.none')}</p>
      ) : (
        <ul className="merge-suggestions">
          {items.map((s) => (
            <li key={`${s.a.id}-${s.b.id}`} className="merge-suggestion" data-testid="suggested-merge" data-reason={s.reason}>
              <span className="merge-pair">
                <Link to={contactPath(workspaceId, s.a.id)}>{s.a.name}</Link>
                <span aria-hidden="true" className="muted">
                  {' + '}
                </span>
                <span className="visually-hidden"> {t('contacts.suggestions.and')} </span>
                <Link to={contactPath(workspaceId, s.b.id)}>{s.b.name}</Link>
              </span>
              <Badge tone="blue">{t(`contacts.reason.${s.reason}`)}</Badge>
              {mayEdit && (
                <Button size="sm" onClick={() => setMerging(s)} data-testid="suggested-merge-button">
                  {t('contacts.merge.action')}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {merging && (
        <MergeConfirm
          first={merging.a}
          second={merging.b}
          onClose={() => setMerging(null)}
          onConfirm={async (keepId, otherId) => {
            await contactsApi.merge(workspaceId, keepId, otherId);
            onMerged();
          }}
        />
      )}
    </section>
  );
}
