import { AppError } from '../shared/errors';
import type { WorkspaceRole } from './roles';

/**
 * Refuses a change that would leave a workspace without an owner: demoting or removing its last owner.
 * `owners` is the current number of owners; `currentRole` the role of the member being changed.
 */
export function assertOwnerRemains(owners: number, currentRole: WorkspaceRole, nextRole: WorkspaceRole | null): void {
  if (currentRole === 'owner' && nextRole !== 'owner' && owners <= 1) {
    throw new AppError(
      'ERR_LAST_OWNER',
      'This is the last owner of the workspace. Make someone else owner first, so that the organization keeps control.',
    );
  }
}
