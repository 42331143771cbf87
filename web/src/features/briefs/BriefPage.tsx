import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { ErrorAlert, Notice } from '../../components/Alert';
import { Badge } from '../../components/Badge';
import { Button } from '../../components/Button';
import { Icon } from '../../components/Icon';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { formatDate, formatDateTime } from '../../lib/format';
import { useApi } from '../../lib/useApi';
import { Link, navigate, useLocation } from '../../router';
import { useSignedIn } from '../../session/SessionContext';
import { useWorkspace } from '../workspace/WorkspaceContext';
import { briefsApi, type BriefDetail, type BriefStatus } from './api';
import { BriefAttachments } from './BriefAttachments';
import { BriefComments } from './BriefComments';
import { BriefFacts } from './BriefFacts';
import { BriefFormDialog } from './BriefFormDialog';
import { BriefMoveDialog } from './BriefMoveDialog';
import { BriefPosts } from './BriefPosts';
import { mayEditBrief, mayMoveBriefs, mayWriteBriefs, mayWritePosts, STATUS_TONE } from './briefRules';
import { useChannels } from './useChannels';

type Message = { kind: 'created' } | { kind: 'saved' } | { kind: 'moved'; status: BriefStatus };

/** /w/:ws/briefs/:id — one brief: its fields, attachments, status, comments and the posts made from it. */
export function BriefPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const { user } = useSignedIn();
  const { pathname, search } = useLocation();
  const brief = useApi(() => briefsApi.get(ws.id, id), [ws.id, id]);
  const { channels, byId } = useChannels(ws.id);
  const [dialog, setDialog] = useState<'edit' | 'move' | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const wsBase = `/w/${encodeURIComponent(ws.id)}`;
  const boardHref = `${wsBase}/briefs`;

  const createdParam = search.get('created');
  useEffect(() => {
    if (!createdParam) return;
    setMessage({ kind: 'created' });
    navigate(pathname, { replace: true });
  }, [createdParam, pathname]);

  const back = (
    <Link to={boardHref} className="text-link brief-back" data-testid="brief-back">
      <Icon name="arrowLeft" size={16} />
      <span>{t('briefs.page.back')}</span>
    </Link>
  );

  if (brief.loading && !brief.data) return <Loading block />;
  if (brief.error || !brief.data) {
    const gone = isApiError(brief.error) && brief.error.status === 404;
    return (
      <div className="page briefs-page">
        <PageHeader eyebrow={back} title={gone ? t('briefs.page.notFound') : t('briefs.page.title')} />
        <ErrorAlert error={brief.error} onRetry={gone ? undefined : () => void brief.reload()} />
      </div>
    );
  }

  const b = brief.data;
  const update = (next: BriefDetail, msg: Message) => {
    brief.setData(next);
    setDialog(null);
    setMessage(msg);
  };
  const canMove = mayMoveBriefs(ws.role);
  const canEdit = mayEditBrief(ws.role, user.id, b);
  const newPostHref = mayWritePosts(ws.role) ? `${wsBase}/posts/new?brief=${encodeURIComponent(b.id)}` : null;

  const actions = (
    <>
      {canEdit && (
        <Button icon={<Icon name="edit" />} onClick={() => setDialog('edit')} data-testid="brief-edit">
          {t('briefs.page.edit')}
        </Button>
      )}
      {canMove && (
        <Button icon={<Icon name="chevrons" />} onClick={() => setDialog('move')} data-testid="brief-move">
          {t('briefs.page.move')}
        </Button>
      )}
      {newPostHref && (
        <Link to={newPostHref} className="btn btn-primary" data-testid="brief-make-post">
          <Icon name="plus" />
          <span>{t('briefs.page.makePost')}</span>
        </Link>
      )}
    </>
  );

  return (
    <div className="page briefs-page" data-testid="brief-page" data-brief-id={b.id} data-status={b.status}>
      <PageHeader eyebrow={back} title={b.title} actions={actions} />
      {message && (
        <Notice onDismiss={() => setMessage(null)} testId="brief-notice">
          {message.kind === 'moved' ? t('briefs.page.moved', { status: t(`briefs.status.${message.status}`) }) : t(`briefs.page.${message.kind}`)}
        </Notice>
      )}
      <div className="brief-status-line">
        <Badge tone={STATUS_TONE[b.status]}>
          <span data-testid="brief-status">{t(`briefs.status.${b.status}`)}</span>
        </Badge>
        <span className="muted">
          {t('briefs.page.writtenBy', { name: b.createdBy.name })}{' '}
          <time dateTime={b.createdAt} title={formatDateTime(b.createdAt)}>
            {formatDate(b.createdAt)}
          </time>
        </span>
      </div>
      {b.status === 'declined' && (
        <div className="brief-declined" data-testid="brief-declined">
          <Icon name="alert" size={20} />
          <div>
            <h2 className="brief-declined-title">{t('briefs.page.declinedTitle')}</h2>
            <p className="brief-text" data-testid="brief-decline-reason-text">
              {b.declineReason?.trim() || t('briefs.page.declinedNoReason')}
            </p>
          </div>
        </div>
      )}
      <div className="brief-layout">
        <div className="brief-main">
          <BriefFacts brief={b} channelsById={byId} />
          <BriefAttachments workspaceId={ws.id} attachments={b.attachments ?? []} />
          <BriefComments
            workspaceId={ws.id}
            brief={b}
            organizationId={ws.workspace?.organization.id ?? null}
            canWrite={mayWriteBriefs(ws.role)}
            onChanged={(next) => brief.setData(next)}
          />
        </div>
        <div className="brief-aside">
          <BriefPosts workspaceId={ws.id} briefId={b.id} newPostHref={newPostHref} />
        </div>
      </div>
      {dialog === 'edit' && (
        <BriefFormDialog workspaceId={ws.id} channels={channels} brief={b} onClose={() => setDialog(null)} onSaved={(next) => update(next, { kind: 'saved' })} />
      )}
      {dialog === 'move' && (
        <BriefMoveDialog workspaceId={ws.id} brief={b} onClose={() => setDialog(null)} onMoved={(next) => update(next, { kind: 'moved', status: next.status })} />
      )}
    </div>
  );
}
