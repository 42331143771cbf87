import { useTranslation } from 'react-i18next';
import { AppShell } from '../../components/AppShell';
import { NotFound } from '../../components/FullMessage';
import { PageHeader } from '../../components/PageHeader';
import { Link } from '../../router';
import { ProfilePage } from './ProfilePage';
import { SessionsPage } from './SessionsPage';
import { TokensPage } from './TokensPage';

const TABS = [
  { key: 'profile', to: '/account' },
  { key: 'sessions', to: '/account/sessions' },
  { key: 'tokens', to: '/account/tokens' },
] as const;

/** /account, /account/sessions, /account/tokens with a tab bar. */
export function AccountRoutes({ pathname }: { pathname: string }) {
  const { t } = useTranslation();
  const path = pathname.replace(/\/+$/, '') || '/account';
  const tab = TABS.find((x) => x.to === path);
  return (
    <AppShell context={{ kind: 'account' }}>
      {!tab ? (
        <NotFound />
      ) : (
        <div className="page page-narrow">
          <PageHeader title={t(`account.titles.${tab.key}`)} eyebrow={t('account.title')} />
          <nav className="tabs" aria-label={t('account.nav.label')}>
            {TABS.map((x) => (
              <Link
                key={x.key}
                to={x.to}
                className={x.key === tab.key ? 'tab active' : 'tab'}
                aria-current={x.key === tab.key ? 'page' : undefined}
                data-testid={`account-tab-${x.key}`}
              >
                {t(`account.nav.${x.key}`)}
              </Link>
            ))}
          </nav>
          {tab.key === 'profile' && <ProfilePage />}
          {tab.key === 'sessions' && <SessionsPage />}
          {tab.key === 'tokens' && <TokensPage />}
        </div>
      )}
    </AppShell>
  );
}
