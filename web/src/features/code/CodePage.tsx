import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, Notice } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Icon } from '../../components/Icon';
import { SkeletonRows } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../lib/format';
import { useApi } from '../../lib/useApi';
import { Link } from '../../router';
import { useWorkspace } from '../workspace/WorkspaceContext';
import { codeApi, type CodeOverview, type CodeVersion } from './api';
import { ClauseList } from './ClauseCard';
import { CodeEditor, type EditorMode } from './CodeEditor';
import { HistorySection } from './HistorySection';
import { ProposalComparison } from './ProposalComparison';
import { ProposalsSection } from './ProposalsSection';
import { TestTextBox } from './TestTextBox';

/** /w/:ws/code — the code in force, proposals, history, the editor and the test box. */

function VersionLine({ data }: { data: CodeOverview }) {
  const { t } = useTranslation();
  const current = data.history.find((h) => h.version === data.version);
  return (
    <div className="code-version" data-testid="code-version" data-version={data.version}>
      <Icon name="book" size={18} />
      {data.version === 0 || !current ? (
        <p>
          <span className="strong">{t('code.version.starter')}</span> <span className="muted">{t('code.version.starterText')}</span>
        </p>
      ) : (
        <p>
          <span className="strong">{t('code.version.label', { version: data.version })}</span>{' '}
          <span className="muted">{t('code.version.by', { name: current.createdBy.name, date: formatDateTime(current.createdAt) })}</span>
          {current.note && <span className="code-version-note"> “{current.note}”</span>}
        </p>
      )}
    </div>
  );
}

export function CodePage() {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const overview = useApi(() => codeApi.overview(ws.id), [ws.id]);
  const [editing, setEditing] = useState<EditorMode | null>(null);
  const [viewing, setViewing] = useState<CodeVersion | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const viewRef = useRef<HTMLElement>(null);
  const mode: EditorMode | null = ws.isOwner ? 'save' : ws.role === 'editor' ? 'propose' : null;
  const data = overview.data;

  function start(): void {
    setNotice(null);
    setViewing(null);
    setEditing(mode);
  }

  function view(v: CodeVersion): void {
    setViewing(v);
    requestAnimationFrame(() => viewRef.current?.focus());
  }

  const actions = (
    <>
      <Link to={`/w/${encodeURIComponent(ws.id)}/code/document`} className="btn btn-secondary" data-testid="code-document-link">
        <Icon name="file" size={16} />
        <span>{t('code.documentLink')}</span>
      </Link>
      {mode && !editing && data && (
        <Button variant="primary" icon={<Icon name="edit" size={16} />} onClick={start} data-testid="code-edit">
          {t(mode === 'save' ? 'code.edit' : 'code.proposeChange')}
        </Button>
      )}
    </>
  );

  return (
    <div className="page" data-testid="code-page">
      <PageHeader title={t('code.title')} lead={t('code.lead')} actions={actions} />
      {overview.loading && !data ? (
        <SkeletonRows rows={4} />
      ) : overview.error && !data ? (
        <ErrorAlert error={overview.error} onRetry={() => void overview.reload()} />
      ) : data ? (
        <>
          <VersionLine data={data} />
          {notice && (
            <Notice onDismiss={() => setNotice(null)} testId="code-notice">
              {notice}
            </Notice>
          )}
          {editing ? (
            <CodeEditor
              key={`${editing}-${data.version}`}
              workspaceId={ws.id}
              mode={editing}
              base={data.clauses}
              version={data.version}
              onCancel={() => setEditing(null)}
              onReload={() => {
                setEditing(null);
                void overview.reload().then(() => setEditing(editing));
              }}
              onDone={(r) => {
                setEditing(null);
                setNotice(r.version !== undefined ? t('code.savedVersion', { version: r.version }) : t('code.proposed'));
                void overview.reload();
              }}
            />
          ) : (
            <>
              <ProposalsSection
                workspaceId={ws.id}
                proposals={data.proposals}
                current={data.clauses}
                version={data.version}
                isOwner={ws.isOwner}
                onDecided={(r) => {
                  setNotice(r.status === 'accepted' ? t('code.proposals.accepted', { version: r.version }) : t('code.proposals.rejected'));
                  void overview.reload();
                }}
              />
              {viewing ? (
                <section className="section code-old-version" aria-labelledby="code-viewing" ref={viewRef} tabIndex={-1} data-testid="code-old-version">
                  <div className="alert alert-info">
                    <Icon name="info" />
                    <div className="alert-body">
                      <h2 id="code-viewing" className="section-title">
                        {t('code.viewing.title', { version: viewing.version })}
                      </h2>
                      <span>{t('code.viewing.text', { name: viewing.createdBy.name, date: formatDateTime(viewing.createdAt) })}</span>
                      <button type="button" className="link-button" onClick={() => setViewing(null)} data-testid="code-view-current">
                        {t('code.viewing.back')}
                      </button>
                    </div>
                  </div>
                  <details className="code-decided">
                    <summary>{t('code.viewing.diff', { version: data.version })}</summary>
                    <ProposalComparison current={viewing.clauses} proposed={data.clauses} />
                  </details>
                  <ClauseList clauses={viewing.clauses} />
                </section>
              ) : (
                <section className="section" aria-labelledby="code-clauses-title">
                  <h2 id="code-clauses-title" className="section-title">
                    {t('code.clausesTitle')}
                    <span className="count">{data.clauses.length}</span>
                  </h2>
                  <ClauseList clauses={data.clauses} />
                </section>
              )}
              <TestTextBox workspaceId={ws.id} clauses={data.clauses} />
              <HistorySection history={data.history} version={data.version} viewing={viewing?.version ?? null} onView={view} />
            </>
          )}
        </>
      ) : null}
    </div>
  );
}
