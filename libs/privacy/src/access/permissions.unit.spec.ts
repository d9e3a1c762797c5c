import { DomainError } from '@coprod/domain/core/errors';
import { ACCESS_ROLES, assertPermitted, can, Permission, PERMISSIONS } from './permissions';

const WRITES: Permission[] = ['record', 'manage_projects', 'approve_expenses', 'pay_expenses', 'erase', 'manage_tokens'];

describe('the permission matrix', () => {
  it('lets an administrator do everything', () => {
    for (const permission of PERMISSIONS) expect(can('administrator', permission)).toBe(true);
  });

  it('lets an evaluation lead do everything except manage tokens and read the log of who read personal data', () => {
    for (const permission of PERMISSIONS) {
      expect(can('evaluation_lead', permission)).toBe(permission !== 'manage_tokens' && permission !== 'read_access_log');
    }
  });

  it('lets the auditor and the administrator, and nobody else, read the log of who read personal data', () => {
    expect(ACCESS_ROLES.filter((role) => can(role, 'read_access_log'))).toEqual(['administrator', 'auditor']);
  });

  it('lets an auditor read everything, history and verification included, and write nothing', () => {
    for (const permission of ['read_personal', 'read_figures', 'read_reports', 'read_history', 'verify'] as const) {
      expect(can('auditor', permission)).toBe(true);
    }
    for (const permission of WRITES) expect(can('auditor', permission)).toBe(false);
  });

  it('lets a recorder record and read figures only', () => {
    expect(PERMISSIONS.filter((p) => can('recorder', p))).toEqual(['record', 'read_figures']);
  });

  it('shows a viewer figures and reports but no personal data', () => {
    expect(PERMISSIONS.filter((p) => can('viewer', p))).toEqual(['read_figures', 'read_reports']);
  });

  it('grants nothing to a role it does not know', () => {
    for (const permission of PERMISSIONS) expect(can('superuser', permission)).toBe(false);
  });

  it('keeps erasure and token management away from every role that cannot write', () => {
    const erasers = ACCESS_ROLES.filter((role) => can(role, 'erase'));
    expect(erasers).toEqual(['administrator', 'evaluation_lead']);
  });

  it('refuses with a forbidden error that names the roles that may', () => {
    expect(() => assertPermitted({ id: 'v.one', role: 'viewer' }, 'read_personal')).toThrow(DomainError);
    try {
      assertPermitted({ id: 'v.one', role: 'viewer' }, 'read_personal');
    } catch (error) {
      expect((error as DomainError).kind).toBe('forbidden');
      expect((error as DomainError).message).toBe(
        'v.one (viewer) may not read personal; this needs one of the roles administrator, evaluation_lead, auditor: ' +
          'ask an administrator for access with one of them',
      );
    }
    expect(() => assertPermitted({ id: 'r.one', role: 'recorder' }, 'record')).not.toThrow();
  });
});
