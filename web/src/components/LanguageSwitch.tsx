import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../api/types';
import { LANGUAGES } from '../i18n';
import { useSession } from '../session/SessionContext';
import { Icon } from './Icon';

/** Switches nl/en at once (no reload); saved on the account when signed in. Named in both languages. */
export function LanguageSwitch({ compact = false }: { compact?: boolean }) {
  const { i18n } = useTranslation();
  const { setLanguage } = useSession();
  const id = useId();
  const value = i18n.language === 'nl' ? 'nl' : 'en';
  return (
    <div className={compact ? 'lang-switch compact' : 'lang-switch'}>
      <Icon name="globe" size={16} />
      <label htmlFor={id} className="visually-hidden">
        Taal / Language
      </label>
      <select
        id={id}
        className="lang-select"
        value={value}
        onChange={(e) => void setLanguage(e.target.value as Locale)}
        data-testid="language-switch"
      >
        {LANGUAGES.map((l) => (
          <option key={l.code} value={l.code} lang={l.code}>
            {l.label}
          </option>
        ))}
      </select>
    </div>
  );
}
