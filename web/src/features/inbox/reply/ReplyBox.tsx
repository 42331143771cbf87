import { forwardRef, useEffect, useId, useImperativeHandle, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client';
import type { Member } from '../../../api/types';
import { ErrorAlert, Notice } from '../../../components/Alert';
import { Button } from '../../../components/Button';
import { fillSavedReply } from '../../../../../src/core/inbox/saved-reply';
import { inboxApi, type ConversationDetail, type Reply, type ReplyFinding, type SavedReply } from '../api';
import { lastInbound } from '../thread';
import { readDraft, writeDraft } from './drafts';
import { MentionList } from './MentionList';
import { ReplyFindings } from './ReplyFindings';
import { SavedRepliesPicker } from './SavedRepliesPicker';
import { useCaretAfterRender } from './useCaretAfterRender';
import { useCodeCheck } from './useCodeCheck';
import { useMentions } from './useMentions';

export interface ReplyBoxHandle {
  focus: () => void;
  /** Puts a suggestion's or expert's text in the box to edit and accept. */
  takeOver: (r: Reply) => void;
  /** Puts a text in the box as a new reply. */
  useText: (text: string) => void;
}

type Mode = 'reply' | 'note';

function findingsOf(e: unknown): ReplyFinding[] | null {
  if (!isApiError(e) || e.code !== 'ERR_CODE_BLOCKS') return null;
  const f = (e.details as { findings?: unknown } | null)?.findings;
  return Array.isArray(f) ? (f as ReplyFinding[]) : [];
}

/**
 * One box for replies and internal notes. Replies: the code is checked as you type (a block disables sending), a
 * counter against the channel's limit, saved replies with their variables filled, Send and, for advisors, Suggest.
 * Notes: yellow, never sent, with @mentions of members.
 */
export const ReplyBox = forwardRef<
  ReplyBoxHandle,
  {
    ws: string;
    detail: ConversationDetail;
    members: Member[];
    isAgencyMember: boolean;
    agentName: string;
    organizationName: string;
    onOutcome: (r: Reply) => void;
    onChanged: () => void;
  }
>(function ReplyBox({ ws, detail, members, isAgencyMember, agentName, organizationName, onOutcome, onChanged }, ref) {
  const { t } = useTranslation();
  const id = useId();
  const conv = detail.conversation;
  const canReplyHere = detail.channel.canReply;
  const [mode, setMode] = useState<Mode>(canReplyHere ? 'reply' : 'note');
  const [text, setText] = useState(() => readDraft(conv.id, canReplyHere ? 'reply' : 'note'));
  const [takeover, setTakeover] = useState<Reply | null>(null);
  const [busy, setBusy] = useState<'send' | 'suggest' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [unknownVars, setUnknownVars] = useState<string[]>([]);
  const area = useRef<HTMLTextAreaElement>(null);
  const caretAfterRender = useCaretAfterRender(area);
  const check = useCodeCheck(ws, mode === 'reply' ? text : '');
  const mentions = useMentions({ enabled: mode === 'note', text, setText, members, area });

  useEffect(() => {
    if (!takeover) writeDraft(conv.id, mode, text);
  }, [conv.id, mode, text, takeover]);

  useImperativeHandle(ref, () => ({
    focus: () => area.current?.focus(),
    takeOver: (r) => {
      setMode('reply');
      setTakeover(r);
      setText(r.text);
      setError(null);
      caretAfterRender(r.text.length);
    },
    useText: (value) => {
      setMode('reply');
      setTakeover(null);
      setText(value);
      caretAfterRender(value.length);
    },
  }));

  const max = detail.channel.replyMaxLength;
  const count = Array.from(text).length;
  const over = mode === 'reply' && max !== null && count > max;
  const blockedFindings = findingsOf(error);
  const blocked = mode === 'reply' && (check.result?.verdict === 'block' || blockedFindings !== null);
  const sendDisabled = !text.trim() || busy !== null || (mode === 'reply' && (blocked || over || !canReplyHere));

  function switchMode(next: Mode): void {
    if (next === mode) return;
    writeDraft(conv.id, mode, text);
    setMode(next);
    setTakeover(null);
    setText(readDraft(conv.id, next));
    setError(null);
    area.current?.focus();
  }

  function insertSaved(r: SavedReply): void {
    const filled = fillSavedReply(r.body, {
      contact: { name: conv.contact.name },
      agent: { name: agentName },
      organization: { name: organizationName },
    });
    const el = area.current;
    const start = el ? el.selectionStart : text.length;
    const end = el ? el.selectionEnd : text.length;
    const next = text ? text.slice(0, start) + filled.text + text.slice(end) : filled.text;
    setText(next);
    setUnknownVars(filled.unknown);
    caretAfterRender((text ? start : 0) + filled.text.length);
  }

  async function submit(suggestion: boolean): Promise<void> {
    if (sendDisabled) return;
    setBusy(suggestion ? 'suggest' : 'send');
    setError(null);
    try {
      if (mode === 'note') {
        await inboxApi.note(ws, conv.id, text.trim());
      } else if (takeover) {
        onOutcome(await inboxApi.accept(ws, takeover.id, text === takeover.text ? undefined : text));
        setTakeover(null);
      } else {
        const inReplyTo = lastInbound(detail.messages);
        onOutcome(await inboxApi.reply(ws, conv.id, { text, inReplyToMessageId: inReplyTo?.id, suggestion: suggestion || undefined }));
      }
      setText('');
      writeDraft(conv.id, mode, '');
      setUnknownVars([]);
      onChanged();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  }

  if (!detail.may.reply) {
    return (
      <Notice tone="info" testId="reply-readonly">
        {t('inbox.reply.readOnly')}
      </Notice>
    );
  }

  const sendLabel = mode === 'note' ? t('inbox.reply.addNote') : takeover ? t('inbox.reply.acceptSend') : t('inbox.reply.send');
  return (
    <div className={`reply-box mode-${mode}`} data-testid="reply-box" data-mode={mode}>
      <div className="reply-modes" role="group" aria-label={t('inbox.reply.modeLabel')}>
        <button
          type="button"
          className="seg-button"
          aria-pressed={mode === 'reply'}
          disabled={!canReplyHere}
          onClick={() => switchMode('reply')}
          data-testid="reply-mode-reply"
        >
          {t('inbox.reply.modeReply')}
        </button>
        <button type="button" className="seg-button" aria-pressed={mode === 'note'} onClick={() => switchMode('note')} data-testid="reply-mode-note">
          {t('inbox.reply.modeNote')}
        </button>
        {mode === 'reply' && <SavedRepliesPicker ws={ws} disabled={busy !== null} onPick={insertSaved} />}
      </div>
      {!canReplyHere && <p className="small muted">{t('inbox.reply.cannotReply')}</p>}
      {takeover && (
        <div className="takeover-banner small" data-testid="takeover-banner">
          <span>{t(takeover.source === 'expert' ? 'inbox.reply.takingOverExpert' : 'inbox.reply.takingOver', { name: takeover.author.name })}</span>
          <button
            type="button"
            className="link-button"
            onClick={() => {
              setTakeover(null);
              setText('');
            }}
          >
            {t('inbox.reply.stopTakeover')}
          </button>
        </div>
      )}
      <div className="reply-area">
        <label htmlFor={id} className="visually-hidden">
          {mode === 'note' ? t('inbox.reply.noteLabel') : t('inbox.reply.label')}
        </label>
        <textarea
          id={id}
          ref={area}
          className="input textarea reply-text"
          rows={3}
          value={text}
          placeholder={mode === 'note' ? t('inbox.reply.notePlaceholder') : t('inbox.reply.placeholder')}
          onChange={(e) => {
            setText(e.target.value);
            if (error) setError(null);
            mentions.track(e.target.selectionStart, true);
          }}
          onSelect={(e) => mentions.track(e.currentTarget.selectionStart, false)}
          onKeyDown={(e) => {
            if (mentions.onKeyDown(e)) return;
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              void submit(false);
            }
          }}
          aria-describedby={`${id}-count`}
          maxLength={mode === 'note' ? 4000 : 10000}
          data-testid="reply-text"
          {...(mode === 'note' ? mentions.comboboxProps : {})}
        />
        {mentions.open && <MentionList id={mentions.listId} people={mentions.candidates} active={mentions.active} onPick={mentions.pick} />}
      </div>
      {mode === 'reply' && (
        <ReplyFindings
          verdict={check.result?.verdict ?? (blockedFindings ? 'block' : null)}
          findings={check.result?.findings ?? blockedFindings ?? []}
          text={text}
          checking={check.checking}
        />
      )}
      {unknownVars.length > 0 && (
        <Notice tone="warning" onDismiss={() => setUnknownVars([])} testId="reply-unknown-vars">
          {t('inbox.saved.unknown', { vars: unknownVars.map((v) => `{{${v}}}`).join(', ') })}
        </Notice>
      )}
      {error && !blockedFindings ? <ErrorAlert error={error} /> : null}
      {blockedFindings && <p className="field-error">{t('inbox.reply.blockedBySend')}</p>}
      <div className="reply-actions">
        <span id={`${id}-count`} className={over ? 'reply-count is-over' : 'reply-count'} data-testid="reply-count">
          {mode === 'reply' && max !== null ? t('inbox.reply.count', { count, max }) : t('inbox.reply.countFree', { count })}
        </span>
        {mode === 'reply' && detail.may.suggestOnly && <span className="small muted">{t('inbox.reply.suggestOnly')}</span>}
        <span className="reply-buttons">
          {mode === 'reply' && isAgencyMember && !takeover && (
            <Button onClick={() => void submit(true)} loading={busy === 'suggest'} disabled={sendDisabled} data-testid="reply-suggest">
              {t('inbox.reply.suggest')}
            </Button>
          )}
          <Button variant="primary" onClick={() => void submit(false)} loading={busy === 'send'} disabled={sendDisabled} data-testid="reply-send">
            {sendLabel}
          </Button>
        </span>
      </div>
    </div>
  );
});
