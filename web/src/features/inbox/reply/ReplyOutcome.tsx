import { useTranslation } from 'react-i18next';
import { Icon } from '../../../components/Icon';
import type { Reply } from '../api';
import { safeHttpUrl } from '../linkify';

/**
 * What became of a reply just sent, suggested, approved or taken over: sent, waiting for approval by the
 * organization (and why), or not sent (and why).
 */
export function ReplyOutcome({ reply, onDismiss }: { reply: Reply; onDismiss: () => void }) {
  const { t } = useTranslation();
  const link = safeHttpUrl(reply.remoteUrl);
  const failed = reply.state === 'failed' || reply.state === 'held';
  const awaiting = reply.state === 'awaiting_approval';
  const tone = failed ? 'error' : awaiting ? 'approval' : reply.state === 'sent' ? 'success' : 'info';
  const reason = reply.reasonCode ? t(`inbox.reasonCode.${reply.reasonCode}`, { defaultValue: '' }) : '';
  return (
    <div className={`alert alert-${tone} reply-outcome`} role={failed ? 'alert' : 'status'} data-testid="reply-outcome" data-state={reply.state}>
      <Icon name={failed ? 'alert' : awaiting ? 'shield' : reply.state === 'sent' ? 'check' : 'info'} />
      <div className="alert-body">
        <strong>{t(`inbox.outcome.${reply.state}`)}</strong>
        {awaiting && <span>{t('inbox.outcome.awaitingText')}</span>}
        {awaiting && reply.approvalReasons.length > 0 && (
          <ul className="inbox-reasons">
            {reply.approvalReasons.map((r) => (
              <li key={r}>{t(`inbox.approvalReason.${r}`, { defaultValue: r })}</li>
            ))}
          </ul>
        )}
        {failed && reason && <span>{reason}</span>}
        {failed && reply.reasonText && <span className="reply-outcome-detail">{reply.reasonText}</span>}
        {link && reply.state === 'sent' && (
          <a href={link} target="_blank" rel="noopener noreferrer nofollow ugc">
            {t('inbox.outcome.view')}
          </a>
        )}
      </div>
      <button type="button" className="icon-button" onClick={onDismiss} aria-label={t('common.dismiss')}>
        <Icon name="x" size={16} />
      </button>
    </div>
  );
}
