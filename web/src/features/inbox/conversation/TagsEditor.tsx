import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../../components/Icon';

const MAX_TAG = 40;

/** Normalises a typed tag: trimmed, inner spaces collapsed, at most 40 characters; "" when nothing is left. */
export function cleanTag(raw: string): string {
  return raw.replace(/\s+/g, ' ').trim().replace(/^#/, '').slice(0, MAX_TAG);
}

/** The conversation's tags: remove with ×, add by typing and Enter (or a comma). */
export function TagsEditor({
  tags,
  suggestions,
  disabled,
  busy,
  onChange,
}: {
  tags: string[];
  suggestions: string[];
  disabled: boolean;
  busy: boolean;
  onChange: (tags: string[]) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState('');

  async function add(): Promise<void> {
    const tag = cleanTag(text);
    if (!tag) return;
    if (tags.some((x) => x.toLowerCase() === tag.toLowerCase())) {
      setText('');
      return;
    }
    if (await onChange([...tags, tag])) setText('');
  }

  return (
    <div className="conv-tags" data-testid="conv-tags">
      <span className="conv-control-label" id={`${id}-label`}>
        {t('inbox.header.tags')}
      </span>
      <ul className="tag-list" aria-labelledby={`${id}-label`}>
        {tags.map((tag) => (
          <li key={tag} className="tag-chip is-editable" data-tag={tag}>
            <span>{tag}</span>
            {!disabled && (
              <button
                type="button"
                className="tag-remove"
                aria-label={t('inbox.header.removeTag', { tag })}
                disabled={busy}
                onClick={() => void onChange(tags.filter((x) => x !== tag))}
              >
                <Icon name="x" size={12} />
              </button>
            )}
          </li>
        ))}
        {tags.length === 0 && <li className="muted small">{t('inbox.header.noTags')}</li>}
      </ul>
      {!disabled && (
        <>
          <label htmlFor={id} className="visually-hidden">
            {t('inbox.header.addTag')}
          </label>
          <input
            id={id}
            className="input input-sm tag-input"
            value={text}
            list={`${id}-list`}
            placeholder={t('inbox.header.addTagPlaceholder')}
            maxLength={MAX_TAG + 5}
            disabled={busy}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' || e.key === ',') {
                e.preventDefault();
                void add();
              }
            }}
            data-testid="conv-tags-input"
          />
          <datalist id={`${id}-list`}>
            {suggestions
              .filter((s) => !tags.includes(s))
              .map((s) => (
                <option key={s} value={s} />
              ))}
          </datalist>
        </>
      )}
    </div>
  );
}
