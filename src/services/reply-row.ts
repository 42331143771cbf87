import { newId } from '../core/shared/ids';
import type { RepliesTable } from '../db/schema';

type Given = Pick<RepliesTable, 'workspace_id' | 'conversation_id' | 'channel_id' | 'in_reply_to_message_id' | 'text' | 'source' | 'state' | 'created_at'> & Partial<RepliesTable>;

/** A new reply row: what is given, and nothing decided yet for the rest (no approval, no attempt, no outcome). */
export function replyRow(given: Given): RepliesTable {
  return {
    id: newId(),
    author_id: null,
    author_org_id: null,
    editor_ids: '[]',
    approval_reasons: '[]',
    approved_by: null,
    approved_at: null,
    sent_by: null,
    code_version: null,
    reason_code: null,
    reason_text: null,
    remote_id: null,
    remote_url: null,
    attempts: 0,
    attempt_started_at: null,
    lease_owner: null,
    lease_until: null,
    next_attempt_at: null,
    sent_at: null,
    updated_at: given.created_at,
    ...given,
  };
}
