import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/Alert';
import { Button } from '../../../components/Button';
import { SelectField, TextAreaField } from '../../../components/Field';
import { postsApi, type NoteInput, type PostDetail } from '../api';
import { usePostRefs } from '../PostRefs';
import { ClauseSelect } from './ClauseSelect';
import { textAt } from './suggestion';

type Kind = NoteInput['kind'];
const KINDS: Kind[] = ['comment', 'coaching', 'suggestion'];
const CORE = '__core__';

/**
 * Adds to the review thread: a comment, a coaching note (linked to a clause of the code) or a suggestion, which
 * proposes new text for the core message or one part of one channel's variant, prefilled with the current text.
 */
export function NoteForm({ workspaceId, post, onDone }: { workspaceId: string; post: PostDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const refs = usePostRefs();
  const [kind, setKind] = useState<Kind>('comment');
  const [body, setBody] = useState('');
  const [clauseId, setClauseId] = useState('');
  const [target, setTarget] = useState<string>(post.content.variants[0]?.channelId ?? CORE);
  const [part, setPart] = useState(0);
  const [text, setText] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const channelId = target === CORE ? null : target;
  const current = textAt(post.content, channelId, part);
  const proposed = text ?? current;
  const parts = channelId ? (post.content.variants.find((v) => v.channelId === channelId)?.parts.length ?? 1) : 1;
  const ready = kind === 'suggestion' ? proposed !== current : body.trim() !== '';

  async function submit(e: FormEvent): Promise<void> {
    e.preventDefault();
    if (!ready) return;
    setBusy(true);
    setError(null);
    try {
      await postsApi.addNote(workspaceId, post.id, {
        kind,
        body: body.trim(),
        clauseId: kind === 'coaching' && clauseId ? clauseId : null,
        suggestion: kind === 'suggestion' ? { channelId, part, text: proposed } : null,
      });
      setBody('');
      setClauseId('');
      setText(null);
      onDone();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="note-form" onSubmit={(e) => void submit(e)} aria-labelledby="note-form-title" data-testid="note-form">
      <h3 id="note-form-title" className="form-title">
        {t('posts.review.addTitle')}
      </h3>
      <div className="instrument-choice" role="radiogroup" aria-label={t('posts.review.kind')}>
        {KINDS.map((k) => (
          <label key={k} className={`instrument-option${kind === k ? ' is-on' : ''}`}>
            <input type="radio" name="note-kind" value={k} checked={kind === k} onChange={() => setKind(k)} data-testid={`note-kind-${k}`} />
            <span>{t(`posts.review.kinds.${k}`)}</span>
          </label>
        ))}
      </div>

      {kind === 'suggestion' && (
        <>
          <div className="form-grid">
            <SelectField
              label={t('posts.review.suggestFor')}
              value={target}
              options={[{ value: CORE, label: t('posts.review.forCore') }, ...post.content.variants.map((v) => ({ value: v.channelId, label: refs.channel(v.channelId)?.name ?? t('posts.channelGone') }))]}
              onChange={(v) => {
                setTarget(v);
                setPart(0);
                setText(null);
              }}
              data-testid="suggestion-target"
            />
            {parts > 1 && (
              <SelectField
                label={t('posts.review.part')}
                value={String(part)}
                options={Array.from({ length: parts }, (_, i) => ({ value: String(i), label: t('posts.preview.partN', { n: i + 1 }) }))}
                onChange={(v) => {
                  setPart(Number(v));
                  setText(null);
                }}
                data-testid="suggestion-part"
              />
            )}
          </div>
          <TextAreaField label={t('posts.review.suggestedText')} rows={5} maxLength={20000} value={proposed} onChange={setText} data-testid="suggestion-text" />
        </>
      )}
      {kind === 'coaching' && <ClauseSelect value={clauseId} onChange={setClauseId} testId="coaching-clause" />}
      <TextAreaField
        label={kind === 'suggestion' ? t('posts.review.why') : t('posts.review.body')}
        optional={kind === 'suggestion'}
        optionalText={t('common.optional')}
        rows={3}
        maxLength={4000}
        value={body}
        onChange={setBody}
        data-testid="note-body"
      />
      <ErrorAlert error={error} />
      <div className="form-actions">
        <Button type="submit" variant="primary" loading={busy} disabled={!ready} data-testid="note-submit">
          {t(`posts.review.send.${kind}`)}
        </Button>
      </div>
    </form>
  );
}
