/** A member's role in a workspace (domain.md): owner is the organization's "regiehouder". */
export const WORKSPACE_ROLES = ['owner', 'editor', 'contributor', 'webcare_agent', 'viewer'] as const;
export type WorkspaceRole = (typeof WORKSPACE_ROLES)[number];

/** Roles a mandate may give an agency's members: never owner, the organization keeps the last word. */
export const MANDATE_ROLES = ['editor', 'contributor', 'webcare_agent', 'viewer'] as const;
export type MandateRole = (typeof MANDATE_ROLES)[number];

export const AGENCY_ROLES = ['admin', 'member'] as const;
export type AgencyRole = (typeof AGENCY_ROLES)[number];

/** What a request may do inside a workspace. Later capabilities add their own permissions here. */
export type Permission =
  | 'workspace.read'
  | 'workspace.manage'
  | 'members.read'
  | 'members.manage'
  | 'mandates.read'
  | 'mandates.manage'
  | 'audit.read'
  | 'channels.read'
  | 'channels.manage'
  /** Read briefs, posts, campaigns, the calendar and the code. */
  | 'content.read'
  /** Write briefs and comment on them (anyone in the organization who proposes content). */
  | 'briefs.write'
  /** Write and schedule posts (whether they need approval is decided by the review rules). */
  | 'posts.write'
  /** Approve or send back posts (the review rules decide whose approval counts). */
  | 'posts.review'
  /** Propose a change to the code. */
  | 'code.propose'
  /** Change the code, accept proposals, set review rules, hold and resume publishing. */
  | 'publishing.manage'
  /** Read the inbox: conversations, contacts, reports. */
  | 'inbox.read'
  /** Work the inbox: reply (through the gate), assign, change status, notes, tags. */
  | 'inbox.reply'
  /** Approve replies that need an approver (the organization's own members only; decided per reply). */
  | 'inbox.approve'
  /** Teams, routing rules, reply rules, saved replies. */
  | 'inbox.manage';

const grants: Record<WorkspaceRole, ReadonlySet<Permission>> = {
  owner: new Set<Permission>([
    'workspace.read',
    'workspace.manage',
    'members.read',
    'members.manage',
    'mandates.read',
    'mandates.manage',
    'audit.read',
    'channels.read',
    'channels.manage',
    'content.read',
    'briefs.write',
    'posts.write',
    'posts.review',
    'code.propose',
    'publishing.manage',
    'inbox.read',
    'inbox.reply',
    'inbox.approve',
    'inbox.manage',
  ]),
  editor: new Set<Permission>(['workspace.read', 'members.read', 'mandates.read', 'channels.read', 'content.read', 'briefs.write', 'posts.write', 'posts.review', 'code.propose', 'inbox.read', 'inbox.reply', 'inbox.approve']),
  contributor: new Set<Permission>(['workspace.read', 'members.read', 'mandates.read', 'channels.read', 'content.read', 'briefs.write', 'posts.write', 'inbox.read', 'inbox.reply']),
  webcare_agent: new Set<Permission>(['workspace.read', 'members.read', 'mandates.read', 'channels.read', 'content.read', 'briefs.write', 'inbox.read', 'inbox.reply']),
  viewer: new Set<Permission>(['workspace.read', 'members.read', 'mandates.read', 'channels.read', 'content.read', 'inbox.read']),
};

/** True when `role` carries `permission`. */
export function roleCan(role: WorkspaceRole, permission: Permission): boolean {
  return grants[role].has(permission);
}

/** True when the text is one of the workspace roles. */
export function isWorkspaceRole(v: string): v is WorkspaceRole {
  return (WORKSPACE_ROLES as readonly string[]).includes(v);
}
