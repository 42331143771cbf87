import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { endpoints } from '../../api/endpoints';
import type { Channel, ConnectField, ConnectorInfo } from '../../api/types';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { TextField, Toggle } from '../../components/Field';
import { Icon } from '../../components/Icon';
import { fieldError } from '../../lib/errors';
import { AccountMismatchAlert, isAccountMismatch } from './AccountMismatchAlert';
import { channelErrorText } from './channelFormat';
import { rememberReconnect } from './pendingReconnect';
import { PlatformIcon } from './PlatformIcon';
import { ProviderNotConfigured } from './ProviderNotConfigured';

const OAUTH = new Set(['oauth2', 'oauth2-per-instance']);

/** How a connector connects, in a few words for the platform picker. */
function howKey(c: ConnectorInfo): string {
  if (c.kind === 'sandbox') return 'channels.how.sandbox';
  return `channels.how.${c.auth}`;
}

/**
 * The fields the shipped typed-credential connectors read, for when a connector does not (yet) declare its
 * connectFields: Bluesky ({service?, identifier, appPassword}) and the mailbox (address, IMAP, SMTP, login).
 */
const FALLBACK_FIELDS: Record<string, ConnectField[]> = {
  bluesky: [
    { name: 'service', type: 'url', required: false, default: 'https://bsky.social' },
    { name: 'identifier', type: 'text', required: true },
    { name: 'appPassword', type: 'password', required: true },
  ],
  email: [
    { name: 'address', type: 'email', required: true },
    { name: 'imapHost', type: 'text', required: true },
    { name: 'imapPort', type: 'number', required: true, default: '993' },
    { name: 'imapSecure', type: 'checkbox', required: false, default: 'true' },
    { name: 'smtpHost', type: 'text', required: true },
    { name: 'smtpPort', type: 'number', required: true, default: '587' },
    { name: 'smtpSecure', type: 'checkbox', required: false, default: 'false' },
    { name: 'username', type: 'text', required: false },
    { name: 'password', type: 'password', required: true },
  ],
};

function fieldsOf(c: ConnectorInfo): ConnectField[] {
  if (c.connectFields.length > 0) return c.connectFields;
  return FALLBACK_FIELDS[c.kind] ?? (c.auth === 'access-token' ? [{ name: 'accessToken', type: 'password', required: true }] : []);
}

function initialValues(fields: ConnectField[], prefill: Record<string, string> = {}): Record<string, string> {
  const v: Record<string, string> = {};
  for (const f of fields) v[f.name] = prefill[f.name] ?? f.default ?? (f.type === 'checkbox' ? 'false' : '');
  return v;
}

/**
 * What a reconnect can fill in from the channel's account (never a secret): the Bluesky handle and server, the
 * mailbox address and IMAP server, the sandbox account's name (which is what identifies that account).
 */
