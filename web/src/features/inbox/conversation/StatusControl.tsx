import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button';
import { formatDateTime } from '../../../lib/format';
import { STATUSES, type ConversationPatch, type Status } from '../api';

/** "2026-03-04T09:00" for a datetime-local input: tomorrow at 09:00 local time. */
function tomorrowMorning(): string {
  const d = new Date();
  d.setDate(d.getDate() + 1);
  d.setHours(9, 0, 0, 0);
  return toLocalInput(d);
}

function toLocalInput(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Open / pending / snoozed until (a date and time) / resolved. Snoozing asks for the moment first. */
export function StatusControl({
  status,
  snoozedUntil,
  disabled,
  busy,
  onPatch,
}: {
  status: Status;
  snoozedUntil: string | null;
  disabled: boolean;
  busy: boolean;
  onPatch: (body: ConversationPatch) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [picking, setPicking] = useState(false);
  const [until, setUntil] = useState(tomorrowMorning);
  const [invalid, setInvalid] = useState(false);

  function choose(next: Status): void {
    if (next === 'snoozed') {
      setUntil(snoozedUntil ? toLocalInput(new Date(snoozedUntil)) : tomorrowMorning());
      setInvalid(false);
      setPicking(true);
      return;
    }
    setPicking(false);
    void onPatch({ status: next });
  }

  async function snooze(): Promise<void> {
    const at = new Date(until);
    if (Number.isNaN(at.getTime()) || at.getTime() <= Date.now()) {
      setInvalid(true);
      return;
    }
    if (await onPatch({ status: 'snoozed', snoozedUntil: at.toISOString() })) setPicking(false);
  }

  return (
    <div className="conv-control conv-status">
      <label htmlFor={id} className="conv-control-label">
        {t('inbox.header.status')}
      </label>
      <select
        id={id}
        className="input select input-sm"
        value={picking ? 'snoozed' : status}
        disabled={disabled || busy}
        onChange={(e) => choose(e.target.value as Status)}
        data-testid="conv-status"
      >
        {STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(`inbox.status.${s}`)}
          </option>
        ))}
      </select>
      {status === 'snoozed' && snoozedUntil && !picking && (
        <span className="small muted">
          {t('inbox.header.snoozedUntil', { when: formatDateTime(snoozedUntil) })}{' '}
          {!disabled && (
            <button type="button" className="link-button" onClick={() => choose('snoozed')}>
              {t('inbox.header.change')}
            </button>
          )}
        </span>
      )}
      {picking && (
        <form
          className="snooze-form"
          onSubmit={(e) => {
            e.preventDefault();
            void snooze();
          }}
        >
          <label htmlFor={`${id}-until`} className="visually-hidden">
            {t('inbox.header.snoozeUntil')}
          </label>
          <input
            id={`${id}-until`}
            type="datetime-local"
            className="input input-sm"
            value={until}
            min={toLocalInput(new Date())}
            onChange={(e) => {
              setUntil(e.target.value);
              setInvalid(false);
            }}
            aria-invalid={invalid || undefined}
            aria-describedby={invalid ? `${id}-err` : undefined}
            data-testid="conv-snooze-until"
            required
          />
          <Button type="submit" size="sm" variant="primary" loading={busy} data-testid="conv-snooze">
            {t('inbox.header.snooze')}
          </Button>
          <Button size="sm" variant="ghost" onClick={() => setPicking(false)}>
            {t('common.cancel')}
          </Button>
          {invalid && (
            <p id={`${id}-err`} className="field-error">
              {t('inbox.header.snoozeFuture')}
            </p>
          )}
        </form>
      )}
    </div>
  );
}
