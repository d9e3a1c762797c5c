import { CanActivate, ExecutionContext, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Request, Response } from 'express';
import { forbidden } from '@coprod/domain';
import { ACCESS_ROLES, can, Permission, PERMISSIONS, ROLE_PERMISSIONS } from '@coprod/privacy';
import { RequestActor } from '../http/request-actor';
import { ACTOR_RESOLVER, ActorResolver, isActor } from './actor-resolver';
import { PermissionRule, PUBLIC_ROUTE, REQUIRED_PERMISSION } from './requires.decorator';

/**
 * Runs before every route: resolves who is asking (401 when nobody can be), records them on the
 * request for the events they write, and checks the permission the route declares (403 naming the
 * role and the missing permission). A route that declares nothing is for administrators only.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(ACTOR_RESOLVER) private readonly resolver: ActorResolver,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    const request = context.switchToHttp().getRequest<Request & { actor?: RequestActor }>();
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) {
      // Open to anyone; a page still knows who is signed in, to greet them and offer what they may do.
      if (request.session !== undefined) {
        const known = await this.resolver.resolve(request);
        if (isActor(known)) request.actor = known;
      }
      return true;
    }
    const resolved = await this.resolver.resolve(request);
    if (!isActor(resolved)) {
      const error = resolved.reason === 'invalid' ? ', error="invalid_token"' : '';
      context.switchToHttp().getResponse<Response>().setHeader('WWW-Authenticate', `Bearer realm="coprod"${error}`);
      throw new UnauthorizedException(resolved.detail);
    }
    request.actor = resolved;
    const rule = this.reflector.getAllAndOverride<PermissionRule | undefined>(REQUIRED_PERMISSION, targets);
    const route = `${request.method} ${request.route?.path ?? request.path}`;
    if (rule === undefined) {
      if (PERMISSIONS.every((permission) => can(resolved.role, permission))) return true;
      throw forbidden('access.undeclared', `${route} declares no permission, so only an administrator may use it; ${resolved.id} has the role ${resolved.role}`);
    }
    const permission = typeof rule === 'function' ? rule(request) : rule;
    if (!can(resolved.role, permission)) throw forbidden(`access.${permission}`, refusal(resolved, permission, route));
    return true;
  }
}

function refusal(actor: RequestActor, permission: Permission, route: string): string {
  const holders = ACCESS_ROLES.filter((role) => ROLE_PERMISSIONS[role].includes(permission));
  return (
    `${actor.id} has the role ${actor.role}, which lacks the permission ${permission} that ${route} needs; ` +
    `the roles with it are ${holders.join(', ')}: ask an administrator for a token with one of them`
  );
}
