import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, Notice } from '../../../components/Alert';
import { Button } from '../../../components/Button';
import { TextAreaField } from '../../../components/Field';
import { postsApi, type PostDetail } from '../api';
import { ClauseSelect } from './ClauseSelect';

/**
 * Whose approval the current version needs and why; "Goedkeuren" for someone who may approve it, otherwise why not;
 * "Wijzigingen vragen" with a note and, where it applies, the clause of the code it is about.
 */
export function ApprovalBox({ workspaceId, post, canReview, orgName, onDone }: { workspaceId: string; post: PostDetail; canReview: boolean; orgName: string; onDone: () => void }) {
  const { t } = useTranslation();
  const a = post.approval;
  const approved = post.approvedVersion === post.version;
  const allOut = post.variants.length > 0 && post.variants.every((v) => v.state === 'published');
  // Nobody sends their own work back to themselves.
  const mayAskChanges = !allOut && (post.reviewState === 'in_review' || post.reviewState === 'approved') && post.approval.whyNot !== 'own_work';
  const [mode, setMode] = useState<'none' | 'approve' | 'changes'>('none');
  const [note, setNote] = useState('');
  const [clauseId, setClauseId] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function run(action: () => Promise<unknown>): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      await action();
      setMode('none');
      setNote('');
      setClauseId('');
      onDone();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const approve = () => run(() => postsApi.approve(workspaceId, post.id, post.version, note.trim() || null));
  const requestChanges = () => run(() => postsApi.requestChanges(workspaceId, post.id, post.version, note.trim(), clauseId || null));

  return (
    <section className="card approval-box" aria-labelledby="approval-title" data-testid="approval-box" data-needed={a.needed} data-approved={approved}>
      <h2 id="approval-title" className="card-title">
        {t('posts.approval.title')}
      </h2>
      {!a.needed ? (
        <p data-testid="approval-not-needed">{t('posts.approval.notNeeded')}</p>
      ) : (
        <>
          <p>{t(a.by === 'owner' ? 'posts.approval.byOwner' : 'posts.approval.byMember', { org: orgName })}</p>
          <ul className="reason-list" data-testid="approval-reasons">
            {a.reasons.map((r) => (
              <li key={r} data-reason={r}>
                {t(`posts.approval.reasons.${r}`)}
              </li>
            ))}
          </ul>
        </>
      )}
      {approved && (
        <Notice tone="success" testId="approval-done">
          {t('posts.approval.approvedVersion', { n: post.version })}
        </Notice>
      )}
      {a.needed && !approved && !a.youMayApprove && a.whyNot && (
        <p className="muted small" data-testid="approval-why-not">
          {t(`posts.approval.whyNot.${a.whyNot}`)}
        </p>
      )}

      {mode !== 'none' && (
        <div className="stack">
          <TextAreaField
            label={mode === 'approve' ? t('posts.approval.approveNote') : t('posts.approval.changesNote')}
            optional={mode === 'approve'}
            optionalText={t('common.optional')}
            rows={3}
            maxLength={mode === 'approve' ? 2000 : 4000}
            value={note}
            onChange={setNote}
            data-testid="approval-note"
            autoFocus
          />
          {mode === 'changes' && <ClauseSelect value={clauseId} onChange={setClauseId} testId="changes-clause" />}
        </div>
      )}
      <ErrorAlert error={error} />

      {canReview && (
        <div className="button-row start">
          {mode === 'none' && a.needed && !approved && a.youMayApprove && (
            <Button variant="primary" onClick={() => setMode('approve')} data-testid="approve-open">
              {t('posts.approval.approve')}
            </Button>
          )}
          {mode === 'none' && mayAskChanges && (
            <Button onClick={() => setMode('changes')} data-testid="changes-open">
              {t('posts.approval.requestChanges')}
            </Button>
          )}
          {mode === 'approve' && (
            <Button variant="primary" loading={busy} onClick={() => void approve()} data-testid="approve-confirm">
              {t('posts.approval.approveVersion', { n: post.version })}
            </Button>
          )}
          {mode === 'changes' && (
            <Button variant="primary" loading={busy} disabled={!note.trim()} onClick={() => void requestChanges()} data-testid="changes-confirm">
              {t('posts.approval.sendChanges')}
            </Button>
          )}
          {mode !== 'none' && (
            <Button variant="ghost" disabled={busy} onClick={() => setMode('none')}>
              {t('common.cancel')}
            </Button>
          )}
        </div>
      )}
    </section>
  );
}
