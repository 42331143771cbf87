import { describe, expect, it } from 'vitest';
import { resolveAccess } from './access';
import { assertOwnerRemains } from './last-owner';
import { mandateStatus } from './mandate';
import { roleCan, WORKSPACE_ROLES } from './roles';

const now = new Date('2026-06-01T12:00:00Z');
const grant = (over: object = {}) => ({ mandateId: 'm1', agencyId: 'a1', role: 'editor' as const, endsAt: null, revokedAt: null, ...over });

describe('workspace access', () => {
  it('a direct membership wins over a mandate', () => {
    expect(resolveAccess('viewer', [grant()], now)).toEqual({ role: 'viewer', via: { kind: 'member' } });
  });
  it('a mandate in force gives its role, marked as via the agency', () => {
    expect(resolveAccess(null, [grant()], now)).toEqual({ role: 'editor', via: { kind: 'mandate', mandateId: 'm1', agencyId: 'a1' } });
  });
  it('a revoked or ended mandate gives nothing', () => {
    expect(resolveAccess(null, [grant({ revokedAt: '2026-06-01T11:59:59Z' })], now)).toBeNull();
    expect(resolveAccess(null, [grant({ endsAt: '2026-06-01T12:00:00Z' })], now)).toBeNull();
    expect(resolveAccess(null, [grant({ endsAt: '2026-06-01T12:00:01Z' })], now)?.role).toBe('editor');
  });
  it('mandate status', () => {
    expect(mandateStatus({ role: 'viewer', endsAt: null, revokedAt: null }, now)).toBe('active');
    expect(mandateStatus({ role: 'viewer', endsAt: '2020-01-01T00:00:00Z', revokedAt: '2019-01-01T00:00:00Z' }, now)).toBe('revoked');
  });
  it('only owners manage, everyone reads', () => {
    for (const r of WORKSPACE_ROLES) {
      expect(roleCan(r, 'workspace.read')).toBe(true);
      expect(roleCan(r, 'members.manage')).toBe(r === 'owner');
      expect(roleCan(r, 'audit.read')).toBe(r === 'owner');
    }
  });
  it('never leaves a workspace without an owner', () => {
    expect(() => assertOwnerRemains(1, 'owner', 'editor')).toThrow(/last owner/);
    expect(() => assertOwnerRemains(1, 'owner', null)).toThrow(/last owner/);
    expect(() => assertOwnerRemains(2, 'owner', null)).not.toThrow();
    expect(() => assertOwnerRemains(1, 'editor', null)).not.toThrow();
  });
});
