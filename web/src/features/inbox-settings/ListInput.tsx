import { useEffect, useId, useRef, useState } from 'react';
import { parseList } from './rules/ruleDraft';

/**
 * A textarea for a list of words or phrases, one per line or separated by commas. Keeps what is typed (a trailing
 * comma stays) and reports the cleaned list on every change.
 */
export function ListInput({
  label,
  hint,
  value,
  onChange,
  testId,
  rows = 2,
  error,
}: {
  label: string;
  hint?: string;
  value: readonly string[];
  onChange: (items: string[]) => void;
  testId?: string;
  rows?: number;
  error?: string | null;
}) {
  const id = useId();
  const [text, setText] = useState(() => value.join(', '));
  const lastSent = useRef(value.join('\n'));

  useEffect(() => {
    const incoming = value.join('\n');
    if (incoming !== lastSent.current) {
      lastSent.current = incoming;
      setText(value.join(', '));
    }
  }, [value]);

  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field has-error' : 'field'}>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <textarea
        id={id}
        className="input textarea ibx-list-input"
        rows={rows}
        value={text}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
        onChange={(e) => {
          setText(e.target.value);
          const items = parseList(e.target.value);
          lastSent.current = items.join('\n');
          onChange(items);
        }}
        data-testid={testId}
      />
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
