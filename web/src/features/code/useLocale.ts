import { useTranslation } from 'react-i18next';

/** The UI language as a code locale ('nl' or 'en'); re-renders when the language changes. */
export function useLocale(): 'nl' | 'en' {
  const { i18n } = useTranslation();
  return i18n.language === 'nl' ? 'nl' : 'en';
}
