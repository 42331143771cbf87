import { useTranslation } from 'react-i18next';
import type { DurationUnits } from '../sla';

/** The short unit words for durations in the UI language ("d", "u", "min" / "d", "h", "min"). */
export function useDurationUnits(): DurationUnits {
  const { t } = useTranslation();
  return { d: t('inbox.units.d'), h: t('inbox.units.h'), m: t('inbox.units.m') };
}
