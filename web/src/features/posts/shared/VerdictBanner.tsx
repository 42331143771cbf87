import { useTranslation } from 'react-i18next';
import { Icon } from '../../../components/Icon';
import type { Verdict } from '../api';

const TONE: Record<Verdict, string> = { ok: 'success', warn: 'warning', needs_approval: 'info', block: 'error' };

/** The code's overall verdict in one sentence: fine, take note, needs an owner's approval, or blocked. */
export function VerdictBanner({ verdict, pending = false, invalid = false }: { verdict: Verdict | null; pending?: boolean; invalid?: boolean }) {
  const { t } = useTranslation();
  if (!verdict) {
    return (
      <div className="alert alert-info verdict-banner" role="status" data-testid="verdict" data-verdict="">
        <Icon name="info" />
        <div className="alert-body">{pending ? t('posts.verdict.checking') : t('posts.verdict.none')}</div>
      </div>
    );
  }
  return (
    <div className={`alert alert-${TONE[verdict]} verdict-banner`} role="status" data-testid="verdict" data-verdict={verdict} aria-busy={pending || undefined}>
      <Icon name={verdict === 'ok' ? 'check' : verdict === 'needs_approval' ? 'shield' : 'alert'} />
      <div className="alert-body">
        <span>
          <strong>{t(`posts.verdict.${verdict}.title`)}</strong> {t(`posts.verdict.${verdict}.text`)}
        </span>
        {invalid && <span>{t('posts.verdict.invalidForChannel')}</span>}
      </div>
    </div>
  );
}
