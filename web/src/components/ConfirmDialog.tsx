import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from './Button';
import { Dialog } from './Dialog';
import { ErrorAlert } from './Alert';

/** "Are you sure?" for destructive actions; shows the action's error inline and stays open on failure. */
export function ConfirmDialog({
  title,
  description,
  confirmLabel,
  onConfirm,
  onClose,
  children,
  testId = 'confirm-dialog',
  tone = 'danger',
}: {
  title: ReactNode;
  description?: ReactNode;
  confirmLabel: string;
  onConfirm: () => Promise<void>;
  onClose: () => void;
  children?: ReactNode;
  testId?: string;
  tone?: 'danger' | 'primary';
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function confirm(): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
      onClose();
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  }

  return (
    <Dialog
      title={title}
      description={description}
      onClose={busy ? () => undefined : onClose}
      testId={testId}
      size="sm"
      footer={
        <>
          <Button onClick={onClose} disabled={busy} data-autofocus={children ? undefined : true}>
            {t('common.cancel')}
          </Button>
          <Button variant={tone} onClick={() => void confirm()} loading={busy} data-testid="confirm-button">
            {confirmLabel}
          </Button>
        </>
      }
    >
      {children || error ? (
        <>
          {children}
          {error ? <ErrorAlert error={error} /> : null}
        </>
      ) : undefined}
    </Dialog>
  );
}
