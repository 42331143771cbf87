import { useTranslation } from 'react-i18next';
import { SelectField, TextField, Toggle } from '../../../components/Field';
import { CTA_TYPES, INSTRUMENTS, type Instrument } from '../../../../../src/core/content/post-content';
import type { Draft } from './draft';
import { errorAt } from './fieldErrors';
import { PollFields } from './PollFields';

type Change = (f: (d: Draft) => Draft) => void;

/** The practical form of the message (post, call to action, poll, link, thread, event) and that form's own fields. */
export function InstrumentFields({ draft, onChange, onInstrument, error }: { draft: Draft; onChange: Change; onInstrument: (i: Instrument) => void; error: unknown }) {
  const { t } = useTranslation();
  const field = (path: string) => errorAt(error, `content.${path}`);
  const url = (path: string) => (field(path) ? t('posts.fieldErrors.url') : undefined);

  return (
    <fieldset className="fieldset" data-testid="instrument-fields">
      <legend>{t('posts.composer.instrument')}</legend>
      <div className="instrument-choice" role="radiogroup" aria-label={t('posts.composer.instrument')}>
        {INSTRUMENTS.map((i) => (
          <label key={i} className={`instrument-option${draft.instrument === i ? ' is-on' : ''}`}>
            <input type="radio" name="instrument" value={i} checked={draft.instrument === i} onChange={() => onInstrument(i)} data-testid={`instrument-${i}`} />
            <span>{t(`posts.instrument.${i}`)}</span>
          </label>
        ))}
      </div>
      <p className="field-hint">{t(`posts.instrumentHint.${draft.instrument}`)}</p>

      {draft.instrument === 'cta' && (
        <div className="form-grid">
          <SelectField
            label={t('posts.cta.type')}
            value={draft.cta.type}
            options={CTA_TYPES.map((c) => ({ value: c, label: t(`posts.ctaType.${c}`) }))}
            onChange={(v) => onChange((d) => ({ ...d, cta: { ...d.cta, type: v as Draft['cta']['type'] } }))}
            data-testid="cta-type"
          />
          <TextField label={t('posts.cta.text')} value={draft.cta.text} maxLength={200} error={field('cta.text')} onChange={(v) => onChange((d) => ({ ...d, cta: { ...d.cta, text: v } }))} data-testid="cta-text" />
          <TextField label={t('posts.cta.url')} type="url" inputMode="url" placeholder="https://" value={draft.cta.url} error={url('cta.url') ?? field('cta')} onChange={(v) => onChange((d) => ({ ...d, cta: { ...d.cta, url: v } }))} data-testid="cta-url" />
        </div>
      )}

      {draft.instrument === 'poll' && <PollFields draft={draft} onChange={onChange} error={error} />}

      {draft.instrument === 'link' && (
        <div className="stack">
          <TextField label={t('posts.link.url')} type="url" inputMode="url" placeholder="https://" value={draft.link.url} error={url('link.url') ?? field('link')} onChange={(v) => onChange((d) => ({ ...d, link: { ...d.link, url: v } }))} data-testid="link-url" />
          <Toggle label={t('posts.link.utm')} description={t('posts.link.utmHint')} checked={draft.link.utm} onChange={(v) => onChange((d) => ({ ...d, link: { ...d.link, utm: v } }))} testId="link-utm" />
        </div>
      )}

      {draft.instrument === 'event' && (
        <div className="form-grid">
          <TextField label={t('posts.event.name')} value={draft.event.name} maxLength={200} error={field('event.name')} onChange={(v) => onChange((d) => ({ ...d, event: { ...d.event, name: v } }))} data-testid="event-name" />
          <TextField label={t('posts.event.startsAt')} type="datetime-local" value={draft.event.startsAt} error={field('event.startsAt') ? t('posts.fieldErrors.dateTime') : field('event')} onChange={(v) => onChange((d) => ({ ...d, event: { ...d.event, startsAt: v } }))} data-testid="event-starts" />
          <TextField label={t('posts.event.place')} value={draft.event.place} maxLength={300} error={field('event.place')} onChange={(v) => onChange((d) => ({ ...d, event: { ...d.event, place: v } }))} data-testid="event-place" />
        </div>
      )}
    </fieldset>
  );
}
