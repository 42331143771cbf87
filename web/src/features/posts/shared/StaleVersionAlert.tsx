import { useTranslation } from 'react-i18next';
import { Icon } from '../../../components/Icon';

/** Someone saved a newer version meanwhile: say so and offer to load it (this copy's changes are then dropped). */
export function StaleVersionAlert({ onReload }: { onReload?: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="alert alert-warning" role="alert" data-testid="stale-version">
      <Icon name="alert" />
      <div className="alert-body">
        <span>{t('errors.ERR_STALE_VERSION')}</span>
        {onReload && (
          <button type="button" className="link-button" onClick={onReload} data-testid="stale-reload">
            {t('posts.reloadNewest')}
          </button>
        )}
      </div>
    </div>
  );
}
