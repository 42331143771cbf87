import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { SHORTCUTS } from './keys';

/** The "?" overlay: every shortcut and what it does. */
export function KeyboardHelp({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog
      title={t('inbox.keys.title')}
      description={t('inbox.keys.lead')}
      onClose={onClose}
      testId="keyboard-help"
      size="sm"
      footer={
        <Button onClick={onClose} data-autofocus>
          {t('common.close')}
        </Button>
      }
    >
      <dl className="key-list">
        {SHORTCUTS.map((s) => (
          <div key={s.key} className="key-row">
            <dt>
              <kbd>{s.key}</kbd>
            </dt>
            <dd>{t(`inbox.keys.${s.command}`)}</dd>
          </div>
        ))}
        <div className="key-row">
          <dt>
            <kbd>Esc</kbd>
          </dt>
          <dd>{t('inbox.keys.escape')}</dd>
        </div>
        <div className="key-row">
          <dt>
            <kbd>Ctrl</kbd> + <kbd>Enter</kbd>
          </dt>
          <dd>{t('inbox.keys.send')}</dd>
        </div>
      </dl>
    </Dialog>
  );
}
