import { useTranslation } from 'react-i18next';
import { usePostRefs } from '../PostRefs';

/** "Name" or "Name via <agency>" when the writer works here for an agency. */
export function AuthorLine({ name, orgId, viaAgency }: { name: string; orgId: string; viaAgency: boolean }) {
  const { t } = useTranslation();
  const agency = usePostRefs().agencyName(orgId);
  return (
    <span className="author-line">
      <span className="strong">{name}</span>
      {viaAgency && <span className="muted"> {agency ? t('posts.viaAgency', { agency }) : t('posts.viaAnAgency')}</span>}
    </span>
  );
}
