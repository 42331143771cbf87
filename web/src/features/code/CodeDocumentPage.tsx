import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Icon } from '../../components/Icon';
import { Loading } from '../../components/Loading';
import { useApi } from '../../lib/useApi';
import { useTitle } from '../../lib/useTitle';
import { Link } from '../../router';
import { useWorkspace } from '../workspace/WorkspaceContext';
import { codeApi } from './api';
import { useLocale } from './useLocale';

/** /w/:ws/code/document — the whole code as a readable page in the UI language, ready to print. */
export function CodeDocumentPage() {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const locale = useLocale();
  const doc = useApi(() => codeApi.document(ws.id, locale), [ws.id, locale]);
  useTitle(t('code.document.pageTitle'));

  return (
    <div className="page code-document-page" data-testid="code-document">
      <div className="code-document-toolbar">
        <Link to={`/w/${encodeURIComponent(ws.id)}/code`} className="btn btn-ghost" data-testid="code-document-back">
          <Icon name="arrowLeft" size={16} />
          <span>{t('code.document.back')}</span>
        </Link>
        <Button variant="primary" icon={<Icon name="download" size={16} />} onClick={() => window.print()} disabled={!doc.data} data-testid="code-print">
          {t('code.document.print')}
        </Button>
      </div>
      {doc.loading && !doc.data ? (
        <Loading block />
      ) : doc.error ? (
        <ErrorAlert error={doc.error} onRetry={() => void doc.reload()} />
      ) : doc.data ? (
        <article className="code-document" aria-labelledby="code-document-title" lang={locale}>
          <header className="code-document-header">
            <p className="code-document-org">{doc.data.organization}</p>
            <h1 id="code-document-title" className="code-document-title">
              {t('code.document.title')}
            </h1>
            <p className="muted">{doc.data.version === 0 ? t('code.document.starter') : t('code.document.version', { version: doc.data.version })}</p>
            <p className="code-document-intro">{t('code.document.intro', { organization: doc.data.organization })}</p>
          </header>
          {doc.data.sections.length === 0 ? (
            <p className="muted">{t('code.clause.none')}</p>
          ) : (
            <ol className="code-document-sections">
              {doc.data.sections.map((s, i) => (
                <li key={s.clauseId} className="code-document-section" data-testid="code-document-section">
                  <h2 className="code-document-section-title">
                    <span className="code-document-number">{i + 1}.</span> {s.title}
                  </h2>
                  <p className="code-document-text">{s.text}</p>
                  {s.explanation && (
                    <p className="code-document-why">
                      <span className="strong">{t('code.clause.why')}</span> {s.explanation}
                    </p>
                  )}
                  {s.rules.length > 0 && (
                    <>
                      <h3 className="code-document-rules-title">{t('code.document.rules')}</h3>
                      <ul className="code-document-rules">
                        {s.rules.map((r, i) => (
                          <li key={i}>{r}</li>
                        ))}
                      </ul>
                    </>
                  )}
                </li>
              ))}
            </ol>
          )}
        </article>
      ) : null}
    </div>
  );
}
