import { z } from 'zod';
import { AGENCY_ROLES, MANDATE_ROLES, WORKSPACE_ROLES } from '../core/workspaces/roles';

/** Shared request pieces, so every route validates the same way. */
export const email = z.string().trim().max(254).pipe(z.email({ message: 'must be an e-mail address' }));
export const name = z.string().trim().min(1, 'must not be empty').max(120);
export const password = z.string().min(1, 'must not be empty').max(256);
export const id = z.string().min(1).max(64);
export const locale = z.enum(['nl', 'en']);
export const workspaceRole = z.enum(WORKSPACE_ROLES);
export const mandateRole = z.enum(MANDATE_ROLES);
export const agencyRole = z.enum(AGENCY_ROLES);
export const isoTime = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 time, e.g. 2027-01-31T23:00:00Z' });

export const wsParams = z.object({ ws: id });

export const userView = z.object({ id: z.string(), email: z.string(), name: z.string(), locale: locale.nullable() });
export const ok = z.object({});
