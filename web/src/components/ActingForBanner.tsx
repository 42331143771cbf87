import { useTranslation } from 'react-i18next';
import { Icon } from './Icon';

/** Always-visible marker while someone works in a workspace under an agency's mandate. */
export function ActingForBanner({ organization, agency }: { organization: string; agency: string }) {
  const { t } = useTranslation();
  return (
    <div className="acting-for" role="status" data-testid="acting-for">
      <Icon name="handshake" size={18} />
      <span>{t('actingFor.text', { organization, agency })}</span>
    </div>
  );
}
