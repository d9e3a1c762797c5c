import { forbidden } from '@coprod/domain/core/errors';

/** The roles a person signing in can hold. */
export const ACCESS_ROLES = ['administrator', 'evaluation_lead', 'recorder', 'auditor', 'viewer'] as const;
export type AccessRole = (typeof ACCESS_ROLES)[number];

/** What a role may do. */
export const PERMISSIONS = [
  'record',
  'manage_projects',
  'approve_expenses',
  'pay_expenses',
  'read_personal',
  'read_figures',
  'read_reports',
  'read_history',
  'verify',
  'erase',
  'manage_tokens',
  'read_access_log',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const READ_EVERYTHING: readonly Permission[] = ['read_personal', 'read_figures', 'read_reports', 'read_history', 'verify'];

/**
 * The permission matrix. An auditor reads everything, history and verification included, and writes
 * nothing; a viewer sees figures and reports but no personal data.
 */
export const ROLE_PERMISSIONS: Readonly<Record<AccessRole, readonly Permission[]>> = {
  administrator: PERMISSIONS,
  evaluation_lead: PERMISSIONS.filter((permission) => permission !== 'manage_tokens' && permission !== 'read_access_log'),
  recorder: ['record', 'read_figures'],
  // Who read whose personal data is for those who check on the readers, not for the readers themselves.
  auditor: [...READ_EVERYTHING, 'read_access_log'],
  viewer: ['read_figures', 'read_reports'],
};

/** Whether a string names a role. */
export function isAccessRole(role: string): role is AccessRole {
  return (ACCESS_ROLES as readonly string[]).includes(role);
}

/** Whether the role holds the permission; unknown roles hold none. */
export function can(role: string, permission: Permission): boolean {
  return isAccessRole(role) && ROLE_PERMISSIONS[role].includes(permission);
}

/** Refuses (DomainError `forbidden`) when the actor's role lacks the permission, saying which roles have it. */
export function assertPermitted(actor: { id: string; role: string }, permission: Permission): void {
  if (can(actor.role, permission)) return;
  const holders = ACCESS_ROLES.filter((role) => ROLE_PERMISSIONS[role].includes(permission));
  throw forbidden(
    `access.${permission}`,
    `${actor.id} (${actor.role}) may not ${permission.replace(/_/g, ' ')}; ` +
      `this needs one of the roles ${holders.join(', ')}: ask an administrator for access with one of them`,
  );
}
