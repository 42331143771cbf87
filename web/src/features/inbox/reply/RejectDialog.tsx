import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/Alert';
import { Button } from '../../../components/Button';
import { Dialog } from '../../../components/Dialog';
import { TextAreaField } from '../../../components/Field';

/** Rejecting a reply that waits for approval, with a note to its writer (why, or what to change). */
export function RejectDialog({ author, onReject, onClose }: { author: string; onReject: (note: string) => Promise<void>; onClose: () => void }) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function submit(): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      await onReject(note.trim());
      onClose();
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  }

  return (
    <Dialog
      title={t('inbox.pending.rejectTitle')}
      description={t('inbox.pending.rejectLead', { name: author })}
      onClose={busy ? () => undefined : onClose}
      testId="reject-dialog"
      size="sm"
      footer={
        <>
          <Button onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button variant="danger" loading={busy} disabled={!note.trim()} onClick={() => void submit()} data-testid="reject-confirm">
            {t('inbox.pending.rejectConfirm')}
          </Button>
        </>
      }
    >
      <TextAreaField
        label={t('inbox.pending.rejectNote')}
        value={note}
        onChange={setNote}
        rows={3}
        maxLength={2000}
        data-autofocus
        data-testid="reject-note"
      />
      {error ? <ErrorAlert error={error} /> : null}
    </Dialog>
  );
}
