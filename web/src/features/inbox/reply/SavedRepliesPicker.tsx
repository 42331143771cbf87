import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/Alert';
import { Icon } from '../../../components/Icon';
import { Loading } from '../../../components/Loading';
import { usePopover } from '../../../components/usePopover';
import { inboxApi, type SavedReply } from '../api';

function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The team's saved replies, searchable by title and text; picking one hands its body over (variables still in it). */
export function SavedRepliesPicker({ ws, disabled, onPick }: { ws: string; disabled: boolean; onPick: (r: SavedReply) => void }) {
  const { t } = useTranslation();
  const pop = usePopover();
  const menuId = useId();
  const [items, setItems] = useState<SavedReply[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [filter, setFilter] = useState('');

  useEffect(() => {
    if (!pop.open || items !== null) return;
    let live = true;
    inboxApi
      .savedReplies(ws)
      .then((r) => live && setItems(Array.isArray(r) ? r : []))
      .catch((e: unknown) => live && setError(e));
    return () => {
      live = false;
    };
  }, [pop.open, items, ws]);

  const q = fold(filter.trim());
  const shown = (items ?? []).filter((r) => !q || fold(r.title).includes(q) || fold(r.body).includes(q));

  return (
    <div className="saved-picker" ref={pop.root}>
      <button
        type="button"
        ref={pop.button}
        className="btn btn-ghost btn-sm"
        aria-expanded={pop.open}
        aria-controls={menuId}
        disabled={disabled}
        onClick={pop.toggle}
        data-testid="reply-saved"
      >
        <Icon name="book" size={16} />
        <span>{t('inbox.saved.button')}</span>
      </button>
      {pop.open && (
        <div id={menuId} className="popover saved-popover">
          <label className="visually-hidden" htmlFor={`${menuId}-q`}>
            {t('inbox.saved.search')}
          </label>
          <input
            id={`${menuId}-q`}
            className="input input-sm"
            placeholder={t('inbox.saved.search')}
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
            autoFocus
          />
          {error ? (
            <ErrorAlert
              error={error}
              onRetry={() => {
                setError(null);
                setItems(null);
              }}
            />
          ) : items === null ? (
            <Loading />
          ) : shown.length === 0 ? (
            <p className="popover-empty">{items.length === 0 ? t('inbox.saved.none') : t('inbox.saved.noMatch')}</p>
          ) : (
            <ul className="popover-list saved-list">
              {shown.map((r) => (
                <li key={r.id}>
                  <button
                    type="button"
                    className="popover-item saved-item"
                    onClick={() => {
                      onPick(r);
                      pop.close();
                    }}
                    data-testid="saved-reply"
                  >
                    <span className="popover-item-text">
                      <span className="strong">{r.title}</span>
                      <span className="popover-item-sub">{r.body.slice(0, 120)}</span>
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
