import { forwardRef, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The search box: searches message text and subjects; applies 400 ms after typing stops, or on Enter. */
export const SearchBox = forwardRef<HTMLInputElement, { value: string; onSearch: (q: string) => void }>(function SearchBox({ value, onSearch }, ref) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState(value);
  const timer = useRef<number | undefined>(undefined);
  const onSearchRef = useRef(onSearch);
  onSearchRef.current = onSearch;

  useEffect(() => setText(value), [value]);
  useEffect(() => () => window.clearTimeout(timer.current), []);

  function change(next: string): void {
    setText(next);
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => onSearchRef.current(next.trim()), 400);
  }

  return (
    <form
      className="inbox-search"
      role="search"
      onSubmit={(e) => {
        e.preventDefault();
        window.clearTimeout(timer.current);
        onSearch(text.trim());
      }}
    >
      <label htmlFor={id} className="visually-hidden">
        {t('inbox.search.label')}
      </label>
      <input
        id={id}
        ref={ref}
        type="search"
        className="input"
        value={text}
        placeholder={t('inbox.search.placeholder')}
        onChange={(e) => change(e.target.value)}
        data-testid="inbox-search"
        autoComplete="off"
        maxLength={200}
      />
    </form>
  );
});
