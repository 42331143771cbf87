import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button';
import { TextField } from '../../../components/Field';
import { Icon } from '../../../components/Icon';
import type { Draft } from './draft';
import { errorAt } from './fieldErrors';

const MAX_OPTIONS = 10;

/** A poll: question, 2–10 options, how long it runs, and a survey link for channels without native polls. */
export function PollFields({ draft, onChange, error }: { draft: Draft; onChange: (f: (d: Draft) => Draft) => void; error: unknown }) {
  const { t } = useTranslation();
  const poll = draft.poll;
  const set = (patch: Partial<Draft['poll']>) => onChange((d) => ({ ...d, poll: { ...d.poll, ...patch } }));
  const setOption = (i: number, v: string) => set({ options: poll.options.map((o, k) => (k === i ? v : o)) });

  return (
    <div className="stack">
      <TextField label={t('posts.poll.question')} value={poll.question} maxLength={300} onChange={(v) => set({ question: v })} data-testid="poll-question" />
      <fieldset className="poll-options">
        <legend className="field-label">{t('posts.poll.options')}</legend>
        {poll.options.map((o, i) => (
          <div key={i} className="poll-option-row">
            <input
              className="input"
              value={o}
              maxLength={100}
              aria-label={t('posts.poll.optionN', { n: i + 1 })}
              onChange={(e) => setOption(i, e.target.value)}
              data-testid={`poll-option-${i}`}
            />
            {poll.options.length > 2 && (
              <button type="button" className="icon-button" aria-label={t('posts.poll.removeOption', { n: i + 1 })} onClick={() => set({ options: poll.options.filter((_, k) => k !== i) })}>
                <Icon name="x" size={16} />
              </button>
            )}
          </div>
        ))}
        {errorAt(error, 'content.poll.options') && <p className="field-error">{t('posts.poll.optionsError')}</p>}
        {poll.options.length < MAX_OPTIONS && (
          <div>
            <Button size="sm" variant="ghost" icon={<Icon name="plus" size={16} />} onClick={() => set({ options: [...poll.options, ''] })} data-testid="poll-add-option">
              {t('posts.poll.addOption')}
            </Button>
          </div>
        )}
      </fieldset>
      <div className="form-grid">
        <TextField
          label={t('posts.poll.duration')}
          type="number"
          min={1}
          max={24 * 31}
          step={1}
          value={String(poll.durationHours)}
          error={errorAt(error, 'content.poll.durationHours') ? t('posts.fieldErrors.duration') : undefined}
          onChange={(v) => set({ durationHours: Number(v) || 0 })}
          data-testid="poll-duration"
        />
        <TextField
          label={t('posts.poll.surveyUrl')}
          hint={t('posts.poll.surveyHint')}
          optional
          optionalText={t('common.optional')}
          type="url"
          inputMode="url"
          placeholder="https://"
          value={poll.surveyUrl}
          error={errorAt(error, 'content.poll.surveyUrl') ? t('posts.fieldErrors.url') : undefined}
          onChange={(v) => set({ surveyUrl: v })}
          data-testid="poll-survey"
        />
      </div>
    </div>
  );
}
