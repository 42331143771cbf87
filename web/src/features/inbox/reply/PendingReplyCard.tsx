import { useTranslation } from 'react-i18next';
import { Badge } from '../../../components/Badge';
import { Button } from '../../../components/Button';
import { formatDateTime } from '../../../lib/format';
import type { Reply } from '../api';

export type ReplyAction = 'approve' | 'reject' | 'takeover' | 'discard' | 'reuse' | 'retry';

function heading(t: (k: string, o?: Record<string, unknown>) => string, r: Reply): string {
  if (r.state === 'suggested') return t(r.source === 'expert' ? 'inbox.pending.expertDraft' : 'inbox.pending.suggestion', { name: r.author.name });
  return t(`inbox.pending.state.${r.state}`);
}

/**
 * A reply still in play: a suggestion or an expert's draft (take over / discard), one waiting for approval
 * (approve and send / reject, for those who may), or one that is on its way or did not go out (with the reason).
 */
export function PendingReplyCard({
  reply: r,
  mayReply,
  busy,
  onAction,
}: {
  reply: Reply;
  mayReply: boolean;
  busy: ReplyAction | null;
  onAction: (action: ReplyAction) => void;
}) {
  const { t } = useTranslation();
  const failed = r.state === 'failed' || r.state === 'held';
  return (
    <li className={`pending-reply is-${r.state}`} data-testid="pending-reply" data-state={r.state} data-reply-id={r.id} data-source={r.source}>
      <div className="pending-head">
        <strong>{heading(t, r)}</strong>
        <span className="small muted">
          {t('inbox.pending.by', { name: r.author.name })}
          {r.author.orgName && ` · ${r.author.orgName}`} · {formatDateTime(r.createdAt)}
        </span>
        {r.author.isAgency && <Badge tone="violet">{t('inbox.message.agency')}</Badge>}
      </div>
      <p className="pending-text">{r.text}</p>
      {r.state === 'awaiting_approval' && r.approvalReasons.length > 0 && (
        <ul className="inbox-reasons small" aria-label={t('inbox.pending.reasons')}>
          {r.approvalReasons.map((x) => (
            <li key={x}>{t(`inbox.approvalReason.${x}`, { defaultValue: x })}</li>
          ))}
        </ul>
      )}
      {failed && (
        <p className="small pending-reason">
          {r.reasonCode ? t(`inbox.reasonCode.${r.reasonCode}`, { defaultValue: '' }) : ''}
          {r.reasonText ? <span className="muted"> {r.reasonText}</span> : null}
          {!r.reasonCode && !r.reasonText && t('inbox.pending.noReason')}
        </p>
      )}
      <div className="inbox-actions">
        {r.state === 'awaiting_approval' &&
          (r.youMayApprove ? (
            <>
              <Button
                size="sm"
                variant="primary"
                loading={busy === 'approve'}
                disabled={busy !== null}
                onClick={() => onAction('approve')}
                data-testid="reply-approve"
              >
                {t('inbox.pending.approve')}
              </Button>
              <Button size="sm" variant="danger-ghost" disabled={busy !== null} onClick={() => onAction('reject')} data-testid="reply-reject">
                {t('inbox.pending.reject')}
              </Button>
            </>
          ) : (
            <p className="small muted">{t(`inbox.whyNot.${r.whyNot ?? 'waiting'}`, { defaultValue: t('inbox.whyNot.waiting') })}</p>
          ))}
        {r.state === 'suggested' && mayReply && (
          <>
            <Button size="sm" variant="primary" disabled={busy !== null} onClick={() => onAction('takeover')} data-testid="reply-takeover">
              {t('inbox.pending.takeover')}
            </Button>
            <Button
              size="sm"
              variant="ghost"
              loading={busy === 'discard'}
              disabled={busy !== null}
              onClick={() => onAction('discard')}
              data-testid="reply-discard"
            >
              {t('inbox.pending.discard')}
            </Button>
          </>
        )}
        {failed && mayReply && (
          <>
            <Button size="sm" loading={busy === 'retry'} disabled={busy !== null} onClick={() => onAction('retry')} data-testid="reply-retry">
              {t('inbox.pending.retry')}
            </Button>
            <Button size="sm" variant="ghost" disabled={busy !== null} onClick={() => onAction('reuse')} data-testid="reply-reuse">
              {t('inbox.pending.reuse')}
            </Button>
          </>
        )}
      </div>
    </li>
  );
}
