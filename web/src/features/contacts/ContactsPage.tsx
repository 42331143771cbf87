import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { roleCan } from '../../../../src/core/workspaces/roles';
import { ErrorAlert } from '../../components/Alert';
import { EmptyState } from '../../components/EmptyState';
import { SkeletonRows } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { useApi } from '../../lib/useApi';
import { Link, navigate, useLocation } from '../../router';
import { useWorkspace } from '../workspace/WorkspaceContext';
import { contactPath, contactsApi, contactsPath } from './api';
import { ContactSummary } from './ContactSummary';
import { SuggestedMerges } from './SuggestedMerges';
import { useContactSearch } from './useContactSearch';
import { ContactSearchField } from './ContactSearchField';

/** /w/:ws/contacts — find a contact by name, e-mail or handle, and the pairs that may be one person. */
export function ContactsPage() {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const location = useLocation();
  const [text, setText] = useState(() => location.search.get('q') ?? '');
  const results = useContactSearch(ws.id, text);
  const suggestions = useApi(() => contactsApi.suggestedMerges(ws.id), [ws.id]);
  const mayEdit = ws.role !== null && roleCan(ws.role, 'inbox.reply');
  const hits = results.data ?? [];

  function type(value: string): void {
    setText(value);
    const q = value.trim();
    navigate(`${contactsPath(ws.id)}${q ? `?q=${encodeURIComponent(q)}` : ''}`, { replace: true });
  }

  return (
    <div className="page">
      <PageHeader title={t('contacts.title')} lead={t('contacts.lead')} />
      <div className="contacts-layout">
        <section className="section" aria-labelledby="contacts-results-title">
          <ContactSearchField id="contacts-search" value={text} onChange={type} testId="contacts-search" />
          <h2 id="contacts-results-title" className="section-title">
            {results.query ? t('contacts.search.results') : t('contacts.search.recent')}
            {results.data && <span className="count">{hits.length}</span>}
          </h2>
          <div aria-live="polite" aria-busy={results.loading || undefined}>
            {results.loading && !results.data ? (
              <SkeletonRows rows={4} />
            ) : results.error ? (
              <ErrorAlert error={results.error} onRetry={() => void results.reload()} />
            ) : hits.length === 0 ? (
              <EmptyState icon="users" title={results.query ? t('contacts.search.none', { q: results.query }) : t('contacts.search.empty')}>
                {results.query ? t('contacts.search.noneHint') : t('contacts.search.emptyHint')}
              </EmptyState>
            ) : (
              <ul className="contact-results">
                {hits.map((hit) => (
                  <li key={hit.id}>
                    <Link to={contactPath(ws.id, hit.id)} className="contact-result" data-testid="contact-row" data-contact-id={hit.id}>
                      <ContactSummary hit={hit} />
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </div>
        </section>
        <SuggestedMerges
          workspaceId={ws.id}
          suggestions={suggestions}
          mayEdit={mayEdit}
          onMerged={() => {
            void suggestions.reload();
            void results.reload();
          }}
        />
      </div>
    </div>
  );
}
