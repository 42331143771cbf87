import { useTranslation } from 'react-i18next';
import { Link } from '../router';
import { useTitle } from '../lib/useTitle';
import { Icon } from './Icon';

/** Full-page message when access to a workspace is gone (removed, or the mandate was revoked/expired). */
export function AccessLost() {
  const { t } = useTranslation();
  useTitle(t('accessLost.title'));
  return (
    <div className="full-message" data-testid="access-lost">
      <div className="full-message-icon danger">
        <Icon name="lock" size={28} />
      </div>
      <h1>{t('accessLost.title')}</h1>
      <p>{t('accessLost.text')}</p>
      <Link to="/" className="btn btn-primary">
        {t('accessLost.home')}
      </Link>
    </div>
  );
}

export function NotFound() {
  const { t } = useTranslation();
  useTitle(t('notFound.title'));
  return (
    <div className="full-message" data-testid="not-found">
      <div className="full-message-icon">
        <Icon name="info" size={28} />
      </div>
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.text')}</p>
      <Link to="/" className="btn btn-primary">
        {t('accessLost.home')}
      </Link>
    </div>
  );
}

/** Shown instead of an owner-only page for other roles. */
export function OwnerOnly() {
  const { t } = useTranslation();
  return (
    <div className="full-message" data-testid="owner-only">
      <div className="full-message-icon">
        <Icon name="shield" size={28} />
      </div>
      <h1>{t('ownerOnly.title')}</h1>
      <p>{t('ownerOnly.text')}</p>
    </div>
  );
}
