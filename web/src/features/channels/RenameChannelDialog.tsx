import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { endpoints } from '../../api/endpoints';
import type { Channel } from '../../api/types';
import { ErrorAlert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { SelectField, TextField } from '../../components/Field';
import { fieldError } from '../../lib/errors';

/** Rename a channel (the name Regie shows; the account on the platform does not change). */
export function RenameChannelDialog({
  workspaceId,
  channel,
  onClose,
  onRenamed,
}: {
  workspaceId: string;
  channel: Channel;
  onClose: () => void;
  onRenamed: (c: Channel) => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState(channel.name);
  const [language, setLanguage] = useState<string>(channel.language ?? '');
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function submit(e: FormEvent): Promise<void> {
    e.preventDefault();
    setError(null);
    if (!name.trim()) {
      setMissing(true);
      return;
    }
    setMissing(false);
    setBusy(true);
    try {
      onRenamed(await endpoints.renameChannel(workspaceId, channel.id, name.trim(), language === 'nl' || language === 'en' ? language : null));
      onClose();
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  }

  const nameError = missing ? t('validation.required') : fieldError(error, 'name');
  return (
    <Dialog
      title={t('channels.rename.title', { name: channel.name })}
      description={t('channels.rename.text')}
      onClose={busy ? () => undefined : onClose}
      testId="rename-channel-dialog"
      size="sm"
    >
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <TextField
          label={t('channels.fields.channelName')}
          value={name}
          onChange={setName}
          required
          maxLength={120}
          autoComplete="off"
          error={nameError}
          data-testid="rename-input"
          data-autofocus
        />
        <SelectField
          label={t('channels.rename.language')}
          hint={t('channels.rename.languageHint')}
          value={language}
          onChange={setLanguage}
          options={[
            { value: '', label: t('channels.rename.languageNone') },
            { value: 'nl', label: 'Nederlands' },
            { value: 'en', label: 'English' },
          ]}
          data-testid="channel-language"
        />
        {error && !fieldError(error, 'name') ? <ErrorAlert error={error} /> : null}
        <div className="dialog-footer">
          <Button onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" variant="primary" loading={busy} data-testid="rename-submit">
            {t('channels.rename.submit')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
