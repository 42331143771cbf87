import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { Member } from '../../../api/types';
import { ErrorAlert } from '../../../components/Alert';
import { Icon } from '../../../components/Icon';
import { Link } from '../../../router';
import { PlatformIcon } from '../../channels/PlatformIcon';
import type { ConversationDetail, ConversationPatch, TeamRef } from '../api';
import { SentimentBadge } from '../shared/Badges';
import { AssigneeSelect, PrioritySelect, TeamSelect } from './AssignControls';
import { SlaTimers } from './SlaTimers';
import { StatusControl } from './StatusControl';
import { TagsEditor } from './TagsEditor';

/** Who and where, the controls an agent works with (status, assignee, team, priority, tags) and the SLA timers. */
export function ConversationHeader({
  detail,
  titleId,
  backHref,
  agents,
  teams,
  tagSuggestions,
  meId,
  patch,
  assignRef,
  sideOpen,
  onToggleSide,
  sideId,
}: {
  detail: ConversationDetail;
  titleId: string;
  backHref: string;
  agents: Member[];
  teams: TeamRef[];
  tagSuggestions: string[];
  meId: string;
  patch: { patch: (b: ConversationPatch) => Promise<boolean>; busy: keyof ConversationPatch | null; error: unknown };
  assignRef: Ref<HTMLSelectElement>;
  sideOpen: boolean;
  onToggleSide: () => void;
  sideId: string;
}) {
  const { t } = useTranslation();
  const c = detail.conversation;
  const readOnly = !detail.may.reply;
  const canTakeIt = !readOnly && c.assigneeId !== meId && agents.some((m) => m.userId === meId);
  return (
    <header className="conv-header">
      <Link to={backHref} className="conv-back text-link">
        <Icon name="arrowLeft" size={16} /> {t('inbox.conversation.back')}
      </Link>
      <div className="conv-title-row">
        <PlatformIcon kind={detail.channel.kind} size={32} />
        <div className="conv-title-text">
          <h2 id={titleId} className="conv-title">
            {c.contact.name}
            {c.contact.vip && <span className="vip-mark">{t('inbox.vipShort')}</span>}
          </h2>
          <p className="muted small">
            {detail.channel.name}
            {detail.channel.handle ? ` (${detail.channel.handle})` : ''} · {t(`inbox.kind.${c.kind}`, { defaultValue: c.kind })}
            {c.language ? ` · ${c.language.toUpperCase()}` : ''}
          </p>
        </div>
        <SentimentBadge sentiment={c.sentiment} />
        <button
          type="button"
          className="btn btn-ghost btn-sm conv-side-toggle"
          aria-expanded={sideOpen}
          aria-controls={sideId}
          onClick={onToggleSide}
          data-testid="conv-side-toggle"
        >
          <Icon name="user" size={16} />
          <span>{t('inbox.contact.toggle')}</span>
        </button>
      </div>
      {c.subject && <p className="conv-subject">{c.subject}</p>}

      <div className="conv-controls">
        <StatusControl status={c.status} snoozedUntil={c.snoozedUntil} disabled={readOnly} busy={patch.busy === 'status'} onPatch={patch.patch} />
        <AssigneeSelect
          ref={assignRef}
          value={c.assigneeId}
          currentName={c.assigneeName}
          agents={agents}
          disabled={readOnly}
          busy={patch.busy === 'assigneeId'}
          onChange={(assigneeId) => void patch.patch({ assigneeId })}
          onTakeIt={canTakeIt ? () => void patch.patch({ assigneeId: meId }) : undefined}
        />
        <TeamSelect
          value={c.teamId}
          currentName={c.teamName}
          teams={teams}
          disabled={readOnly}
          busy={patch.busy === 'teamId'}
          onChange={(teamId) => void patch.patch({ teamId })}
        />
        <PrioritySelect
          value={c.priority}
          disabled={readOnly}
          busy={patch.busy === 'priority'}
          onChange={(priority) => void patch.patch({ priority })}
        />
      </div>
      <div className="conv-meta">
        <TagsEditor
          tags={c.tags}
          suggestions={tagSuggestions}
          disabled={readOnly}
          busy={patch.busy === 'tags'}
          onChange={(tags) => patch.patch({ tags })}
        />
        <SlaTimers conversation={c} />
      </div>
      {patch.error ? <ErrorAlert error={patch.error} /> : null}
    </header>
  );
}
