import { Request } from 'express';
import { can, Permission } from '@coprod/privacy';
import { RequestActor } from '../../api/src/http/request-actor';

/** Role names as people say them. */
export const ROLE_NAMES: Readonly<Record<string, string>> = {
  administrator: 'administrator',
  evaluation_lead: 'evaluation lead',
  recorder: 'recorder',
  auditor: 'auditor',
  viewer: 'viewer',
};

/** The service's sections, each shown only to the roles allowed to use it. */
const SECTIONS: readonly {
  href: string;
  text: string;
  permission: Permission;
}[] = [
  { href: '/projects', text: 'Projects', permission: 'read_figures' },
  { href: '/expenses', text: 'Expenses', permission: 'approve_expenses' },
  { href: '/audit', text: 'Audit', permission: 'read_history' },
  { href: '/people', text: 'People', permission: 'read_personal' },
];

/** What every page needs: who is signed in, the sections they may use, and which one they are in. */
export function pageContext(request: Request, title: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const actor = (request as Request & { actor?: RequestActor }).actor;
  const here = request.path;
  const navigation = actor
    ? SECTIONS.filter((section) => can(actor.role, section.permission)).map((section) => ({
        href: section.href,
        text: section.text,
        active: here === section.href || here.startsWith(`${section.href}/`),
      }))
    : [];
  const session = (request as Request & { session?: { actor?: RequestActor } }).session;
  return {
    title,
    navigation,
    signedIn: actor
      ? {
          id: actor.id,
          roleName: ROLE_NAMES[actor.role] ?? actor.role,
          canSignOut: Boolean(session?.actor),
        }
      : undefined,
    ...extra,
  };
}
