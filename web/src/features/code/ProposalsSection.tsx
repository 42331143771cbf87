import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../components/Badge';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { TextAreaField } from '../../components/Field';
import { formatDateTime } from '../../lib/format';
import { codeApi, type Clause, type CodeProposal } from './api';
import { ProposalComparison } from './ProposalComparison';

/** Open proposals with what they change; owners take one over or turn it down, with a note. Decided ones below. */

function DecideDialog({
  workspaceId,
  proposal,
  accept,
  onClose,
  onDecided,
}: {
  workspaceId: string;
  proposal: CodeProposal;
  accept: boolean;
  onClose: () => void;
  onDecided: (r: { status: 'accepted' | 'rejected'; version: number | null }) => void;
}) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  return (
    <ConfirmDialog
      testId={accept ? 'proposal-accept-dialog' : 'proposal-reject-dialog'}
      tone={accept ? 'primary' : 'danger'}
      title={t(accept ? 'code.proposals.acceptTitle' : 'code.proposals.rejectTitle', { name: proposal.proposedBy.name })}
      description={t(accept ? 'code.proposals.acceptText' : 'code.proposals.rejectText')}
      confirmLabel={t(accept ? 'code.proposals.accept' : 'code.proposals.reject')}
      onClose={onClose}
      onConfirm={async () => onDecided(await codeApi.decide(workspaceId, proposal.id, accept, note.trim() || null))}
    >
      <TextAreaField
        label={t('code.proposals.decisionNote')}
        hint={t(accept ? 'code.proposals.acceptNoteHint' : 'code.proposals.rejectNoteHint')}
        optional
        optionalText={t('common.optional')}
        value={note}
        onChange={setNote}
        rows={3}
        maxLength={2000}
        data-testid="decision-note"
      />
    </ConfirmDialog>
  );
}

function OpenProposal({
  workspaceId,
  proposal,
  current,
  version,
  isOwner,
  onDecided,
}: {
  workspaceId: string;
  proposal: CodeProposal;
  current: readonly Clause[];
  version: number;
  isOwner: boolean;
  onDecided: (r: { status: 'accepted' | 'rejected'; version: number | null }) => void;
}) {
  const { t } = useTranslation();
  const [deciding, setDeciding] = useState<null | boolean>(null);
  const headingId = `proposal-${proposal.id}`;
  return (
    <article className="card code-proposal" aria-labelledby={headingId} data-testid="code-proposal" data-proposal-id={proposal.id}>
      <div className="card-head">
        <div>
          <h3 id={headingId} className="card-title">
            {t('code.proposals.by', { name: proposal.proposedBy.name })}
          </h3>
          <p className="muted small">{t('code.proposals.when', { date: formatDateTime(proposal.proposedAt), version: proposal.baseVersion })}</p>
        </div>
        <Badge tone="amber">{t('code.proposals.status.open')}</Badge>
      </div>
      <blockquote className="code-note">{proposal.note}</blockquote>
      {proposal.baseVersion !== version && (
        <div className="alert alert-warning" data-testid="proposal-outdated">
          <div className="alert-body">{t('code.proposals.outdated', { base: proposal.baseVersion, version })}</div>
        </div>
      )}
      <ProposalComparison current={current} proposed={proposal.clauses} />
      {isOwner && (
        <div className="form-actions">
          <Button variant="danger-ghost" onClick={() => setDeciding(false)} data-testid="proposal-reject">
            {t('code.proposals.reject')}
          </Button>
          <Button variant="primary" onClick={() => setDeciding(true)} data-testid="proposal-accept">
            {t('code.proposals.accept')}
          </Button>
        </div>
      )}
      {deciding !== null && (
        <DecideDialog workspaceId={workspaceId} proposal={proposal} accept={deciding} onClose={() => setDeciding(null)} onDecided={onDecided} />
      )}
    </article>
  );
}

export function ProposalsSection({
  workspaceId,
  proposals,
  current,
  version,
  isOwner,
  onDecided,
}: {
  workspaceId: string;
  proposals: readonly CodeProposal[];
  current: readonly Clause[];
  version: number;
  isOwner: boolean;
  onDecided: (r: { status: 'accepted' | 'rejected'; version: number | null }) => void;
}) {
  const { t } = useTranslation();
  const open = proposals.filter((p) => p.status === 'open');
  const decided = proposals.filter((p) => p.status !== 'open');
  if (proposals.length === 0) return null;
  return (
    <section className="section" aria-labelledby="code-proposals" data-testid="code-proposals">
      <h2 id="code-proposals" className="section-title">
        {t('code.proposals.title')}
        <span className="count">{open.length}</span>
      </h2>
      {open.length === 0 ? (
        <p className="muted">{t('code.proposals.noneOpen')}</p>
      ) : (
        <>
          <p className="muted">{t(isOwner ? 'code.proposals.leadOwner' : 'code.proposals.leadOther')}</p>
          {open.map((p) => (
            <OpenProposal key={p.id} workspaceId={workspaceId} proposal={p} current={current} version={version} isOwner={isOwner} onDecided={onDecided} />
          ))}
        </>
      )}
      {decided.length > 0 && (
        <details className="code-decided">
          <summary>{t('code.proposals.decided', { count: decided.length })}</summary>
          <ul className="simple-list">
            {decided.map((p) => (
              <li key={p.id} data-testid="code-decided-proposal">
                <div className="code-decided-line">
                  <Badge tone={p.status === 'accepted' ? 'green' : 'red'}>{t(`code.proposals.status.${p.status}`)}</Badge>
                  <span>
                    {t('code.proposals.decidedLine', { by: p.proposedBy.name, decider: p.decidedBy?.name ?? '—', date: formatDateTime(p.decidedAt) })}
                  </span>
                </div>
                <p className="small">{p.note}</p>
                {p.decisionNote && <p className="small muted">{t('code.proposals.decisionNoteShown', { note: p.decisionNote })}</p>}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
