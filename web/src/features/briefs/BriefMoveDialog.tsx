import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { TextAreaField } from '../../components/Field';
import { fieldError } from '../../lib/errors';
import { BRIEF_STATUSES, briefsApi, type BriefDetail, type BriefStatus } from './api';

/** "Verplaatsen naar…": pick another column; declining asks for a reason, which the author reads. */
export function BriefMoveDialog({
  workspaceId,
  brief,
  onClose,
  onMoved,
}: {
  workspaceId: string;
  brief: BriefDetail;
  onClose: () => void;
  onMoved: (b: BriefDetail) => void;
}) {
  const { t } = useTranslation();
  const targets = BRIEF_STATUSES.filter((s) => s !== brief.status);
  const [status, setStatus] = useState<BriefStatus>(targets[0]);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const declining = status === 'declined';

  async function submit(e: FormEvent): Promise<void> {
    e.preventDefault();
    setError(null);
    if (declining && !reason.trim()) {
      setMissing(true);
      document.getElementById('brief-decline-reason')?.focus();
      return;
    }
    setMissing(false);
    setBusy(true);
    try {
      onMoved(await briefsApi.setStatus(workspaceId, brief.id, status, declining ? reason.trim() : null));
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  }

  const reasonError = missing ? t('briefs.move.reasonRequired') : fieldError(error, 'reason');
  return (
    <Dialog
      title={t('briefs.move.title')}
      description={t('briefs.move.text', { status: t(`briefs.status.${brief.status}`) })}
      onClose={busy ? () => undefined : onClose}
      testId="brief-move-dialog"
      size="sm"
    >
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <fieldset className="fieldset brief-move-options">
          <legend>{t('briefs.move.to')}</legend>
          {targets.map((s, i) => (
            <label key={s} className="radio-row">
              <input
                type="radio"
                name="brief-status"
                value={s}
                checked={status === s}
                onChange={() => setStatus(s)}
                data-testid={`brief-move-${s}`}
                data-autofocus={i === 0 ? true : undefined}
              />
              <span className={`brief-status-dot status-${s}`} aria-hidden="true" />
              <span>{t(`briefs.status.${s}`)}</span>
            </label>
          ))}
        </fieldset>
        {declining && (
          <TextAreaField
            id="brief-decline-reason"
            label={t('briefs.move.reason')}
            hint={t('briefs.move.reasonHint')}
            value={reason}
            onChange={setReason}
            required
            maxLength={2000}
            rows={3}
            error={reasonError}
            data-testid="brief-decline-reason"
          />
        )}
        {error && !fieldError(error, 'reason') ? <ErrorAlert error={error} /> : null}
        <div className="dialog-footer">
          <Button onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" variant={declining ? 'danger' : 'primary'} loading={busy} data-testid="brief-move-submit">
            {declining ? t('briefs.move.decline') : t('briefs.move.submit', { status: t(`briefs.status.${status}`) })}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
