import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from './Icon';

/** A read-only value (a link, a secret) with a copy button and a spoken "copied" confirmation. */
export function CopyField({
  label,
  value,
  testId,
  secret = false,
}: {
  label: string;
  value: string;
  testId?: string;
  secret?: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);

  async function copy(): Promise<void> {
    let ok = false;
    try {
      await navigator.clipboard.writeText(value);
      ok = true;
    } catch {
      input.current?.select();
      try {
        ok = document.execCommand('copy');
      } catch {
        ok = false;
      }
    }
    setCopied(ok ? 'yes' : 'no');
    window.setTimeout(() => setCopied(null), 2500);
  }

  return (
    <div className="copy-field">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <div className="copy-row">
        <input
          id={id}
          ref={input}
          className={secret ? 'input mono secret' : 'input mono'}
          readOnly
          value={value}
          onFocus={(e) => e.currentTarget.select()}
          data-testid={testId}
        />
        <button type="button" className="btn btn-secondary" onClick={() => void copy()}>
          <Icon name={copied === 'yes' ? 'check' : 'copy'} size={16} />
          <span>{copied === 'yes' ? t('common.copied') : t('common.copy')}</span>
        </button>
      </div>
      <span className="visually-hidden" role="status">
        {copied === 'yes' ? t('common.copiedToClipboard') : copied === 'no' ? t('common.copyFailed') : ''}
      </span>
    </div>
  );
}
