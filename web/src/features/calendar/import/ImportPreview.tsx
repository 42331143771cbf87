import { useTranslation } from 'react-i18next';
import type { ImportError, ImportRow } from '../../../../../src/core/content/csv-import';
import { DataTable } from '../../../components/DataTable';
import type { CampaignItem, ChannelItem } from '../api';
import { dateTimeIn } from '../labels';

/** How many rows and errors are drawn; the counts always say how many there are in all. */
const SHOWN = 100;
const TEXT_SHOWN = 200;

const excerpt = (text: string) => (text.length > TEXT_SHOWN ? `${text.slice(0, TEXT_SHOWN)}…` : text);

/** The rows that can be imported, as a table, and the rows that cannot, with line, column and reason. */
export function ImportPreview({
  rows,
  errors,
  channels,
  campaigns,
  timeZone,
}: {
  rows: ImportRow[];
  errors: ImportError[];
  channels: ChannelItem[];
  campaigns: CampaignItem[];
  timeZone: string;
}) {
  const { t } = useTranslation();
  const channelName = (id: string) => channels.find((c) => c.id === id)?.name ?? id;
  const campaignName = (id?: string) => (id ? (campaigns.find((c) => c.id === id)?.name ?? '') : '');
  return (
    <>
      {errors.length > 0 && (
        <div className="cal-import-errors" data-testid="calendar-import-errors">
          <h3 id="cal-import-errors-title" className="section-title">
            {t('calendar.import.errorsTitle', { count: errors.length })}
          </h3>
          <p className="muted small">{t('calendar.import.errorsHint')}</p>
          <ul className="cal-import-error-list" tabIndex={0} aria-labelledby="cal-import-errors-title">
            {errors.slice(0, SHOWN).map((e, i) => (
              <li
                key={`${e.line}-${e.column ?? ''}-${i}`}
                data-testid="calendar-import-error"
                data-line={e.line}
                data-code={e.code}
              >
                <span className="strong">{t('calendar.import.line', { line: e.line })}</span>
                {e.column && (
                  <span className="muted">
                    {' '}
                    · {t(`calendar.import.columns.${e.column}`, { defaultValue: e.column })}
                  </span>
                )}
                <span>: {t(`calendar.import.errors.${e.code}`, { defaultValue: e.message })}</span>
              </li>
            ))}
          </ul>
          {errors.length > SHOWN && (
            <p className="muted small">{t('calendar.import.andMore', { count: errors.length - SHOWN })}</p>
          )}
        </div>
      )}
      {rows.length > 0 && (
        <div className="cal-import-preview" data-testid="calendar-import-preview">
          <h3 id="cal-import-preview-title" className="section-title">
            {t('calendar.import.previewTitle', { count: rows.length })}
          </h3>
          <div className="cal-import-scroll" tabIndex={0} role="region" aria-labelledby="cal-import-preview-title">
            <DataTable
              label={t('calendar.import.previewTitle', { count: rows.length })}
              testId="calendar-import-preview-table"
              dense
              columns={[
                t('calendar.import.col.line'),
                t('calendar.import.col.moment'),
                t('calendar.import.col.channels'),
                t('calendar.import.col.text'),
                t('calendar.import.col.campaign'),
              ]}
            >
              {rows.slice(0, SHOWN).map((r) => (
                <tr key={r.line}>
                  <td>{r.line}</td>
                  <td className="nowrap">
                    {r.scheduledAt ? (
                      dateTimeIn(Date.parse(r.scheduledAt), timeZone)
                    ) : (
                      <span className="muted">{t('calendar.import.noTime')}</span>
                    )}
                  </td>
                  <td>
                    {r.channelIds.length ? (
                      r.channelIds.map(channelName).join(', ')
                    ) : (
                      <span className="muted">{t('calendar.import.noChannels')}</span>
                    )}
                  </td>
                  <td className="cal-import-text">{excerpt(r.text)}</td>
                  <td>{campaignName(r.campaignId)}</td>
                </tr>
              ))}
            </DataTable>
          </div>
          {rows.length > SHOWN && (
            <p className="muted small">{t('calendar.import.andMoreRows', { count: rows.length - SHOWN })}</p>
          )}
        </div>
      )}
    </>
  );
}
