import { useTranslation } from 'react-i18next';

/** The search box for contacts (by name, e-mail or handle), on the contacts page and in "merge with…". */
export function ContactSearchField({ id, value, onChange, autoFocus = false, testId }: { id: string; value: string; onChange: (text: string) => void; autoFocus?: boolean; testId: string }) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">
        {t('contacts.search.label')}
      </label>
      <input
        id={id}
        type="search"
        className="input"
        value={value}
        maxLength={200}
        autoComplete="off"
        placeholder={t('contacts.search.placeholder')}
        onChange={(e) => onChange(e.target.value)}
        data-autofocus={autoFocus || undefined}
        data-testid={testId}
      />
    </div>
  );
}
