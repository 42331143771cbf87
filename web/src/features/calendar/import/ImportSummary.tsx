import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { ImportRow } from '../../../../../src/core/content/csv-import';
import { isApiError } from '../../../api/client';
import { Notice } from '../../../components/Alert';
import { Icon } from '../../../components/Icon';
import { errorText } from '../../../lib/errors';
import { Link } from '../../../router';
import { postPath } from '../api';
import { rowsToFixCsv, type NameSources, type RowOutcome } from './importRows';

/** The server's refusal in words: the translated code, with the details the server gave about fields. */
export function reasonOf(t: TFunction, error: unknown): string {
  const base = errorText(t, error);
  if (!isApiError(error)) return base;
  const details = error.fieldErrors.map((f) => f.message).filter(Boolean);
  return details.length ? `${base} (${details.join('; ')})` : base;
}

/**
 * What the import did: counts per outcome, the posts created without their time (with why), and the rows that were
 * not created, which can be downloaded as a CSV file to fix and import again.
 */
export function ImportSummary({
  workspaceId,
  outcomes,
  rest,
  names,
}: {
  workspaceId: string;
  outcomes: RowOutcome[];
  /** Rows not attempted because the import was stopped. */
  rest: ImportRow[];
  names: NameSources;
}) {
  const { t } = useTranslation();
  const count = (s: RowOutcome['status']) => outcomes.filter((o) => o.status === s).length;
  const created = outcomes.length - count('failed');
  const unscheduled = outcomes.filter(
    (o): o is Extract<RowOutcome, { status: 'unscheduled' }> => o.status === 'unscheduled',
  );
  const toFix = useMemo(
    () => [
      ...outcomes.flatMap((o) => (o.status === 'failed' ? [{ row: o.row, reason: reasonOf(t, o.error) }] : [])),
      ...rest.map((row) => ({ row, reason: t('calendar.import.notAttempted') })),
    ],
    [outcomes, rest, t],
  );
  const [fixUrl, setFixUrl] = useState<string | null>(null);
  useEffect(() => {
    if (toFix.length === 0) return;
    const url = URL.createObjectURL(new Blob([rowsToFixCsv(toFix, names)], { type: 'text/csv;charset=utf-8' }));
    setFixUrl(url);
    return () => URL.revokeObjectURL(url);
  }, [toFix, names]);

  const facts: Array<[string, number, string]> = [
    [t('calendar.import.summary.scheduled'), count('scheduled'), 'scheduled'],
    [t('calendar.import.summary.waiting'), count('waiting'), 'waiting'],
    [t('calendar.import.summary.created'), count('created'), 'created'],
    [t('calendar.import.summary.unscheduled'), unscheduled.length, 'unscheduled'],
    [t('calendar.import.summary.failed'), count('failed'), 'failed'],
    [t('calendar.import.summary.notAttempted'), rest.length, 'not-attempted'],
  ];
  return (
    <div className="stack" data-testid="calendar-import-summary">
      <Notice tone={toFix.length || unscheduled.length ? 'warning' : 'success'}>
        {t('calendar.import.summary.lead', { count: created })}
        {rest.length > 0 ? ` ${t('calendar.import.summary.stopped')}` : ''}
      </Notice>
      <dl className="cal-import-facts">
        {facts
          .filter(([, n], i) => n > 0 || i < 3)
          .map(([label, n, key]) => (
            <div key={key} data-testid={`calendar-import-count-${key}`} data-count={n}>
              <dt>{label}</dt>
              <dd>{n}</dd>
            </div>
          ))}
      </dl>
      {unscheduled.length > 0 && (
        <section aria-labelledby="cal-import-unscheduled">
          <h3 id="cal-import-unscheduled" className="section-title">
            {t('calendar.import.summary.unscheduledTitle')}
          </h3>
          <ul
            className="cal-import-error-list cal-import-note-list"
            tabIndex={0}
            aria-labelledby="cal-import-unscheduled"
          >
            {unscheduled.map((o) => (
              <li key={o.row.line}>
                <Link to={postPath(workspaceId, o.postId)}>{t('calendar.import.line', { line: o.row.line })}</Link>:{' '}
                {reasonOf(t, o.error)}
              </li>
            ))}
          </ul>
        </section>
      )}
      {toFix.length > 0 && (
        <section aria-labelledby="cal-import-failed" data-testid="calendar-import-failed">
          <h3 id="cal-import-failed" className="section-title">
            {t('calendar.import.summary.failedTitle', { count: toFix.length })}
          </h3>
          <ul className="cal-import-error-list" tabIndex={0} aria-labelledby="cal-import-failed">
            {toFix.slice(0, 100).map((f) => (
              <li key={f.row.line} data-testid="calendar-import-failed-row" data-line={f.row.line}>
                <span className="strong">{t('calendar.import.line', { line: f.row.line })}</span>: {f.reason}
              </li>
            ))}
          </ul>
          {fixUrl && (
            <a
              className="btn btn-secondary cal-import-download"
              href={fixUrl}
              download="regie-import-nog-doen.csv"
              data-testid="calendar-import-failed-download"
            >
              <Icon name="download" size={16} />
              <span>{t('calendar.import.summary.download')}</span>
            </a>
          )}
        </section>
      )}
    </div>
  );
}
