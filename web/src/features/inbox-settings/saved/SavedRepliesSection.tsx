import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, Notice } from '../../../components/Alert';
import { Button } from '../../../components/Button';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { DataTable } from '../../../components/DataTable';
import { EmptyState } from '../../../components/EmptyState';
import { Icon } from '../../../components/Icon';
import { SkeletonRows } from '../../../components/Loading';
import { formatDate } from '../../../lib/format';
import { useApi } from '../../../lib/useApi';
import { inboxSettingsApi, type SavedReply } from '../api';
import { SavedReplyDialog } from './SavedReplyDialog';

/** The shared saved replies: everyone who answers may add and edit them; owners may delete them. */
export function SavedRepliesSection({
  workspaceId,
  mayEdit,
  mayDelete,
  agentName,
  organizationName,
}: {
  workspaceId: string;
  mayEdit: boolean;
  mayDelete: boolean;
  agentName: string;
  organizationName: string;
}) {
  const { t } = useTranslation();
  const list = useApi(() => inboxSettingsApi.savedReplies(workspaceId), [workspaceId]);
  const [editing, setEditing] = useState<SavedReply | 'new' | null>(null);
  const [deleting, setDeleting] = useState<SavedReply | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const items = list.data;

  const addButton = mayEdit ? (
    <Button variant="primary" icon={<Icon name="plus" size={16} />} onClick={() => setEditing('new')} data-testid="saved-add">
      {t('inboxSettings.saved.add')}
    </Button>
  ) : null;

  return (
    <section className="card" aria-labelledby="ibx-saved-title" data-testid="inbox-saved-replies">
      <div className="card-head ibx-card-head">
        <div>
          <h2 id="ibx-saved-title" className="card-title">
            {t('inboxSettings.saved.title')}
          </h2>
          <p className="card-lead">{t('inboxSettings.saved.lead')}</p>
        </div>
        {items && items.length > 0 && addButton}
      </div>
      {notice && (
        <Notice onDismiss={() => setNotice(null)} testId="saved-notice">
          {notice}
        </Notice>
      )}
      {list.loading && !items ? (
        <SkeletonRows rows={3} />
      ) : list.error && !items ? (
        <ErrorAlert error={list.error} onRetry={() => void list.reload()} />
      ) : !items || items.length === 0 ? (
        <EmptyState icon="book" title={t('inboxSettings.saved.emptyTitle')} action={addButton} testId="saved-empty">
          <p>{t('inboxSettings.saved.emptyText')}</p>
        </EmptyState>
      ) : (
        <DataTable
          label={t('inboxSettings.saved.title')}
          testId="saved-table"
          actions={mayEdit || mayDelete}
          columns={[
            t('inboxSettings.saved.titleLabel'),
            t('inboxSettings.saved.language'),
            t('inboxSettings.saved.used'),
            t('inboxSettings.saved.updated'),
          ]}
        >
          {items.map((r) => (
            <tr key={r.id} data-saved-id={r.id}>
              <td>
                <span className="strong">{r.title}</span>
                <span className="muted small ibx-block ibx-clamp">{r.body}</span>
              </td>
              <td>{r.language ? t(`inboxSettings.languages.${r.language}`) : t('inboxSettings.saved.anyLanguage')}</td>
              <td>{r.usedCount}</td>
              <td>
                {formatDate(r.updatedAt)}
                {r.createdByName && <span className="muted small ibx-block">{t('inboxSettings.saved.by', { name: r.createdByName })}</span>}
              </td>
              {(mayEdit || mayDelete) && (
                <td className="col-actions">
                  <div className="row-actions">
                    {mayEdit && (
                      <Button
                        size="sm"
                        onClick={() => setEditing(r)}
                        aria-label={t('inboxSettings.saved.editNamed', { name: r.title })}
                        data-testid="saved-edit"
                      >
                        {t('inboxSettings.saved.editShort')}
                      </Button>
                    )}
                    {mayDelete && (
                      <Button
                        size="sm"
                        variant="danger-ghost"
                        onClick={() => setDeleting(r)}
                        aria-label={t('inboxSettings.saved.deleteNamed', { name: r.title })}
                        data-testid="saved-delete"
                      >
                        {t('inboxSettings.saved.delete')}
                      </Button>
                    )}
                  </div>
                </td>
              )}
            </tr>
          ))}
        </DataTable>
      )}
      {editing && (
        <SavedReplyDialog
          workspaceId={workspaceId}
          reply={editing === 'new' ? null : editing}
          agentName={agentName}
          organizationName={organizationName}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            setNotice(t('inboxSettings.saved.savedNotice', { name: saved.title }));
            void list.reload();
          }}
        />
      )}
      {deleting && (
        <ConfirmDialog
          title={t('inboxSettings.saved.deleteTitle', { name: deleting.title })}
          description={t('inboxSettings.saved.deleteText')}
          confirmLabel={t('inboxSettings.saved.delete')}
          onClose={() => setDeleting(null)}
          onConfirm={async () => {
            await inboxSettingsApi.deleteSavedReply(workspaceId, deleting.id);
            setNotice(t('inboxSettings.saved.deleted', { name: deleting.title }));
            await list.reload();
          }}
          testId="saved-delete-dialog"
        />
      )}
    </section>
  );
}