function reconnectPrefill(channel: Channel): Record<string, string> {
  const a = channel.account;
  const v: Record<string, string> = {};
  if (channel.kind === 'bluesky') {
    const handle = a.handle.replace(/^@/, '').trim();
    if (handle.includes('.') && handle !== 'handle.invalid') v.identifier = handle;
    if (a.serviceUrl && /^https?:\/\//i.test(a.serviceUrl)) v.service = a.serviceUrl;
  } else if (channel.kind === 'email') {
    if (a.handle.includes('@')) v.address = a.handle;
    const imap = /^imaps?:\/\/([^:/\s]+)(?::(\d+))?/i.exec(a.serviceUrl ?? '');
    if (imap) {
      v.imapHost = imap[1];
      if (imap[2]) v.imapPort = imap[2];
    }
  } else if (channel.kind === 'sandbox') {
    const name = a.displayName?.trim();
    if (name) v.name = name;
  }
  return v;
}

/**
 * "Kanaal verbinden": pick a platform, then either typed credentials (a form built from the connector's
 * connectFields) or the platform's own sign-in (OAuth; Mastodon asks for the server first).
 */
export function ConnectChannelDialog({
  workspaceId,
  connectors,
  initialKind,
  reconnect,
  onConnected,
  onClose,
}: {
  workspaceId: string;
  connectors: ConnectorInfo[];
  initialKind?: string;
  reconnect?: Channel;
  onConnected: (c: Channel) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const startKind = reconnect?.kind ?? initialKind;
  const [kind, setKind] = useState<string | null>(
    startKind && connectors.some((c) => c.kind === startKind) ? startKind : null,
  );
  const connector = connectors.find((c) => c.kind === kind) ?? null;
  const bodyRef = useRef<HTMLDivElement>(null);
  const firstRender = useRef(true);

  // Moving between the steps: focus the first control of the new step (the dialog focuses on open itself).
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    const body = bodyRef.current;
    const target =
      body?.querySelector<HTMLElement>('input') ??
      body?.querySelector<HTMLElement>('button.platform-choice') ??
      body?.querySelector<HTMLElement>('button');
    target?.focus();
  }, [kind]);

  const title = connector
    ? reconnect
      ? t('channels.connect.reconnectTitle', { name: reconnect.name })
      : t('channels.connect.titleFor', { platform: connector.displayName })
    : t('channels.connect.title');

  return (
    <Dialog title={title} onClose={onClose} testId="connect-dialog">
      <div ref={bodyRef} className="connect-body">
        {!connector ? (
          <>
            <p className="muted">{t('channels.connect.pick')}</p>
            {connectors.length === 0 ? (
              <p>{t('channels.connect.none')}</p>
            ) : (
              <ul className="platform-grid" aria-label={t('channels.connect.platforms')}>
                {connectors.map((c, i) => (
                  <li key={c.kind}>
                    <button
                      type="button"
                      className="platform-choice"
                      data-autofocus={i === 0 ? true : undefined}
                      onClick={() => setKind(c.kind)}
                      data-testid={`connect-kind-${c.kind}`}
                    >
                      <PlatformIcon kind={c.kind} size={32} />
                      <span className="platform-choice-text">
                        <span className="strong">{c.displayName}</span>
                        <span className="muted small">{t(howKey(c))}</span>
                      </span>
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </>
        ) : (
          <>
            {!reconnect && (
              <button type="button" className="link-button back-link" onClick={() => setKind(null)} data-testid="connect-back">
                <Icon name="arrowLeft" size={15} />
                <span>{t('channels.connect.otherPlatform')}</span>
              </button>
            )}
            <div className="connect-platform">
              <PlatformIcon kind={connector.kind} size={40} />
              <div>
                <p className="strong">{connector.displayName}</p>
                <p className="muted small">{t(howKey(connector))}</p>
              </div>
            </div>
            {reconnect && <p className="muted">{t('channels.connect.reconnectLead')}</p>}
            {OAUTH.has(connector.auth) ? (
              <OAuthStart workspaceId={workspaceId} connector={connector} reconnect={reconnect} onClose={onClose} />
            ) : (
              <CredentialsForm
                workspaceId={workspaceId}
                connector={connector}
                reconnect={reconnect}
                onConnected={onConnected}
                onCancel={onClose}
              />
            )}
          </>
        )}
      </div>
    </Dialog>
  );
}

function fieldLabel(t: ReturnType<typeof useTranslation>['t'], name: string): string {
  return t(`channels.fields.${name}`, { defaultValue: name });
}

function fieldHint(t: ReturnType<typeof useTranslation>['t'], kind: string, name: string): string {
  return t([`channels.helpByKind.${kind}.${name}`, `channels.help.${name}`], { defaultValue: '' });
}

const AUTOCOMPLETE: Record<string, string> = {
  password: 'new-password',
  email: 'off',
  text: 'off',
  url: 'url',
  number: 'off',
};

/** Typed credentials: app password (Bluesky), mailbox login (e-mail), a name (sandbox). */
function CredentialsForm({
  workspaceId,
  connector,
  reconnect,
  onConnected,
  onCancel,
}: {
  workspaceId: string;
  connector: ConnectorInfo;
  /** Reconnecting this channel: known account details are filled in and the channel keeps its id and name. */
  reconnect?: Channel;
  onConnected: (c: Channel) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const fields = fieldsOf(connector);
  const [prefill] = useState<Record<string, string>>(() => (reconnect ? reconnectPrefill(reconnect) : {}));
  const [values, setValues] = useState<Record<string, string>>(() => initialValues(fields, prefill));
  // On a reconnect the dialog opens with focus on what is still to be typed (the password), not a prefilled field.
  const focusFirst = reconnect
    ? fields.find((f) => f.required && f.type !== 'checkbox' && !(prefill[f.name] ?? f.default ?? '').trim())?.name
    : undefined;
  const [missing, setMissing] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const intro = t(`channels.intro.${connector.kind}`, { defaultValue: '' });
  const hasNameField = fields.some((f) => f.name === 'name');
  const [channelName, setChannelName] = useState('');

  function set(name: string, value: string): void {
    setValues((v) => ({ ...v, [name]: value }));
    if (missing.has(name)) setMissing((m) => new Set([...m].filter((x) => x !== name)));
  }

  async function submit(e: FormEvent): Promise<void> {
    e.preventDefault();
    setError(null);
    const empty = new Set(fields.filter((f) => f.required && f.type !== 'checkbox' && !values[f.name]?.trim()).map((f) => f.name));
    setMissing(empty);
    if (empty.size > 0) {
      const first = fields.find((f) => empty.has(f.name));
      document.getElementById(`cf-${first?.name}`)?.focus();
      return;
    }
    const credentials: Record<string, string> = {};
    for (const f of fields) {
      const v = f.type === 'password' ? (values[f.name] ?? '') : (values[f.name] ?? '').trim();
      if (v !== '' || f.required) credentials[f.name] = v;
    }
    setBusy(true);
    try {
      const c = await endpoints.connectChannel(workspaceId, {
        kind: connector.kind,
        name: !reconnect && !hasNameField && channelName.trim() ? channelName.trim() : undefined,
        credentials,
        reconnectId: reconnect?.id,
      });
      onConnected(c);
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  }

  function errorFor(name: string): string | undefined {
    if (missing.has(name)) return t('validation.required');
    const msg = fieldError(error, name);
    if (!msg) return undefined;
    return /^(required|must not be empty)$/i.test(msg) ? t('validation.required') : msg;
  }

  const mismatch = isAccountMismatch(error);
  const general =
    error && !mismatch && !(isApiError(error) && error.code === 'ERR_VALIDATION' && fields.some((f) => fieldError(error, f.name)));

  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate data-testid="connect-form">
      {intro && <p className="connect-intro">{intro}</p>}
      {fields.map((f) =>
        f.type === 'checkbox' ? (
          <Toggle
            key={f.name}
            label={fieldLabel(t, f.name)}
            description={fieldHint(t, connector.kind, f.name) || undefined}
            checked={values[f.name] === 'true'}
            onChange={(on) => set(f.name, on ? 'true' : 'false')}
            testId={`cf-${f.name}`}
          />
        ) : (
          <TextField
            key={f.name}
            id={`cf-${f.name}`}
            label={fieldLabel(t, f.name)}
            type={f.type}
            value={values[f.name] ?? ''}
            onChange={(v) => set(f.name, v)}
            required={f.required}
            optional={!f.required}
            optionalText={t('common.optional')}
            hint={fieldHint(t, connector.kind, f.name) || undefined}
            error={errorFor(f.name)}
            autoComplete={AUTOCOMPLETE[f.type] ?? 'off'}
            inputMode={f.type === 'number' ? 'numeric' : undefined}
            spellCheck={false}
            autoCapitalize="off"
            data-autofocus={f.name === focusFirst ? true : undefined}
            data-testid={`cf-${f.name}`}
          />
        ),
      )}
      {!hasNameField && !reconnect && (
        <ChannelNameField value={channelName} onChange={setChannelName} />
      )}
      {mismatch ? (
        <AccountMismatchAlert error={error} handle={reconnect?.account.handle} />
      ) : general ? (
        <div className="alert alert-error" role="alert" data-testid="error-alert">
          <Icon name="alert" />
          <div className="alert-body">
            <span>{channelErrorText(t, error)}</span>
          </div>
        </div>
      ) : null}
      <div className="dialog-footer">
        <Button onClick={onCancel} disabled={busy}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" variant="primary" loading={busy} data-testid="connect-submit">
          {reconnect ? t('channels.connect.reconnectSubmit') : t('channels.connect.submit')}
        </Button>
      </div>
    </form>
  );
}

/** The platform's own sign-in: the server hands out the authorize URL and the browser goes there. */
function OAuthStart({
  workspaceId,
  connector,
  reconnect,
  onClose,
}: {
  workspaceId: string;
  connector: ConnectorInfo;
  reconnect?: Channel;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const perInstance = connector.auth === 'oauth2-per-instance';
  const [instanceUrl, setInstanceUrl] = useState(reconnect?.account.serviceUrl ?? '');
  const [channelName, setChannelName] = useState('');
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const intro = t(`channels.intro.${connector.kind}`, { defaultValue: '' });

  async function start(e: FormEvent): Promise<void> {
    e.preventDefault();
    setError(null);
    let url = instanceUrl.trim();
    if (perInstance) {
      if (!url) {
        setMissing(true);
        document.getElementById('cf-instanceUrl')?.focus();
        return;
      }
      if (!/^https?:\/\//i.test(url)) url = `https://${url}`;
    }
    setMissing(false);
    setBusy(true);
    try {
      const { authorizeUrl } = await endpoints.startChannelOAuth(workspaceId, {
        kind: connector.kind,
        instanceUrl: perInstance ? url : undefined,
        name: reconnect ? undefined : channelName.trim() || undefined,
        reconnectId: reconnect?.id,
      });
      if (reconnect) rememberReconnect(workspaceId, reconnect.id);
      window.location.assign(authorizeUrl);
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  }

  const notConfigured = isApiError(error) && error.code === 'ERR_PROVIDER_NOT_CONFIGURED';
  const mismatch = isAccountMismatch(error);
  const instanceError = missing
    ? t('validation.required')
    : fieldError(error, 'instanceUrl')
      ? t('channels.instanceUrlInvalid')
      : undefined;

  return (
    <form className="form" onSubmit={(e) => void start(e)} noValidate data-testid="oauth-form">
      <p className="connect-intro">{intro || t('channels.connect.oauthLead', { platform: connector.displayName })}</p>
      {perInstance && (
        <TextField
          id="cf-instanceUrl"
          label={t('channels.fields.instanceUrl')}
          type="url"
          value={instanceUrl}
          onChange={(v) => {
            setInstanceUrl(v);
            setMissing(false);
          }}
          required
          placeholder="https://mastodon.social"
          hint={t('channels.help.instanceUrl')}
          error={instanceError}
          autoComplete="url"
          spellCheck={false}
          autoCapitalize="off"
          data-testid="cf-instanceUrl"
        />
      )}
      {!reconnect && (
        <ChannelNameField value={channelName} onChange={setChannelName} />
      )}
      {notConfigured ? (
        <ProviderNotConfigured platform={connector.displayName} onNavigate={onClose} />
      ) : mismatch ? (
        <AccountMismatchAlert error={error} handle={reconnect?.account.handle} />
      ) : error && !fieldError(error, 'instanceUrl') ? (
        <div className="alert alert-error" role="alert" data-testid="error-alert">
          <Icon name="alert" />
          <div className="alert-body">
            <span>{channelErrorText(t, error)}</span>
          </div>
        </div>
      ) : null}
      <div className="dialog-footer">
        <Button onClick={onClose} disabled={busy}>
          {t('common.cancel')}
        </Button>
        <Button
          type="submit"
          variant="primary"
          loading={busy}
          data-autofocus={reconnect && (!perInstance || instanceUrl) ? true : undefined}
          data-testid="oauth-start"
        >
          {t('channels.connect.oauthButton', { platform: connector.displayName })}
        </Button>
      </div>
    </form>
  );
}

/** The optional "name in Regie" of a channel being connected; both connect forms offer it. */
function ChannelNameField({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  const { t } = useTranslation();
  return (
    <TextField
      label={t('channels.fields.channelName')}
      value={value}
      onChange={onChange}
      optional
      optionalText={t('common.optional')}
      hint={t('channels.help.channelName')}
      maxLength={120}
      autoComplete="off"
      data-testid="cf-channel-name"
    />
  );
}
