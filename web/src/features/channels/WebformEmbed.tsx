import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Channel } from '../../api/types';
import { CopyField } from '../../components/CopyField';

/** The code a website puts on its pages to show the contact form or the chat widget of a Website channel. */
export function WebformEmbed({ channel }: { channel: Channel }) {
  const { t, i18n } = useTranslation();
  const [mode, setMode] = useState<'form' | 'chat'>('form');
  const lang = i18n.language.startsWith('nl') ? 'nl' : 'en';
  const snippet = `<script src="${window.location.origin}/widget.js" data-regie-key="${channel.account.remoteId}" data-mode="${mode}" data-lang="${lang}" async></script>`;
  return (
    <div className="webform-embed stack-sm" data-testid="webform-embed">
      <fieldset className="segmented">
        <legend className="strong small">{t('channels.embed.title')}</legend>
        {(['form', 'chat'] as const).map((m) => (
          <label key={m} className="segmented-option">
            <input type="radio" name={`embed-${channel.id}`} value={m} checked={mode === m} onChange={() => setMode(m)} />
            <span>{t(`channels.embed.${m}`)}</span>
          </label>
        ))}
      </fieldset>
      <CopyField label={t('channels.embed.code')} value={snippet} testId="webform-snippet" />
      <p className="muted small">{t('channels.embed.help')}</p>
    </div>
  );
}
