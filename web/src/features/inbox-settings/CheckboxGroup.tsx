import type { ReactNode } from 'react';

/** A fieldset of checkboxes for choosing several values; the legend names the choice. */
export function CheckboxGroup<T extends string | number>({
  legend,
  options,
  value,
  onChange,
  testId,
  inline = true,
  hint,
}: {
  legend: ReactNode;
  options: Array<{ value: T; label: ReactNode }>;
  value: readonly T[];
  onChange: (next: T[]) => void;
  testId?: string;
  inline?: boolean;
  hint?: ReactNode;
}) {
  function toggle(v: T, on: boolean): void {
    const set = new Set(value);
    if (on) set.add(v);
    else set.delete(v);
    onChange(options.map((o) => o.value).filter((o) => set.has(o)));
  }
  return (
    <fieldset className="ibx-checks" data-testid={testId}>
      <legend className="field-label">{legend}</legend>
      {hint && <p className="field-hint">{hint}</p>}
      <div className={inline ? 'ibx-checks-list is-inline' : 'ibx-checks-list'}>
        {options.map((o) => (
          <label key={String(o.value)} className="radio-row ibx-check">
            <input type="checkbox" checked={value.includes(o.value)} onChange={(e) => toggle(o.value, e.target.checked)} data-value={o.value} />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
