import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/ConfirmDialog';

interface Side {
  id: string;
  name: string;
}

/**
 * "Merge these two?": says who is kept and who is taken into it, and lets the user choose which one stays
 * (the first by default). `onConfirm` gets the kept contact's id and the other's.
 */
export function MergeConfirm({
  first,
  second,
  onConfirm,
  onClose,
}: {
  first: Side;
  second: Side;
  onConfirm: (keepId: string, otherId: string) => Promise<void>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const name = useId();
  const [keepFirst, setKeepFirst] = useState(true);
  const [kept, other] = keepFirst ? [first, second] : [second, first];
  const sameName = first.name === second.name;
  const label = (s: Side, n: number) => (sameName ? t('contacts.merge.numbered', { name: s.name, n }) : s.name);
  return (
    <ConfirmDialog
      title={t('contacts.merge.title')}
      confirmLabel={t('contacts.merge.confirm')}
      tone="primary"
      testId="merge-confirm"
      onConfirm={() => onConfirm(kept.id, other.id)}
      onClose={onClose}
    >
      <fieldset className="merge-keep">
        <legend className="field-label">{t('contacts.merge.whoStays')}</legend>
        {[first, second].map((s, i) => (
          <label key={s.id} className="merge-keep-option">
            <input type="radio" name={name} checked={keepFirst === (i === 0)} onChange={() => setKeepFirst(i === 0)} data-testid={`merge-keep-${i === 0 ? 'first' : 'second'}`} />
            <span>{label(s, i + 1)}</span>
          </label>
        ))}
      </fieldset>
      <p data-testid="merge-outcome">
        {t('contacts.merge.outcome', { kept: label(kept, keepFirst ? 1 : 2), other: label(other, keepFirst ? 2 : 1) })}
      </p>
      <p className="small muted">{t('contacts.merge.undo')}</p>
    </ConfirmDialog>
  );
}
