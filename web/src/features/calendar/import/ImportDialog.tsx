import { useEffect, useId, useMemo, useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { readPostRows, type ImportError, type ImportRow } from '../../../../../src/core/content/csv-import';
import { Button } from '../../../components/Button';
import { Dialog } from '../../../components/Dialog';
import { Icon } from '../../../components/Icon';
import { calendarApi, type CampaignItem, type ChannelItem } from '../api';
import { todayIn } from '../time';
import { decodeCsv, runImport, templateCsv, type NameSources, type RowOutcome } from './importRows';
import { ImportPreview } from './ImportPreview';
import { ImportSummary } from './ImportSummary';

const MAX_BYTES = 5 * 1024 * 1024;

type Phase =
  | { kind: 'choose'; problem: string | null }
  | { kind: 'checked'; fileName: string; rows: ImportRow[]; errors: ImportError[] }
  | { kind: 'running'; rows: ImportRow[]; done: number; stopping: boolean }
  | { kind: 'done'; outcomes: RowOutcome[]; rest: ImportRow[] };

/**
 * "Importeren uit CSV": choose a file, see in the browser which rows are fine and which are not, then create the
 * posts one by one (with their time when the row has one), with progress, a stop button and a summary.
 */
export function ImportDialog({
  workspaceId,
  channels,
  campaigns,
  timeZone,
  onImported,
  onClose,
}: {
  workspaceId: string;
  channels: ChannelItem[];
  campaigns: CampaignItem[];
  timeZone: string;
  onImported: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const fileId = useId();
  const [phase, setPhase] = useState<Phase>({ kind: 'choose', problem: null });
  const stop = useRef(false);
  const connected = useMemo(() => channels.filter((c) => !c.disconnectedAt), [channels]);
  const names = useMemo<NameSources>(
    () => ({ channels: connected, campaigns, timeZone }),
    [connected, campaigns, timeZone],
  );

  const [templateUrl, setTemplateUrl] = useState<string | null>(null);
  useEffect(() => {
    const csv = templateCsv({
      channelNames: connected.map((c) => c.name),
      today: todayIn(timeZone, new Date()),
      texts: [t('calendar.import.template.first'), t('calendar.import.template.second')],
    });
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    setTemplateUrl(url);
    return () => URL.revokeObjectURL(url);
  }, [connected, timeZone, t]);

  useEffect(
    () => () => {
      stop.current = true;
    },
    [],
  );

  async function choose(e: ChangeEvent<HTMLInputElement>): Promise<void> {
    const file = e.target.files?.[0];
    if (!file) return;
    if (file.size > MAX_BYTES) {
      setPhase({ kind: 'choose', problem: t('calendar.import.tooBig') });
      return;
    }
    try {
      const text = decodeCsv(await file.arrayBuffer());
      const result = readPostRows(text, { channels: connected, campaigns, timeZone, now: new Date() });
      setPhase({ kind: 'checked', fileName: file.name, rows: result.rows, errors: result.errors });
    } catch {
      setPhase({ kind: 'choose', problem: t('calendar.import.unreadable') });
    }
  }

  async function start(rows: ImportRow[]): Promise<void> {
    stop.current = false;
    setPhase({ kind: 'running', rows, done: 0, stopping: false });
    const result = await runImport(
      rows,
      {
        create: (body) => calendarApi.createPost(workspaceId, body),
        schedule: (id, version, at) => calendarApi.schedule(workspaceId, id, version, at),
      },
      {
        stop: () => stop.current,
        onOutcome: (_, done) => setPhase((p) => (p.kind === 'running' ? { ...p, done } : p)),
      },
    );
    setPhase({ kind: 'done', outcomes: result.outcomes, rest: result.rest });
    if (result.outcomes.some((o) => o.status !== 'failed')) onImported();
  }

  // The button that was pressed disappears when the phase changes: give focus to the one that takes its place.
  useEffect(() => {
    const id =
      phase.kind === 'running' ? 'calendar-import-cancel' : phase.kind === 'done' ? 'calendar-import-close' : null;
    if (id) document.querySelector<HTMLElement>(`[data-testid="${id}"]`)?.focus();
  }, [phase.kind]);

  function requestStop(): void {
    stop.current = true;
    setPhase((p) => (p.kind === 'running' ? { ...p, stopping: true } : p));
  }

  const running = phase.kind === 'running';
  const footer =
    phase.kind === 'running' ? (
      <Button
        variant="danger-ghost"
        onClick={requestStop}
        aria-disabled={phase.stopping || undefined}
        data-testid="calendar-import-cancel"
      >
        {phase.stopping ? t('calendar.import.stopping') : t('calendar.import.stop')}
      </Button>
    ) : phase.kind === 'done' ? (
      <Button variant="primary" onClick={onClose} data-testid="calendar-import-close">
        {t('common.close')}
      </Button>
    ) : (
      <>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        {phase.kind === 'checked' && phase.rows.length > 0 && (
          <Button variant="primary" onClick={() => void start(phase.rows)} data-testid="calendar-import-start">
            {t('calendar.import.start', { count: phase.rows.length })}
          </Button>
        )}
      </>
    );

  return (
    <Dialog
      title={t('calendar.import.title')}
      description={
        phase.kind === 'choose' || phase.kind === 'checked' ? t('calendar.import.description', { timeZone }) : undefined
      }
      onClose={running ? requestStop : onClose}
      testId="calendar-import-dialog"
      footer={footer}
    >
      {(phase.kind === 'choose' || phase.kind === 'checked') && (
        <div className="cal-import-choose">
          <div className="field">
            <label htmlFor={fileId} className="field-label">
              {t('calendar.import.file')}
            </label>
            <input
              id={fileId}
              type="file"
              accept=".csv,text/csv"
              className="cal-file-input"
              onChange={(e) => void choose(e)}
              aria-describedby={`${fileId}-hint`}
              data-testid="calendar-import-file"
            />
            <p id={`${fileId}-hint`} className="field-hint">
              {t('calendar.import.fileHint')}
            </p>
            {phase.kind === 'choose' && phase.problem && (
              <p className="field-error" role="alert">
                {phase.problem}
              </p>
            )}
          </div>
          {templateUrl && (
            <a
              href={templateUrl}
              download={t('calendar.import.template.fileName')}
              className="text-link cal-template-link"
              data-testid="calendar-import-template"
            >
              <Icon name="download" size={15} />
              <span>{t('calendar.import.template.link')}</span>
            </a>
          )}
        </div>
      )}
      {phase.kind === 'checked' && (
        <>
          {phase.rows.length === 0 && phase.errors.length === 0 && (
            <p className="muted">{t('calendar.import.emptyFile')}</p>
          )}
          <ImportPreview
            rows={phase.rows}
            errors={phase.errors}
            channels={connected}
            campaigns={campaigns}
            timeZone={timeZone}
          />
        </>
      )}
      {phase.kind === 'running' && <Progress done={phase.done} total={phase.rows.length} />}
      {phase.kind === 'done' && (
        <ImportSummary workspaceId={workspaceId} outcomes={phase.outcomes} rest={phase.rest} names={names} />
      )}
    </Dialog>
  );
}

function Progress({ done, total }: { done: number; total: number }) {
  const { t } = useTranslation();
  const label = t('calendar.import.progressLabel');
  return (
    <div className="cal-progress-wrap">
      <div
        className="cal-progress"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
        aria-valuetext={t('calendar.import.progress', { done, total })}
        data-testid="calendar-import-progress"
      >
        <div className="cal-progress-bar" style={{ width: `${total ? (done / total) * 100 : 0}%` }} />
      </div>
      <p className="muted small" aria-hidden="true">
        {t('calendar.import.progress', { done, total })}
      </p>
    </div>
  );
}
