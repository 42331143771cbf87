import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useTitle } from '../lib/useTitle';
import { LanguageSwitch } from './LanguageSwitch';
import { Logo } from './Logo';

/** Centered card for the signed-out pages (setup, login, invitation…), with the language switch. */
export function AuthLayout({
  title,
  lead,
  children,
  footer,
  wide = false,
}: {
  title: string;
  lead?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
  wide?: boolean;
}) {
  const { t } = useTranslation();
  useTitle(title);
  return (
    <div className="auth">
      <header className="auth-header">
        <Logo />
        <LanguageSwitch compact />
      </header>
      <main id="main" className="auth-main">
        <div className={wide ? 'auth-card wide' : 'auth-card'}>
          <h1 className="auth-title">{title}</h1>
          {lead && <p className="auth-lead">{lead}</p>}
          {children}
        </div>
        {footer && <div className="auth-footer">{footer}</div>}
      </main>
      <footer className="auth-legal">
        <p>{t('app.tagline')}</p>
      </footer>
    </div>
  );
}
