import { fillSavedReply, type SavedReplyVars } from '../../../../../src/core/inbox/saved-reply';

/** Example values for the live preview of a saved reply. */
export function exampleVars(agentName: string, organizationName: string, contactName: string): SavedReplyVars {
  return { contact: { name: contactName }, agent: { name: agentName }, organization: { name: organizationName } };
}

/** The preview text and the variables it did not know. */
export function previewOf(body: string, vars: SavedReplyVars): { text: string; unknown: string[] } {
  return fillSavedReply(body, vars);
}

/** Inserts `{{name}}` into `text` at the selection [start, end); returns the new text and where the caret goes. */
export function insertVariable(text: string, name: string, start: number, end: number): { text: string; caret: number } {
  const token = `{{${name}}}`;
  const s = Math.max(0, Math.min(start, text.length));
  const e = Math.max(s, Math.min(end, text.length));
  return { text: text.slice(0, s) + token + text.slice(e), caret: s + token.length };
}
