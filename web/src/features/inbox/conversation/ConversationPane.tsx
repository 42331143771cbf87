import { useEffect, useId, useMemo, useRef, useState, type MutableRefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/Alert';
import { Icon } from '../../../components/Icon';
import { Loading } from '../../../components/Loading';
import type { ApiResource } from '../../../lib/useApi';
import { Link } from '../../../router';
import { useSignedIn } from '../../../session/SessionContext';
import type { ConversationDetail, ConversationSummary, Reply } from '../api';
import { PendingReplies } from '../reply/PendingReplies';
import { ReplyBox, type ReplyBoxHandle } from '../reply/ReplyBox';
import { ReplyOutcome } from '../reply/ReplyOutcome';
import { openReplies } from '../thread';
import type { InboxRefs } from '../useInboxRefs';
import { ContactPanel } from './ContactPanel';
import { ConversationHeader } from './ConversationHeader';
import { ExpertRequests } from './ExpertRequests';
import { RoutingWhy } from './RoutingWhy';
import { Thread } from './Thread';
import { usePatch } from './usePatch';

/** What the page's keyboard shortcuts can ask of the open conversation. */
export interface PaneCommands {
  focusReply?: () => void;
  resolve?: () => void;
  openAssign?: () => void;
}

/**
 * The open conversation: header with its controls and SLA timers, the thread, replies in play, the reply box, and
 * beside it (or, in a narrow pane, behind a button) the contact, routing reasons and expert questions.
 */
export function ConversationPane({
  ws,
  organizationName,
  isAgencyMember,
  detail,
  refs,
  backHref,
  hrefForConversation,
  commands,
  onSummary,
  onActivity,
  knownTags,
  now,
}: {
  ws: string;
  organizationName: string;
  isAgencyMember: boolean;
  detail: ApiResource<ConversationDetail>;
  refs: InboxRefs;
  backHref: string;
  hrefForConversation: (id: string) => string;
  commands: MutableRefObject<PaneCommands>;
  onSummary: (c: ConversationSummary) => void;
  onActivity: () => void;
  knownTags: string[];
  now: number;
}) {
  const { t } = useTranslation();
  const { user } = useSignedIn();
  const titleId = useId();
  const sideId = useId();
  const [sideOpen, setSideOpen] = useState(false);
  const [outcome, setOutcome] = useState<Reply | null>(null);
  const reply = useRef<ReplyBoxHandle>(null);
  const assign = useRef<HTMLSelectElement>(null);
  const data = detail.data;
  const conversationId = data?.conversation.id ?? '';

  const patch = usePatch(ws, conversationId, (summary) => {
    detail.setData((d) => d && { ...d, conversation: { ...d.conversation, ...summary } });
    onSummary(summary);
    void detail.reload();
  });

  const changed = () => {
    void detail.reload();
    onActivity();
  };

  useEffect(() => {
    commands.current = {
      focusReply: () => reply.current?.focus(),
      resolve: () => {
        if (data?.may.reply && data.conversation.status !== 'resolved') void patch.patch({ status: 'resolved' });
      },
      openAssign: () => {
        const el = assign.current;
        if (!el || el.disabled) return;
        el.focus();
        try {
          el.showPicker?.();
        } catch {
          /* some browsers only open a picker on a click; focus is enough then */
        }
      },
    };
    return () => {
      commands.current = {};
    };
  });

  const mentionNames = useMemo(() => refs.members.map((m) => m.name), [refs.members]);
  const tagSuggestions = useMemo(() => [...new Set([...knownTags, ...(data?.contact.tags ?? [])])].sort(), [knownTags, data?.contact.tags]);

  if (!data) {
    return (
      <div className="conv-pane conv-pane-state">
        <Link to={backHref} className="conv-back text-link">
          <Icon name="arrowLeft" size={16} /> {t('inbox.conversation.back')}
        </Link>
        {detail.error ? <ErrorAlert error={detail.error} onRetry={() => void detail.reload()} /> : <Loading block />}
      </div>
    );
  }

  const pending = openReplies(data.replies);
  return (
    <article className="conv-pane" aria-labelledby={titleId} data-testid="conversation" data-conversation-id={data.conversation.id}>
      <ConversationHeader
        detail={data}
        titleId={titleId}
        backHref={backHref}
        agents={refs.agents}
        teams={refs.teams}
        tagSuggestions={tagSuggestions}
        meId={user.id}
        patch={patch}
        assignRef={assign}
        sideOpen={sideOpen}
        onToggleSide={() => setSideOpen((o) => !o)}
        sideId={sideId}
      />
      {detail.error ? <ErrorAlert error={detail.error} onRetry={() => void detail.reload()} /> : null}
      <div className={sideOpen ? 'conv-body side-open' : 'conv-body'}>
        <div className="conv-main">
          <Thread detail={data} organizationName={organizationName} mentionNames={mentionNames} />
          <div className="conv-compose">
            <div className="conv-inplay">
              <PendingReplies
                ws={ws}
                replies={pending}
                mayReply={data.may.reply}
                onTakeOver={(r) => reply.current?.takeOver(r)}
                onReuse={(text) => reply.current?.useText(text)}
                onOutcome={setOutcome}
                onChanged={changed}
              />
              {outcome && <ReplyOutcome reply={outcome} onDismiss={() => setOutcome(null)} />}
            </div>
            <ReplyBox
              ref={reply}
              ws={ws}
              detail={data}
              members={refs.members}
              isAgencyMember={isAgencyMember}
              agentName={user.name}
              organizationName={organizationName}
              onOutcome={setOutcome}
              onChanged={changed}
            />
          </div>
        </div>
        <aside id={sideId} className="conv-side" aria-label={t('inbox.contact.panel')}>
          <ContactPanel contact={data.contact} hrefForConversation={hrefForConversation} />
          <RoutingWhy matched={data.conversation.routing?.matched ?? []} />
          <ExpertRequests
            ws={ws}
            conversationId={data.conversation.id}
            requests={data.expertRequests}
            canAsk={data.may.reply}
            now={now}
            onAsked={changed}
          />
        </aside>
      </div>
    </article>
  );
}
