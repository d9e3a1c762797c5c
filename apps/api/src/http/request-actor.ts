import { createParamDecorator, ExecutionContext, UnauthorizedException } from '@nestjs/common';
import { Request } from 'express';

/** The authenticated (or configured local) person making a request. */
export interface RequestActor {
  id: string;
  role: string;
  /** The participant record this person is, if they also take part. */
  participantId?: string;
  /** How the person is called by their council's identity provider: shown on pages, never recorded in events (the id is). */
  name?: string;
}

/** Reads the actor resolved for this request by the authentication guard. */
export const Actor = createParamDecorator((_: unknown, context: ExecutionContext): RequestActor => {
  const request = context.switchToHttp().getRequest<Request & { actor?: RequestActor }>();
  if (!request.actor) throw new UnauthorizedException('no actor is known for this request: present a bearer token');
  return request.actor;
});
