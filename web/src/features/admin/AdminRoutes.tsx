import { useTranslation } from 'react-i18next';
import { AppShell } from '../../components/AppShell';
import { NotFound } from '../../components/FullMessage';
import { Icon } from '../../components/Icon';
import { useTitle } from '../../lib/useTitle';
import { useSignedIn } from '../../session/SessionContext';
import { ProvidersPage } from './ProvidersPage';

/** /admin/… — pages for administrators of this installation. */
export function AdminRoutes({ pathname }: { pathname: string }) {
  const { user } = useSignedIn();
  const path = pathname.replace(/\/+$/, '');
  return (
    <AppShell context={{ kind: 'none' }}>
      {path !== '/admin/providers' ? <NotFound /> : user.isAdmin ? <ProvidersPage /> : <AdminOnly />}
    </AppShell>
  );
}

function AdminOnly() {
  const { t } = useTranslation();
  useTitle(t('admin.only.title'));
  return (
    <div className="full-message" data-testid="admin-only">
      <div className="full-message-icon">
        <Icon name="shield" size={28} />
      </div>
      <h1>{t('admin.only.title')}</h1>
      <p>{t('admin.only.text')}</p>
    </div>
  );
}
