import { useTranslation } from 'react-i18next';
import { formatRelative } from '../../../lib/format';
import { Link } from '../../../router';
import { PlatformIcon } from '../../channels/PlatformIcon';

/** What a conversation link shows. */
export interface ConversationLinkItem {
  id: string;
  channelKind: string;
  channelName: string;
  subject: string | null;
  preview: string;
  status: string;
  lastMessageAt: string;
}

/**
 * Conversations as links into the inbox, newest first: the platform's icon, the subject (or the start of the text),
 * and channel · status · how long ago. `compact` for a side panel.
 */
export function ConversationLinks({ items, hrefOf, compact = false, testId }: { items: ConversationLinkItem[]; hrefOf: (id: string) => string; compact?: boolean; testId?: string }) {
  const { t } = useTranslation();
  return (
    <ul className={compact ? 'conversation-links compact' : 'conversation-links'} data-testid={testId}>
      {items.map((c) => (
        <li key={c.id}>
          <Link to={hrefOf(c.id)} className="conversation-link" data-testid="conversation-link">
            <PlatformIcon kind={c.channelKind} size={compact ? 18 : 24} />
            <span className="conversation-link-text">
              <span className="conversation-link-subject">{c.subject || c.preview || t('inbox.row.noText')}</span>
              <span className="small muted">
                {c.channelName} · {t(`inbox.status.${c.status}`)} · {formatRelative(c.lastMessageAt)}
              </span>
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
