import { Request } from 'express';
import { can, Permission, PERMISSIONS } from '@coprod/privacy';
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

interface WebSession {
  actor?: RequestActor;
  flash?: string;
}

/** Keeps a success message for the next page this person sees: the page a form redirects to says what was recorded. */
export function setFlash(request: Request, text: string): void {
  const session = (request as Request & { session?: WebSession }).session;
  if (session) session.flash = text;
}

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
  const session = (request as Request & { session?: WebSession }).session;
  const flash = session?.flash;
  if (session && flash !== undefined) delete session.flash;
  return {
    title,
    flash,
    navigation,
    signedIn: actor
      ? {
          id: actor.id,
          name: actor.name,
          roleName: ROLE_NAMES[actor.role] ?? actor.role,
          canSignOut: Boolean(session?.actor),
        }
      : undefined,
    /** The permissions of whoever is signed in, so a page offers only what they may do: `{% if "record" in allowed %}`. */
    allowed: actor ? PERMISSIONS.filter((permission) => can(actor.role, permission)) : [],
    ...extra,
  };
}
