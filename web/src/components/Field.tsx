import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';

/** Labelled form controls with hint and inline error wired up via aria-describedby / aria-invalid. */

interface FieldFrame {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | null;
  optional?: boolean;
  optionalText?: string;
}

function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function Frame({
  id,
  label,
  hint,
  error,
  optional,
  optionalText,
  children,
}: FieldFrame & { id: string; children: ReactNode }) {
  return (
    <div className={error ? 'field has-error' : 'field'}>
      <label htmlFor={id} className="field-label">
        {label}
        {optional && optionalText && <span className="field-optional"> ({optionalText})</span>}
      </label>
      {children}
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

type TextFieldProps = FieldFrame & Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange'> & {
  onChange: (value: string) => void;
};

export function TextField({ label, hint, error, optional, optionalText, onChange, id, ...input }: TextFieldProps) {
  const auto = useId();
  const fid = id ?? auto;
  return (
    <Frame id={fid} {...{ label, hint, error, optional, optionalText }}>
      <input
        id={fid}
        className="input"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(fid, hint, error)}
        onChange={(e) => onChange(e.target.value)}
        {...input}
      />
    </Frame>
  );
}

type SelectFieldProps = FieldFrame & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'onChange'> & {
  onChange: (value: string) => void;
  options: { value: string; label: string }[];
  placeholder?: string;
};

export function SelectField({
  label,
  hint,
  error,
  optional,
  optionalText,
  onChange,
  options,
  placeholder,
  id,
  ...select
}: SelectFieldProps) {
  const auto = useId();
  const fid = id ?? auto;
  return (
    <Frame id={fid} {...{ label, hint, error, optional, optionalText }}>
      <select
        id={fid}
        className="input select"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(fid, hint, error)}
        onChange={(e) => onChange(e.target.value)}
        {...select}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Frame>
  );
}

type TextAreaProps = FieldFrame & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'onChange'> & {
  onChange: (value: string) => void;
};

export function TextAreaField({ label, hint, error, optional, optionalText, onChange, id, ...area }: TextAreaProps) {
  const auto = useId();
  const fid = id ?? auto;
  return (
    <Frame id={fid} {...{ label, hint, error, optional, optionalText }}>
      <textarea
        id={fid}
        className="input textarea"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(fid, hint, error)}
        onChange={(e) => onChange(e.target.value)}
        {...area}
      />
    </Frame>
  );
}

/** An on/off switch: a checkbox with role="switch", label and description. */
export function Toggle({
  label,
  description,
  checked,
  onChange,
  disabled,
  testId,
}: {
  label: ReactNode;
  description?: ReactNode;
  checked: boolean;
  onChange: (value: boolean) => void;
  disabled?: boolean;
  testId?: string;
}) {
  const id = useId();
  return (
    <div className="toggle-row">
      <input
        id={id}
        type="checkbox"
        role="switch"
        className="toggle"
        checked={checked}
        disabled={disabled}
        aria-describedby={description ? `${id}-desc` : undefined}
        onChange={(e) => onChange(e.target.checked)}
        data-testid={testId}
      />
      <div>
        <label htmlFor={id} className="toggle-label">
          {label}
        </label>
        {description && (
          <p id={`${id}-desc`} className="field-hint">
            {description}
          </p>
        )}
      </div>
    </div>
  );
}
