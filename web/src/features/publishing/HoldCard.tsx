import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Dialog } from '../../components/Dialog';
import { TextAreaField } from '../../components/Field';
import { Icon } from '../../components/Icon';
import { formatDateTime } from '../../lib/format';
import { announceHoldChanged, publishingApi, type PublishingSettings, type ResumeAnswer } from './api';

/** The hold switch: pause everything (with a reason) or resume; while held, a prominent banner says why and since when. */

function HoldDialog({ workspaceId, onClose, onHeld }: { workspaceId: string; onClose: () => void; onHeld: (s: PublishingSettings) => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function submit(e?: FormEvent): Promise<void> {
    e?.preventDefault();
    if (!reason.trim()) {
      setMissing(true);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onHeld(await publishingApi.hold(workspaceId, reason.trim()));
      onClose();
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  }

  return (
    <Dialog
      title={t('publishing.hold.dialogTitle')}
      description={t('publishing.hold.dialogText')}
      onClose={busy ? () => undefined : onClose}
      testId="hold-dialog"
      footer={
        <>
          <Button onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button variant="danger" loading={busy} onClick={() => void submit()} data-testid="hold-confirm">
            {t('publishing.hold.pause')}
          </Button>
        </>
      }
    >
      <form onSubmit={(e) => void submit(e)} noValidate className="form">
        <TextAreaField
          label={t('publishing.hold.reason')}
          hint={t('publishing.hold.reasonHint')}
          value={reason}
          onChange={(v) => {
            setReason(v);
            if (v.trim()) setMissing(false);
          }}
          required
          rows={3}
          maxLength={1000}
          error={missing ? t('publishing.hold.reasonRequired') : null}
          data-testid="hold-reason"
        />
        {error ? <ErrorAlert error={error} /> : null}
      </form>
    </Dialog>
  );
}

export function HoldCard({
  workspaceId,
  settings,
  isOwner,
  onChanged,
  onResumed,
}: {
  workspaceId: string;
  settings: PublishingSettings;
  isOwner: boolean;
  onChanged: (s: PublishingSettings) => void;
  onResumed: (a: ResumeAnswer) => void;
}) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<'hold' | 'resume' | null>(null);
  const hold = settings.hold;

  if (!hold) {
    return (
      <section className="card hold-card" aria-labelledby="hold-title" data-testid="hold-card" data-held="false">
        <div className="hold-card-main">
          <span className="hold-icon hold-icon-on" aria-hidden="true">
            <Icon name="check" size={22} />
          </span>
          <div className="hold-card-text">
            <h2 id="hold-title" className="hold-title">
              {t('publishing.hold.onTitle')}
            </h2>
            <p>{t('publishing.hold.onText')}</p>
            {!isOwner && <p className="muted small">{t('publishing.hold.ownerOnly')}</p>}
          </div>
          {isOwner && (
            <Button variant="danger" className="hold-button" onClick={() => setDialog('hold')} data-testid="hold-button">
              {t('publishing.hold.pause')}
            </Button>
          )}
        </div>
        {dialog === 'hold' && (
          <HoldDialog
            workspaceId={workspaceId}
            onClose={() => setDialog(null)}
            onHeld={(s) => {
              onChanged(s);
              announceHoldChanged(workspaceId);
            }}
          />
        )}
      </section>
    );
  }

  return (
    <section className="hold-card hold-card-held" aria-labelledby="hold-title" data-testid="hold-card" data-held="true">
      <div className="hold-card-main">
        <span className="hold-icon hold-icon-off" aria-hidden="true">
          <Icon name="alert" size={22} />
        </span>
        <div className="hold-card-text">
          <h2 id="hold-title" className="hold-title">
            {t('publishing.hold.offTitle')}
          </h2>
          <blockquote className="hold-reason" data-testid="hold-reason-shown">
            {hold.reason}
          </blockquote>
          <p>{t('publishing.hold.since', { name: hold.byName ?? t('publishing.hold.someOwner'), date: formatDateTime(hold.at) })}</p>
          <p className="strong" data-testid="hold-waiting">
            {t('publishing.hold.waiting', { count: settings.heldVariants })}
          </p>
          <p className="small">{t('publishing.hold.offText')}</p>
          {!isOwner && <p className="small">{t('publishing.hold.ownerOnlyResume')}</p>}
        </div>
        {isOwner && (
          <Button variant="primary" className="hold-button" icon={<Icon name="refresh" size={16} />} onClick={() => setDialog('resume')} data-testid="resume-button">
            {t('publishing.hold.resume')}
          </Button>
        )}
      </div>
      {dialog === 'resume' && (
        <ConfirmDialog
          testId="resume-dialog"
          tone="primary"
          title={t('publishing.hold.resumeTitle')}
          description={t('publishing.hold.resumeText')}
          confirmLabel={t('publishing.hold.resume')}
          onClose={() => setDialog(null)}
          onConfirm={async () => {
            const answer = await publishingApi.resume(workspaceId);
            onResumed(answer);
            announceHoldChanged(workspaceId);
          }}
        />
      )}
    </section>
  );
}
