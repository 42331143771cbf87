import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Channel } from '../../../api/types';
import { ErrorAlert, Notice } from '../../../components/Alert';
import { Button } from '../../../components/Button';
import { SelectField, TextAreaField, TextField } from '../../../components/Field';
import { inboxSettingsApi, type MessageKind, type TestRouteAnswer } from '../api';
import { ListInput } from '../ListInput';
import { cleanRules, KINDS } from '../rules/ruleDraft';
import type { SettingsDraft } from '../useSettingsDraft';
import { ServerProblems } from '../ServerProblems';
import { TesterResult } from './TesterResult';

/** Paste a message and see where the rules in the editor (saved or not) would send it, and why. */
export function RuleTester({ workspaceId, settings, channels }: { workspaceId: string; settings: SettingsDraft; channels: Channel[] }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [subject, setSubject] = useState('');
  const [channelId, setChannelId] = useState('');
  const [kind, setKind] = useState<MessageKind>('mention');
  const [tags, setTags] = useState<string[]>([]);
  const [vip, setVip] = useState(false);
  const [at, setAt] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [missingText, setMissingText] = useState(false);
  const [answer, setAnswer] = useState<TestRouteAnswer | null>(null);

  useEffect(() => {
    if (!channelId && channels.length > 0) setChannelId(channels[0].id);
  }, [channels, channelId]);

  async function run(e: FormEvent): Promise<void> {
    e.preventDefault();
    setMissingText(!text.trim());
    if (!text.trim() || !channelId) return;
    setBusy(true);
    setError(null);
    try {
      const receivedAt = at ? new Date(at).toISOString() : undefined;
      const rules = settings.draft ? cleanRules(settings.draft.rules) : undefined;
      setAnswer(
        await inboxSettingsApi.testRoute(workspaceId, {
          text,
          subject: subject.trim() || undefined,
          channelId,
          kind,
          contactTags: tags,
          vip,
          receivedAt,
          rules,
        }),
      );
    } catch (err) {
      setError(err);
      setAnswer(null);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="ibx-tester">
      <section className="card" aria-labelledby="ibx-tester-title" data-testid="inbox-tester">
        <div>
          <h2 id="ibx-tester-title" className="card-title">
            {t('inboxSettings.tester.title')}
          </h2>
          <p className="card-lead">{t('inboxSettings.tester.lead')}</p>
        </div>
        {settings.dirty && <Notice tone="info">{t('inboxSettings.tester.unsaved')}</Notice>}
        {channels.length === 0 ? (
          <p className="muted" data-testid="tester-no-channels">
            {t('inboxSettings.tester.noChannels')}
          </p>
        ) : (
          <form className="form" onSubmit={(e) => void run(e)} noValidate>
            <TextAreaField
              label={t('inboxSettings.tester.text')}
              value={text}
              onChange={(v) => {
                setText(v);
                if (v.trim()) setMissingText(false);
              }}
              rows={5}
              maxLength={10000}
              required
              error={missingText ? t('inboxSettings.tester.textRequired') : null}
              data-testid="tester-text"
            />
            <TextField
              label={t('inboxSettings.tester.subject')}
              optional
              optionalText={t('common.optional')}
              value={subject}
              onChange={setSubject}
              maxLength={300}
              data-testid="tester-subject"
            />
            <div className="form-grid">
              <SelectField
                label={t('inboxSettings.tester.channel')}
                value={channelId}
                options={channels.map((c) => ({ value: c.id, label: `${c.name} (${c.kindName})` }))}
                onChange={setChannelId}
                data-testid="tester-channel"
              />
              <SelectField
                label={t('inboxSettings.tester.kind')}
                value={kind}
                options={KINDS.map((k) => ({ value: k, label: t(`inboxSettings.kinds.${k}`) }))}
                onChange={(v) => setKind(v as MessageKind)}
                data-testid="tester-kind"
              />
              <TextField
                label={t('inboxSettings.tester.at')}
                hint={t('inboxSettings.tester.atHint')}
                type="datetime-local"
                value={at}
                onChange={setAt}
                data-testid="tester-at"
              />
            </div>
            <ListInput
              label={t('inboxSettings.tester.tags')}
              hint={t('inboxSettings.tester.tagsHint')}
              value={tags}
              onChange={setTags}
              rows={1}
              testId="tester-tags"
            />
            <label className="radio-row">
              <input type="checkbox" className="ibx-checkbox" checked={vip} onChange={(e) => setVip(e.target.checked)} data-testid="tester-vip" />
              <span>{t('inboxSettings.tester.vip')}</span>
            </label>
            <ServerProblems error={error} />
            {error && !ServerProblems.handles(error) ? <ErrorAlert error={error} /> : null}
            <div className="form-actions">
              <Button type="submit" variant="primary" loading={busy} data-testid="tester-run">
                {t('inboxSettings.tester.run')}
              </Button>
            </div>
          </form>
        )}
      </section>
      {answer && <TesterResult answer={answer} />}
    </div>
  );
}
