import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/Alert';
import { inboxApi, type Reply } from '../api';
import { PendingReplyCard, type ReplyAction } from './PendingReplyCard';
import { RejectDialog } from './RejectDialog';

/** The replies in play, above the reply box; approving, rejecting and discarding happen here, taking over in the box. */
export function PendingReplies({
  ws,
  replies,
  mayReply,
  onTakeOver,
  onReuse,
  onOutcome,
  onChanged,
}: {
  ws: string;
  replies: Reply[];
  mayReply: boolean;
  onTakeOver: (r: Reply) => void;
  onReuse: (text: string) => void;
  onOutcome: (r: Reply) => void;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<{ id: string; action: ReplyAction } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [rejecting, setRejecting] = useState<Reply | null>(null);
  if (replies.length === 0) return null;

  async function run(r: Reply, action: ReplyAction, call: () => Promise<Reply>): Promise<void> {
    setBusy({ id: r.id, action });
    setError(null);
    try {
      onOutcome(await call());
      onChanged();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  }

  function act(r: Reply, action: ReplyAction): void {
    switch (action) {
      case 'approve':
        void run(r, action, () => inboxApi.approve(ws, r.id));
        return;
      case 'discard':
        void run(r, action, () => inboxApi.discard(ws, r.id));
        return;
      case 'retry':
        void run(r, action, () => inboxApi.retry(ws, r.id));
        return;
      case 'reject':
        setRejecting(r);
        return;
      case 'takeover':
        onTakeOver(r);
        return;
      case 'reuse':
        onReuse(r.text);
        return;
    }
  }

  return (
    <section className="pending-replies" aria-label={t('inbox.pending.label')}>
      <ul>
        {replies.map((r) => (
          <PendingReplyCard key={r.id} reply={r} mayReply={mayReply} busy={busy?.id === r.id ? busy.action : null} onAction={(a) => act(r, a)} />
        ))}
      </ul>
      {error ? <ErrorAlert error={error} /> : null}
      {rejecting && (
        <RejectDialog
          author={rejecting.author.name}
          onClose={() => setRejecting(null)}
          onReject={async (note) => {
            const r = await inboxApi.reject(ws, rejecting.id, note);
            onOutcome(r);
            onChanged();
          }}
        />
      )}
    </section>
  );
}
