import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import nl from './nl.json';
import type { Locale } from '../api/types';

/** i18next setup: nl and en, language from the saved choice or the browser; keeps <html lang> in sync. */

export const LANGUAGES: { code: Locale; label: string }[] = [
  { code: 'nl', label: 'Nederlands' },
  { code: 'en', label: 'English' },
];

const STORAGE_KEY = 'regie.lang';

export function browserLanguage(): Locale {
  const lang = (typeof navigator !== 'undefined' && navigator.language) || 'en';
  return lang.toLowerCase().startsWith('nl') ? 'nl' : 'en';
}

function storedLanguage(): Locale | null {
  try {
    const v = window.localStorage.getItem(STORAGE_KEY);
    return v === 'nl' || v === 'en' ? v : null;
  } catch {
    return null;
  }
}

export function rememberLanguage(lang: Locale): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    /* storage may be unavailable; the choice then lasts for this page only */
  }
}

export function currentLanguage(): Locale {
  return i18n.language === 'nl' ? 'nl' : 'en';
}

type Tree = { [k: string]: string | Tree };

/** Deep-merges `extra` into `base` (feature files add their own top-level sections). */
function merge(base: Tree, extra: Tree): Tree {
  const out: Tree = { ...base };
  for (const [k, v] of Object.entries(extra)) out[k] = typeof v === 'object' && typeof out[k] === 'object' ? merge(out[k] as Tree, v) : v;
  return out;
}

/** Each feature may keep its own texts in features/<name>/locales/{nl,en}.json; they are merged in here. */
const featureTexts = import.meta.glob<Tree>('../features/*/locales/*.json', { eager: true, import: 'default' });
function withFeatures(lang: 'nl' | 'en', base: Tree): Tree {
  let out = base;
  for (const [path, texts] of Object.entries(featureTexts)) if (path.endsWith(`/${lang}.json`)) out = merge(out, texts);
  return out;
}

void i18n.use(initReactI18next).init({
  resources: { nl: { translation: withFeatures('nl', nl as Tree) }, en: { translation: withFeatures('en', en as Tree) } },
  lng: storedLanguage() ?? browserLanguage(),
  fallbackLng: 'en',
  supportedLngs: ['nl', 'en'],
  interpolation: { escapeValue: false },
  returnNull: false,
});

function syncHtmlLang(lng: string): void {
  document.documentElement.lang = lng === 'nl' ? 'nl' : 'en';
}

syncHtmlLang(i18n.language);
i18n.on('languageChanged', syncHtmlLang);

export default i18n;
