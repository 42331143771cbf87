import { useTranslation } from 'react-i18next';
import type { Mentionable } from '../mentions';

/** The people matching an "@" being typed in a note; the textarea keeps focus and drives it with the arrow keys. */
export function MentionList({ id, people, active, onPick }: { id: string; people: Mentionable[]; active: number; onPick: (p: Mentionable) => void }) {
  const { t } = useTranslation();
  return (
    <ul id={id} className="mention-list" role="listbox" aria-label={t('inbox.reply.mentionLabel')} data-testid="mention-list">
      {people.map((p, i) => (
        <li
          key={p.userId}
          id={`${id}-${i}`}
          role="option"
          aria-selected={i === active}
          className={i === active ? 'mention-option is-active' : 'mention-option'}
          onMouseDown={(e) => {
            e.preventDefault();
            onPick(p);
          }}
        >
          <span className="strong">{p.name}</span> <span className="muted small">{p.email}</span>
        </li>
      ))}
    </ul>
  );
}
