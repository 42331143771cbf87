import { InboxPage } from './InboxPage';

/** /w/:ws/inbox[/:conversationId] — the inbox, with that conversation open when the path names one. */
export function InboxRoutes({ sub }: { sub: string | null }) {
  return <InboxPage conversationId={sub && sub.trim() ? sub : null} />;
}
