import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/Icon';
import { Link } from '../../router';
import { useSignedIn } from '../../session/SessionContext';

/**
 * ERR_PROVIDER_NOT_CONFIGURED: the platform's app credentials are not entered yet. Administrators get a link to
 * enter them; everyone else is told to ask an administrator.
 */
export function ProviderNotConfigured({ platform, onNavigate }: { platform?: string; onNavigate?: () => void }) {
  const { t } = useTranslation();
  const { user } = useSignedIn();
  return (
    <div className="alert alert-warning" role="alert" data-testid="provider-not-configured">
      <Icon name="alert" />
      <div className="alert-body">
        <span>
          {platform
            ? t('channels.providerMissing.text', { platform })
            : t('channels.providerMissing.textGeneric')}{' '}
          {user.isAdmin ? null : t('channels.providerMissing.askAdmin')}
        </span>
        {user.isAdmin && (
          <Link to="/admin/providers" className="text-link" onClick={onNavigate} data-testid="provider-admin-link">
            {t('channels.providerMissing.adminLink')}
          </Link>
        )}
      </div>
    </div>
  );
}
