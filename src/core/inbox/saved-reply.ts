/**
 * Saved replies are shared knowledge: a text with variables such as `{{contact.firstName}}` that is filled in for
 * the conversation at hand. Unknown variables stay visible so that nobody sends a half-filled text unnoticed.
 */

export interface SavedReplyVars {
  contact: { name: string };
  agent: { name: string };
  organization: { name: string };
}

const VARIABLE = /\{\{\s*([a-zA-Z]+)\.([a-zA-Z]+)\s*\}\}/g;

/** The first word of a name, or the whole name when it looks like a handle or an e-mail address. */
export function firstNameOf(name: string): string {
  const n = name.trim();
  if (n.startsWith('@') || n.includes('@')) return n;
  return n.split(/\s+/)[0] ?? n;
}

/** Known variable names, for editors that offer them. */
export const SAVED_REPLY_VARIABLES = ['contact.name', 'contact.firstName', 'agent.name', 'organization.name'] as const;

/**
 * Fills the variables of a saved reply. Returns the text and the variables it did not know (left as written, e.g.
 * `{{contact.nickname}}`), so the reply box can point at them.
 */
export function fillSavedReply(body: string, vars: SavedReplyVars): { text: string; unknown: string[] } {
  const unknown: string[] = [];
  const text = body.replace(VARIABLE, (whole, scope: string, key: string) => {
    const value = valueOf(vars, scope, key);
    if (value === null) {
      unknown.push(`${scope}.${key}`);
      return whole;
    }
    return value;
  });
  return { text, unknown };
}

function valueOf(vars: SavedReplyVars, scope: string, key: string): string | null {
  if (scope === 'contact' && key === 'name') return vars.contact.name;
  if (scope === 'contact' && key === 'firstName') return firstNameOf(vars.contact.name);
  if (scope === 'agent' && key === 'name') return vars.agent.name;
  if (scope === 'organization' && key === 'name') return vars.organization.name;
  return null;
}
