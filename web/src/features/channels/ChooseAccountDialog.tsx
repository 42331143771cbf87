import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { endpoints } from '../../api/endpoints';
import type { AccountChoice, Channel } from '../../api/types';
import { ErrorAlert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { Icon } from '../../components/Icon';
import { Loading } from '../../components/Loading';
import { useApi } from '../../lib/useApi';
import { AccountMismatchAlert, isAccountMismatch } from './AccountMismatchAlert';
import { ChannelAvatar } from './ChannelAvatar';
import { channelErrorText } from './channelFormat';
import { PlatformIcon } from './PlatformIcon';

function isExpired(err: unknown): boolean {
  return isApiError(err) && err.code === 'ERR_OAUTH_STATE_INVALID';
}

/**
 * After a platform sign-in that manages several accounts (Facebook Pages, Instagram accounts, WhatsApp numbers) the
 * server sends the person to /w/:ws/channels?choose=<token>: here they pick the one account to connect. A choice
 * works once and expires after ten minutes; the server takes it on the first attempt, so after a failed attempt
 * the only way on is to start connecting again.
 */
export function ChooseAccountDialog({
  workspaceId,
  token,
  reconnectHandle,
  onChosen,
  onClose,
}: {
  workspaceId: string;
  token: string;
  /** When this sign-in reconnects a channel: that channel's account, to name it if another one is chosen. */
  reconnectHandle?: string | null;
  onChosen: (c: Channel) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const choices = useApi(() => endpoints.accountChoices(workspaceId, token), [workspaceId, token]);
  const [selected, setSelected] = useState<number | null>(null);
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const listRef = useRef<HTMLFieldSetElement>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  const uid = useId();

  const data = choices.data;
  const loadError = choices.error;
  // The choice is spent once the server has seen an attempt (anything but a network failure).
  const spent = error !== null && !(isApiError(error) && error.code === 'ERR_NETWORK');
  const expired = isExpired(loadError) || isExpired(error);

  // The dialog focuses its first control when it opens, while the accounts are still loading: once they are
  // there, move focus to the list; when the choice turned out expired or spent, to the close button.
  useEffect(() => {
    if (data && data.items.length > 0) listRef.current?.querySelector<HTMLInputElement>('input[type=radio]')?.focus();
  }, [data]);
  useEffect(() => {
    if (loadError || spent)
      bodyRef.current?.closest('dialog')?.querySelector<HTMLElement>('.dialog-footer button')?.focus();
  }, [loadError, spent]);

  async function confirm(e: FormEvent): Promise<void> {
    e.preventDefault();
    if (busy || spent) return;
    if (selected === null) {
      setMissing(true);
      listRef.current?.querySelector<HTMLInputElement>('input[type=radio]')?.focus();
      return;
    }
    setError(null);
    setBusy(true);
    try {
      const c = await endpoints.chooseAccount(workspaceId, token, selected);
      onChosen(c);
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  }

  const title = data ? t('channels.choose.titleFor', { platform: data.kindName }) : t('channels.choose.title');
  const choosable = !!data && data.items.length > 0 && !spent;
  const formId = `${uid}-form`;

  return (
    <Dialog
      title={title}
      onClose={busy ? () => undefined : onClose}
      testId="choose-account-dialog"
      footer={
        <>
          <Button onClick={onClose} disabled={busy} data-testid="choose-cancel">
            {choosable ? t('common.cancel') : t('common.close')}
          </Button>
          {choosable && (
            <Button type="submit" form={formId} variant="primary" loading={busy} data-testid="choose-submit">
              {t('channels.choose.submit')}
            </Button>
          )}
        </>
      }
    >
      <div ref={bodyRef} className="connect-body">
        {choices.loading && !data && !loadError ? (
          <Loading label={t('channels.choose.loading')} />
        ) : loadError ? (
          expired ? (
            <ExpiredAlert />
          ) : (
            <ErrorAlert error={loadError} onRetry={() => void choices.reload()} />
          )
        ) : data ? (
          <form id={formId} className="form" onSubmit={(e) => void confirm(e)} noValidate data-testid="choose-form">
            <div className="connect-platform">
              <PlatformIcon kind={data.kind} size={40} />
              <p className="muted">{t('channels.choose.lead', { platform: data.kindName })}</p>
            </div>
            {data.items.length === 0 ? (
              <p>{t('channels.choose.none')}</p>
            ) : (
              <fieldset
                ref={listRef}
                className="account-choices"
                aria-describedby={missing ? `${uid}-missing` : undefined}
                disabled={busy || spent}
              >
                <legend className="field-label">{t('channels.choose.legend', { platform: data.kindName })}</legend>
                {data.items.map((item) => (
                  <ChoiceRow
                    key={item.index}
                    item={item}
                    name={`${uid}-account`}
                    checked={selected === item.index}
                    onSelect={() => {
                      setSelected(item.index);
                      setMissing(false);
                    }}
                  />
                ))}
                {missing && (
                  <p id={`${uid}-missing`} className="field-error" role="alert">
                    {t('channels.choose.required')}
                  </p>
                )}
              </fieldset>
            )}
            {error ? (
              expired ? (
                <ExpiredAlert />
              ) : isAccountMismatch(error) ? (
                <AccountMismatchAlert error={error} handle={reconnectHandle} context="choose" />
              ) : (
                <div className="alert alert-error" role="alert" data-testid="error-alert">
                  <Icon name="alert" />
                  <div className="alert-body">
                    <span>{channelErrorText(t, error)}</span>
                    {spent && <span>{t('channels.choose.startAgain')}</span>}
                  </div>
                </div>
              )
            ) : null}
          </form>
        ) : null}
      </div>
    </Dialog>
  );
}

function ExpiredAlert() {
  const { t } = useTranslation();
  return (
    <div className="alert alert-error" role="alert" data-testid="choose-expired">
      <Icon name="alert" />
      <div className="alert-body">
        <span>{t('channels.choose.expired')}</span>
      </div>
    </div>
  );
}

function ChoiceRow({
  item,
  name,
  checked,
  onSelect,
}: {
  item: AccountChoice;
  name: string;
  checked: boolean;
  onSelect: () => void;
}) {
  const id = useId();
  const display = item.account.displayName?.trim() || item.account.handle;
  const showHandle = item.account.handle && item.account.handle !== display;
  return (
    <div className={checked ? 'account-choice is-checked' : 'account-choice'}>
      <input
        id={id}
        type="radio"
        name={name}
        value={String(item.index)}
        checked={checked}
        onChange={onSelect}
        data-testid={`choose-account-${item.index}`}
      />
      <label htmlFor={id}>
        <ChannelAvatar name={display} url={item.account.avatarUrl} size={36} />
        <span className="channel-account-text">
          <span className="strong">{display}</span>
          {showHandle && <span className="muted small">{item.account.handle}</span>}
        </span>
      </label>
    </div>
  );
}
