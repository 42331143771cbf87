import type { TFunction } from 'i18next';
import { isApiError } from '../../api/client';
import { errorText } from '../../lib/errors';
import i18n from '../../i18n';

/** Helpers for the channels page. */

function locale(): string {
  return i18n.language === 'nl' ? 'nl-NL' : 'en-GB';
}

/** "14:35" today, else "3 mrt 14:35". */
export function formatUntil(value: string): string {
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return '—';
  const now = new Date();
  const sameDay = d.toDateString() === now.toDateString();
  return new Intl.DateTimeFormat(
    locale(),
    sameDay ? { timeStyle: 'short' } : { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' },
  ).format(d);
}

/** Only https: and data: images are shown; anything else (http:, javascript:, relative) is not loaded. */
export function safeImageUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  const u = url.trim();
  return /^https:\/\//i.test(u) || /^data:image\//i.test(u) ? u : null;
}

/** Only http(s) links to the platform are offered. */
export function safeLinkUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  return /^https?:\/\//i.test(url.trim()) ? url.trim() : null;
}

/**
 * A channel error in the current language. ERR_CHANNEL_FAILED carries the platform's own words (what went wrong
 * and what to do), so those are shown after a translated lead.
 */
export function channelErrorText(t: TFunction, err: unknown): string {
  if (isApiError(err) && err.code === 'ERR_CHANNEL_FAILED' && err.message) {
    return `${t('channels.failedLead')} ${err.message}`;
  }
  return errorText(t, err);
}
