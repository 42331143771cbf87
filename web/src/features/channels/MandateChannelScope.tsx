import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { endpoints } from '../../api/endpoints';
import type { Channel, Mandate } from '../../api/types';
import { ErrorAlert, Notice } from '../../components/Alert';
import { RoleBadge } from '../../components/Badge';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { SkeletonRows } from '../../components/Loading';
import type { ApiResource } from '../../lib/useApi';
import { Link } from '../../router';
import { PlatformIcon } from './PlatformIcon';

/**
 * Owner: which channels each agency with an active mandate may use. "All channels" (null) also covers channels
 * connected later; otherwise exactly the ticked ones.
 */
export function MandateChannelScope({
  workspaceId,
  channels,
  mandates,
}: {
  workspaceId: string;
  channels: Channel[];
  mandates: ApiResource<{ items: Mandate[] }>;
}) {
  const { t } = useTranslation();
  const active = (mandates.data?.items ?? []).filter((m) => m.status === 'active');

  return (
    <section className="section" aria-labelledby="scope-title" data-testid="mandate-channel-scope">
      <h2 id="scope-title" className="section-title">
        {t('channels.scope.title')}
      </h2>
      <p className="muted section-lead">{t('channels.scope.lead')}</p>
      {mandates.loading && !mandates.data ? (
        <SkeletonRows rows={2} />
      ) : mandates.error ? (
        <ErrorAlert error={mandates.error} onRetry={() => void mandates.reload()} />
      ) : active.length === 0 ? (
        <EmptyState icon="handshake" title={t('channels.scope.noMandates')} testId="scope-empty">
          <Link to={`/w/${encodeURIComponent(workspaceId)}/mandates`} className="text-link">
            {t('channels.scope.toMandates')}
          </Link>
        </EmptyState>
      ) : (
        <div className="scope-list">
          {active.map((m) => (
            <ScopeForm
              key={m.id}
              workspaceId={workspaceId}
              mandate={m}
              channels={channels}
              onSaved={(updated) =>
                mandates.setData((d) => d && { items: d.items.map((x) => (x.id === updated.id ? updated : x)) })
              }
            />
          ))}
        </div>
      )}
    </section>
  );
}

function ScopeForm({
  workspaceId,
  mandate,
  channels,
  onSaved,
}: {
  workspaceId: string;
  mandate: Mandate;
  channels: Channel[];
  onSaved: (m: Mandate) => void;
}) {
  const { t } = useTranslation();
  const uid = useId();
  const [all, setAll] = useState(mandate.channelIds === null);
  const [picked, setPicked] = useState<Set<string>>(new Set(mandate.channelIds ?? []));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);

  // Connected channels, plus disconnected ones that are still in the mandate's list (so they can be unticked).
  const listed = channels.filter((c) => c.status !== 'disconnected' || picked.has(c.id));
  const dirty =
    all !== (mandate.channelIds === null) ||
    (!all &&
      (picked.size !== (mandate.channelIds ?? []).length || (mandate.channelIds ?? []).some((id) => !picked.has(id))));

  function toggle(id: string, on: boolean): void {
    setSaved(false);
    setPicked((p) => {
      const next = new Set(p);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }

  async function submit(e: FormEvent): Promise<void> {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      const ids = all ? null : channels.filter((c) => picked.has(c.id)).map((c) => c.id);
      const m = await endpoints.setMandateChannels(workspaceId, mandate.id, ids);
      onSaved(m ?? { ...mandate, channelIds: ids });
      setSaved(true);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card scope-card" onSubmit={(e) => void submit(e)} data-testid={`scope-${mandate.id}`}>
      <div className="card-head">
        <h3 className="card-title" id={`${uid}-title`}>
          {mandate.agency.name}
        </h3>
        <RoleBadge role={mandate.role} />
      </div>
      <fieldset className="fieldset scope-fieldset" aria-labelledby={`${uid}-title ${uid}-legend`}>
        <legend id={`${uid}-legend`} className="visually-hidden">
          {t('channels.scope.legend')}
        </legend>
        <div className="radio-row">
          <input
            id={`${uid}-all`}
            type="radio"
            name={`${uid}-mode`}
            checked={all}
            onChange={() => {
              setAll(true);
              setSaved(false);
            }}
            data-testid="scope-all"
          />
          <label htmlFor={`${uid}-all`}>
            <span className="strong">{t('channels.scope.all')}</span>
            <span className="field-hint block">{t('channels.scope.allHint')}</span>
          </label>
        </div>
        <div className="radio-row">
          <input
            id={`${uid}-some`}
            type="radio"
            name={`${uid}-mode`}
            checked={!all}
            onChange={() => {
              setAll(false);
              setSaved(false);
            }}
            data-testid="scope-some"
          />
          <label htmlFor={`${uid}-some`}>
            <span className="strong">{t('channels.scope.some')}</span>
          </label>
        </div>
        {!all && (
          <div className="scope-channels" role="group" aria-label={t('channels.scope.some')}>
            {listed.length === 0 ? (
              <p className="muted small">{t('channels.scope.noChannels')}</p>
            ) : (
              listed.map((c) => (
                <div key={c.id} className="check-row">
                  <input
                    id={`${uid}-${c.id}`}
                    type="checkbox"
                    checked={picked.has(c.id)}
                    onChange={(e) => toggle(c.id, e.target.checked)}
                    data-testid={`scope-channel-${c.id}`}
                  />
                  <label htmlFor={`${uid}-${c.id}`}>
                    <PlatformIcon kind={c.kind} size={20} />
                    <span>{c.name}</span>
                    <span className="muted small">
                      {c.kindName}
                      {c.status === 'disconnected' ? ` · ${t('channels.status.disconnected')}` : ''}
                    </span>
                  </label>
                </div>
              ))
            )}
            {picked.size === 0 && listed.length > 0 && (
              <p className="field-hint" data-testid="scope-none-warning">
                {t('channels.scope.noneHint', { agency: mandate.agency.name })}
              </p>
            )}
          </div>
        )}
      </fieldset>
      {error ? <ErrorAlert error={error} /> : null}
      {saved && (
        <Notice onDismiss={() => setSaved(false)} testId="scope-saved">
          {t('channels.scope.saved', { agency: mandate.agency.name })}
        </Notice>
      )}
      <div className="form-actions">
        <Button type="submit" variant="primary" size="sm" loading={busy} disabled={!dirty} data-testid="scope-save">
          {t('channels.scope.save')}
        </Button>
      </div>
    </form>
  );
}
