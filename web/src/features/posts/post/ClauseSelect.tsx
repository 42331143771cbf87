import { useTranslation } from 'react-i18next';
import { SelectField } from '../../../components/Field';
import { usePostRefs } from '../PostRefs';
import { useLocalized } from '../shared/localized';

/** Choose a clause of the code (or none), by its title in the UI language. */
export function ClauseSelect({ value, onChange, testId, label }: { value: string; onChange: (v: string) => void; testId?: string; label?: string }) {
  const { t } = useTranslation();
  const refs = usePostRefs();
  const pick = useLocalized();
  return (
    <SelectField
      label={label ?? t('posts.review.clause')}
      optional
      optionalText={t('common.optional')}
      value={value}
      placeholder={t('posts.review.noClause')}
      options={refs.clauses.map((c) => ({ value: c.id, label: pick(c.title) || c.id }))}
      onChange={onChange}
      data-testid={testId}
    />
  );
}
