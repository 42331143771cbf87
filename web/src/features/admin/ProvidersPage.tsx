import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { endpoints } from '../../api/endpoints';
import type { ProviderInfo } from '../../api/types';
import { ErrorAlert, Notice } from '../../components/Alert';
import { Button } from '../../components/Button';
import { CopyField } from '../../components/CopyField';
import { TextField } from '../../components/Field';
import { Icon } from '../../components/Icon';
import { SkeletonRows } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { fieldError } from '../../lib/errors';
import { useApi } from '../../lib/useApi';
import { PlatformIcon } from '../channels/PlatformIcon';

/** The developer console where each provider's app is registered. */
const CONSOLE: Record<string, string> = {
  meta: 'https://developers.facebook.com/apps/',
  linkedin: 'https://www.linkedin.com/developers/apps',
  x: 'https://developer.x.com/en/portal/dashboard',
};

const PLATFORM_NAMES: Record<string, string> = { facebook: 'Facebook', instagram: 'Instagram', whatsapp: 'WhatsApp' };

/** "…/webhooks/{facebook|instagram|whatsapp}" → one URL per platform, each to copy on its own. */
function webhookUrls(template: string): { kind: string | null; url: string }[] {
  const m = /\{([a-z0-9_-]+(?:\|[a-z0-9_-]+)+)\}/i.exec(template);
  if (!m) return [{ kind: null, url: template }];
  return m[1].split('|').map((kind) => ({ kind, url: template.replace(m[0], kind) }));
}

/** A glyph per provider (Meta covers Facebook, Instagram and WhatsApp). */
const ICON_KIND: Record<string, string> = { meta: 'facebook', linkedin: 'linkedin', x: 'x' };

/**
 * /admin/providers — administrators enter the app credentials Regie uses for the platforms that need a
 * registered app (Meta, LinkedIn, X). Secrets are write-only: the page only says whether one is set.
 */
export function ProvidersPage() {
  const { t } = useTranslation();
  const providers = useApi(() => endpoints.adminProviders(), []);
  const items = providers.data?.items ?? [];

  return (
    <div className="page page-narrow">
      <PageHeader eyebrow={t('admin.eyebrow')} title={t('admin.providers.title')} lead={t('admin.providers.lead')} />
      {providers.loading && !providers.data ? (
        <SkeletonRows rows={3} />
      ) : providers.error ? (
        <ErrorAlert error={providers.error} onRetry={() => void providers.reload()} />
      ) : (
        <div className="provider-list">
          {items.map((p) => (
            <ProviderCard key={p.provider} provider={p} onSaved={() => void providers.reload()} />
          ))}
        </div>
      )}
    </div>
  );
}

