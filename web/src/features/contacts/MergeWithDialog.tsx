import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { SkeletonRows } from '../../components/Loading';
import type { ContactHit } from './api';
import { ContactSummary } from './ContactSummary';
import { useContactSearch } from './useContactSearch';
import { ContactSearchField } from './ContactSearchField';

/** "Merge with…": find the other contact by name, e-mail or handle and pick it (the merge itself is confirmed next). */
export function MergeWithDialog({
  workspaceId,
  contact,
  onPick,
  onClose,
}: {
  workspaceId: string;
  contact: { id: string; name: string };
  onPick: (other: ContactHit) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const results = useContactSearch(workspaceId, text, 10);
  const others = (results.data ?? []).filter((h) => h.id !== contact.id);
  return (
    <Dialog
      title={t('contacts.mergeWith.title', { name: contact.name })}
      description={t('contacts.mergeWith.lead')}
      onClose={onClose}
      testId="merge-with-dialog"
      footer={<Button onClick={onClose}>{t('common.cancel')}</Button>}
    >
      <ContactSearchField id="merge-search" value={text} onChange={setText} autoFocus testId="merge-search" />
      <div className="merge-candidates" aria-live="polite" aria-busy={results.loading || undefined}>
        {results.loading && !results.data ? (
          <SkeletonRows rows={3} />
        ) : results.error ? (
          <ErrorAlert error={results.error} onRetry={() => void results.reload()} />
        ) : others.length === 0 ? (
          <p className="muted">{results.query ? t('contacts.search.none', { q: results.query }) : t('contacts.mergeWith.noOthers')}</p>
        ) : (
          <ul className="contact-results">
            {others.map((hit) => (
              <li key={hit.id}>
                <button type="button" className="contact-result" onClick={() => onPick(hit)} data-testid="merge-candidate" data-contact-id={hit.id}>
                  <ContactSummary hit={hit} />
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </Dialog>
  );
}
