import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { TextField } from '../../components/Field';
import type { MoveRequest } from './CalendarContext';
import { clock, isCivilDate, parseClock, zonedInstant, type CivilDate } from './time';

/**
 * The keyboard way to move a post (or give it a time): a date and a time on the workspace's clock. Stays open and
 * shows the server's answer when moving fails.
 */
export function MoveDialog({
  request,
  timeZone,
  fallbackDate,
  onMove,
  onClose,
}: {
  request: MoveRequest;
  timeZone: string;
  /** The date to offer when the post has none yet. */
  fallbackDate: CivilDate;
  onMove: (at: string) => Promise<void>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [date, setDate] = useState(request.date ?? fallbackDate);
  const [time, setTime] = useState(clock(request.hour, request.minute));
  const [fieldErrors, setFieldErrors] = useState<{ date?: string; time?: string }>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const scheduled = request.date !== null;
  const title = request.post.title || t('calendar.untitled');

  async function submit(e: FormEvent): Promise<void> {
    e.preventDefault();
    const wall = parseClock(time);
    const errs: { date?: string; time?: string } = {};
    if (!isCivilDate(date)) errs.date = t('calendar.moveDialog.badDate');
    if (!wall) errs.time = t('calendar.moveDialog.badTime');
    if (!errs.date && wall && zonedInstant(date, wall.hour, wall.minute, timeZone) < Date.now())
      errs.date = t('calendar.moveDialog.past');
    setFieldErrors(errs);
    if (errs.date || errs.time || !wall) return;
    setBusy(true);
    setError(null);
    try {
      await onMove(new Date(zonedInstant(date, wall.hour, wall.minute, timeZone)).toISOString());
      onClose();
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  }

  return (
    <Dialog
      title={scheduled ? t('calendar.moveDialog.title') : t('calendar.moveDialog.planTitle')}
      description={t('calendar.moveDialog.description', { title, timeZone })}
      onClose={busy ? () => undefined : onClose}
      testId="calendar-move-dialog"
      size="sm"
    >
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <div className="form-grid cal-move-grid">
          <TextField
            label={t('calendar.moveDialog.date')}
            type="date"
            value={date}
            onChange={setDate}
            error={fieldErrors.date}
            required
            data-testid="calendar-move-date"
          />
          <TextField
            label={t('calendar.moveDialog.time')}
            type="time"
            step={300}
            value={time}
            onChange={setTime}
            error={fieldErrors.time}
            hint={timeZone}
            required
            data-testid="calendar-move-time"
          />
        </div>
        {error ? <ErrorAlert error={error} /> : null}
        <div className="dialog-footer">
          <Button onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" variant="primary" loading={busy} data-testid="calendar-move-submit">
            {scheduled ? t('calendar.moveDialog.submit') : t('calendar.moveDialog.planSubmit')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
