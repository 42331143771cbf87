import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { Icon } from '../../components/Icon';

/** The lines of an ERR_VALIDATION answer (`details.problems`, or zod-like issues), or nothing. */
export function validationProblems(error: unknown): string[] {
  if (!isApiError(error) || error.code !== 'ERR_VALIDATION') return [];
  const d = error.details as { problems?: unknown; issues?: unknown } | unknown[] | null | undefined;
  const list: unknown = Array.isArray(d)
    ? d
    : d && typeof d === 'object'
      ? ((d as { problems?: unknown }).problems ?? (d as { issues?: unknown }).issues)
      : undefined;
  if (!Array.isArray(list)) return [];
  return list
    .map((p) => {
      if (typeof p === 'string') return p;
      if (p && typeof p === 'object') {
        const o = p as { path?: unknown; message?: unknown };
        const path = Array.isArray(o.path) ? o.path.join('.') : typeof o.path === 'string' ? o.path : '';
        const msg = typeof o.message === 'string' ? o.message : '';
        return path ? `${path}: ${msg}` : msg;
      }
      return '';
    })
    .filter(Boolean);
}

/** Shows the server's validation lines in an alert (the server writes them in plain English). */
export function ServerProblems({ error, lines }: { error?: unknown; lines?: string[] }) {
  const { t } = useTranslation();
  const problems = lines ?? validationProblems(error);
  if (problems.length === 0) return null;
  return (
    <div className="alert alert-error" role="alert" data-testid="server-problems">
      <Icon name="alert" />
      <div className="alert-body">
        <span>{t('inboxSettings.serverProblems')}</span>
        <ul className="ibx-problem-list" lang="en">
          {problems.map((p, i) => (
            <li key={i}>{p}</li>
          ))}
        </ul>
      </div>
    </div>
  );
}

/** Whether ServerProblems shows this error (so the caller need not show it again). */
ServerProblems.handles = (error: unknown): boolean => validationProblems(error).length > 0;
