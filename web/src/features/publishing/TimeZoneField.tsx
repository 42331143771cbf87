import { useMemo } from 'react';
import { SelectField } from '../../components/Field';

function zones(current: string): string[] {
  let all: string[] = [];
  try {
    all = Intl.supportedValuesOf('timeZone');
  } catch {
    all = ['Europe/Amsterdam', 'Europe/Brussels', 'Europe/London', 'UTC'];
  }
  const set = new Set(all);
  set.add('UTC');
  if (current) set.add(current);
  return [...set].sort();
}

/** A labelled choice among the time zones the browser knows (the current value is always offered). */
export function TimeZoneField({
  label,
  hint,
  value,
  onChange,
  disabled,
  testId,
  error,
}: {
  label: string;
  hint?: string;
  value: string;
  onChange: (zone: string) => void;
  disabled?: boolean;
  testId?: string;
  error?: string;
}) {
  const options = useMemo(() => zones(value).map((z) => ({ value: z, label: z.replace(/_/g, ' ') })), [value]);
  return (
    <SelectField label={label} hint={hint} value={value} onChange={onChange} options={options} disabled={disabled} data-testid={testId} error={error} />
  );
}
