import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { Icon } from '../../components/Icon';

/** The server's answer when a reconnect signs in as another account: 400 ERR_VALIDATION, details[].path 'account'. */
export function isAccountMismatch(err: unknown): boolean {
  return isApiError(err) && err.code === 'ERR_VALIDATION' && err.fieldErrors.some((f) => f.path === 'account');
}

/**
 * "You signed in as another account": a translated explanation (naming the channel's account when known) and the
 * server's own sentence, which names both accounts. `context` picks the wording: a sign-in, or a choice from a list.
 */
export function AccountMismatchAlert({
  error,
  handle,
  context = 'reconnect',
}: {
  error: unknown;
  handle?: string | null;
  context?: 'reconnect' | 'choose';
}) {
  const { t } = useTranslation();
  const serverText = isApiError(error) ? error.message : '';
  return (
    <div className="alert alert-error" role="alert" data-testid="reconnect-account-error">
      <Icon name="alert" />
      <div className="alert-body account-mismatch">
        <span className="strong">
          {handle ? t(`channels.${context}.otherAccount`, { handle }) : t(`channels.${context}.otherAccountGeneric`)}
        </span>
        {serverText && <span className="small">{serverText}</span>}
      </div>
    </div>
  );
}
