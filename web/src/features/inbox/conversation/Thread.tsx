import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConversationDetail } from '../api';
import { buildThread } from '../thread';
import { MessageItem } from './MessageItem';
import { ClosedReplyItem, TimelineItem } from './TimelineItem';

/**
 * Messages in and out with the timeline (notes, assignments, status changes, routing) in between, oldest first.
 * Opens scrolled to the newest; stays at the bottom when new items arrive, unless the reader scrolled up.
 */
export function Thread({ detail, organizationName, mentionNames }: { detail: ConversationDetail; organizationName: string; mentionNames: string[] }) {
  const { t } = useTranslation();
  const items = useMemo(() => buildThread(detail), [detail]);
  const scroller = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (el && atBottom.current) el.scrollTop = el.scrollHeight;
  }, [items.length]);

  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const onScroll = () => {
      atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < 48;
    };
    el.addEventListener('scroll', onScroll, { passive: true });
    return () => el.removeEventListener('scroll', onScroll);
  }, []);

  return (
    <div className="thread-scroll" ref={scroller} tabIndex={0} aria-label={t('inbox.thread.label')} role="region">
      {items.length === 0 ? (
        <p className="muted thread-empty">{t('inbox.thread.empty')}</p>
      ) : (
        <ol className="thread" data-testid="thread">
          {items.map((item) =>
            item.type === 'message' ? (
              <MessageItem key={`m-${item.message.id}`} message={item.message} organizationName={organizationName} />
            ) : item.type === 'event' ? (
              <TimelineItem key={`e-${item.event.id}`} event={item.event} mentionNames={mentionNames} />
            ) : (
              <ClosedReplyItem key={`r-${item.reply.id}`} reply={item.reply} />
            ),
          )}
        </ol>
      )}
    </div>
  );
}
