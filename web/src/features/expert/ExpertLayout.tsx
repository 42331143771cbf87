import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { Logo } from '../../components/Logo';
import { useTitle } from '../../lib/useTitle';

/** The signed-out frame (logo, language switch) with a wider card than the sign-in pages, for reading a conversation. */
export function ExpertLayout({ title, lead, children }: { title: string; lead?: ReactNode; children: ReactNode }) {
  const { t } = useTranslation();
  useTitle(title);
  return (
    <div className="auth">
      <header className="auth-header">
        <Logo />
        <LanguageSwitch compact />
      </header>
      <main id="main" className="auth-main">
        <div className="auth-card expert-card" data-testid="expert-page">
          <h1 className="auth-title">{title}</h1>
          {lead && <p className="auth-lead">{lead}</p>}
          {children}
        </div>
      </main>
      <footer className="auth-legal">
        <p>{t('app.tagline')}</p>
      </footer>
    </div>
  );
}