function ProviderCard({ provider: p, onSaved }: { provider: ProviderInfo; onSaved: () => void }) {
  const { t } = useTranslation();
  const [clientId, setClientId] = useState(p.clientId ?? '');
  const [clientSecret, setClientSecret] = useState('');
  const [verifyToken, setVerifyToken] = useState('');
  const [missing, setMissing] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const name = t(`admin.providers.names.${p.provider}`, { defaultValue: p.provider });
  const titleId = `provider-${p.provider}-title`;
  const fromEnv = p.source === 'environment';

  async function submit(e: FormEvent): Promise<void> {
    e.preventDefault();
    setError(null);
    setSaved(false);
    const empty = new Set<string>();
    if (!clientId.trim()) empty.add('clientId');
    if (!clientSecret) empty.add('clientSecret');
    setMissing(empty);
    if (empty.size) return;
    setBusy(true);
    try {
      await endpoints.saveAdminProvider(p.provider, {
        clientId: clientId.trim(),
        clientSecret,
        verifyToken: p.webhookUrl !== null && verifyToken ? verifyToken : undefined,
      });
      setClientSecret('');
      setVerifyToken('');
      setSaved(true);
      onSaved();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const err = (field: string) => (missing.has(field) ? t('validation.required') : fieldError(error, field));

  return (
    <section className="card provider-card" aria-labelledby={titleId} data-testid={`provider-${p.provider}`}>
      <div className="card-head">
        <div className="provider-head">
          <PlatformIcon kind={ICON_KIND[p.provider] ?? p.provider} size={36} />
          <div>
            <h2 id={titleId} className="card-title">
              {name}
            </h2>
            <p className="muted small">{t(`admin.providers.covers.${p.provider}`, { defaultValue: '' })}</p>
          </div>
        </div>
        <span
          className={`badge badge-dot ${p.configured ? 'badge-green' : 'badge-neutral'}`}
          data-testid="provider-status"
          data-configured={p.configured}
        >
          {p.configured ? t('admin.providers.configured') : t('admin.providers.notConfigured')}
        </span>
      </div>

      <ol className="provider-steps">
        <li>
          {t('admin.providers.step1', { console: t(`admin.providers.consoles.${p.provider}`, { defaultValue: name }) })}{' '}
          {CONSOLE[p.provider] && (
            <a className="text-link" href={CONSOLE[p.provider]} target="_blank" rel="noopener noreferrer">
              {t('admin.providers.openConsole')}
              <span className="visually-hidden"> {t('common.newWindow')}</span>
            </a>
          )}
        </li>
        <li>{t('admin.providers.step2')}</li>
        <li>{t('admin.providers.step3')}</li>
      </ol>

      <CopyField label={t('admin.providers.callbackUrl')} value={p.callbackUrl} testId={`provider-${p.provider}-callback`} />
      {p.webhookUrl &&
        webhookUrls(p.webhookUrl).map((w) => (
          <CopyField
            key={w.url}
            label={w.kind ? t('admin.providers.webhookUrlFor', { platform: PLATFORM_NAMES[w.kind] ?? w.kind }) : t('admin.providers.webhookUrl')}
            value={w.url}
            testId={`provider-${p.provider}-webhook${w.kind ? `-${w.kind}` : ''}`}
          />
        ))}

      {p.configured && (
        <dl className="facts">
          <div>
            <dt>{t('admin.providers.fields.clientId')}</dt>
            <dd className="mono-ish">{p.clientId ?? '—'}</dd>
          </div>
          <div>
            <dt>{t('admin.providers.fields.clientSecret')}</dt>
            <dd>{t('admin.providers.secretSet')}</dd>
          </div>
          <div>
            <dt>{t('admin.providers.source')}</dt>
            <dd>{t(`admin.providers.sources.${p.source ?? 'none'}`)}</dd>
          </div>
        </dl>
      )}

      {fromEnv ? (
        <p className="callout small">{t('admin.providers.fromEnvironment')}</p>
      ) : (
        <form className="form" onSubmit={(e) => void submit(e)} noValidate>
          <h3 className="form-subtitle">
            {p.configured ? t('admin.providers.replaceTitle') : t('admin.providers.enterTitle')}
          </h3>
          <div className="form-grid">
            <TextField
              label={t('admin.providers.fields.clientId')}
              value={clientId}
              onChange={setClientId}
              required
              autoComplete="off"
              spellCheck={false}
              error={err('clientId')}
              data-testid={`provider-${p.provider}-clientId`}
            />
            <TextField
              label={t('admin.providers.fields.clientSecret')}
              type="password"
              value={clientSecret}
              onChange={setClientSecret}
              required
              autoComplete="new-password"
              hint={p.configured ? t('admin.providers.secretHintSet') : t('admin.providers.secretHint')}
              error={err('clientSecret')}
              data-testid={`provider-${p.provider}-clientSecret`}
            />
            {p.webhookUrl !== null && (
              <TextField
                label={t('admin.providers.fields.verifyToken')}
                type="password"
                value={verifyToken}
                onChange={setVerifyToken}
                optional
                optionalText={t('common.optional')}
                autoComplete="new-password"
                hint={t('admin.providers.verifyTokenHint')}
                error={err('verifyToken')}
                data-testid={`provider-${p.provider}-verifyToken`}
              />
            )}
          </div>
          {error && !['clientId', 'clientSecret', 'verifyToken'].some((f) => fieldError(error, f)) ? (
            <ErrorAlert error={error} />
          ) : null}
          {saved && (
            <Notice onDismiss={() => setSaved(false)} testId="provider-saved">
              {t('admin.providers.saved', { provider: name })}
            </Notice>
          )}
          <div className="form-actions">
            <Button type="submit" variant="primary" loading={busy} icon={<Icon name="lock" size={16} />} data-testid={`provider-${p.provider}-save`}>
              {t('admin.providers.save')}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
