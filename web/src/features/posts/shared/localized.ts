import { useTranslation } from 'react-i18next';
import type { Localized } from '../api';

/** Picks the text of a {nl, en} pair in the UI language (the other one when it is empty). */
export function useLocalized(): (l: Localized | null | undefined) => string {
  const { i18n } = useTranslation();
  const nl = i18n.language === 'nl';
  return (l) => (l ? (nl ? l.nl || l.en : l.en || l.nl) : '');
}
