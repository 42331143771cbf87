import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client';
import { ErrorAlert, Notice } from '../../../components/Alert';
import { Button } from '../../../components/Button';
import { Icon } from '../../../components/Icon';
import { ServerProblems } from '../ServerProblems';
import type { SettingsDraft } from '../useSettingsDraft';

/** Saving the rules: unsaved-changes hint, the save and discard buttons, and what went wrong (stale, invalid, other). */
export function SaveBar({
  settings,
  generalProblems,
  localCount,
  onSave,
}: {
  settings: SettingsDraft;
  generalProblems: string[];
  localCount: number;
  onSave: () => void;
}) {
  const { t } = useTranslation();
  const err = settings.saveError;
  const stale = isApiError(err) && err.code === 'ERR_STALE_VERSION';
  const invalid = isApiError(err) && err.code === 'ERR_VALIDATION';

  return (
    <div className="card ibx-save-bar" data-testid="rules-save-bar">
      {stale ? (
        <div className="alert alert-warning" role="alert" data-testid="rules-stale">
          <Icon name="alert" />
          <div className="alert-body">
            <span>{t('inboxSettings.save.stale')}</span>
            <button type="button" className="link-button" onClick={() => void settings.reload()} data-testid="rules-reload">
              {t('inboxSettings.save.reload')}
            </button>
          </div>
        </div>
      ) : invalid ? (
        generalProblems.length > 0 ? (
          <ServerProblems lines={generalProblems} />
        ) : (
          <div className="alert alert-error" role="alert" data-testid="rules-invalid">
            <Icon name="alert" />
            <div className="alert-body">{t('inboxSettings.save.seeRules')}</div>
          </div>
        )
      ) : err ? (
        <ErrorAlert error={err} />
      ) : null}
      {localCount > 0 && (
        <div className="alert alert-error" role="alert" data-testid="rules-local-problems">
          <Icon name="alert" />
          <div className="alert-body">{t('inboxSettings.save.localProblems', { count: localCount })}</div>
        </div>
      )}
      {settings.justSaved && <Notice testId="rules-saved">{t('inboxSettings.save.saved')}</Notice>}
      <div className="ibx-save-row">
        <span className="muted small" aria-live="polite">
          {settings.dirty ? t('inboxSettings.save.unsaved') : t('inboxSettings.save.upToDate', { version: settings.saved?.version ?? 0 })}
        </span>
        <div className="page-actions">
          <Button onClick={() => void settings.reload()} disabled={!settings.dirty || settings.saving} data-testid="rules-discard">
            {t('inboxSettings.save.discard')}
          </Button>
          <Button variant="primary" onClick={onSave} loading={settings.saving} disabled={!settings.dirty} data-testid="rules-save">
            {t('inboxSettings.save.save')}
          </Button>
        </div>
      </div>
    </div>
  );
}
