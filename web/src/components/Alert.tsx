import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../lib/errors';
import { Icon } from './Icon';

/** An inline error from an API call (or any error), in the current language; role="alert". */
export function ErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <div className="alert alert-error" role="alert" data-testid="error-alert">
      <Icon name="alert" />
      <div className="alert-body">
        <span>{errorText(t, error)}</span>
        {onRetry && (
          <button type="button" className="link-button" onClick={onRetry}>
            {t('common.retry')}
          </button>
        )}
      </div>
    </div>
  );
}

/** A success or info notice; role="status" so it is announced without stealing focus. */
export function Notice({
  tone = 'success',
  children,
  onDismiss,
  testId,
}: {
  tone?: 'success' | 'info' | 'warning';
  children: ReactNode;
  onDismiss?: () => void;
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <div className={`alert alert-${tone}`} role="status" data-testid={testId}>
      <Icon name={tone === 'success' ? 'check' : tone === 'warning' ? 'alert' : 'info'} />
      <div className="alert-body">{children}</div>
      {onDismiss && (
        <button type="button" className="icon-button" onClick={onDismiss} aria-label={t('common.dismiss')}>
          <Icon name="x" size={16} />
        </button>
      )}
    </div>
  );
}
