import { Controller, Get, Inject, Logger, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Request, Response } from 'express';
import { Public } from '../../../api/src/auth/requires.decorator';
import { RequestActor } from '../../../api/src/http/request-actor';
import { safeReturn } from '../pages/account.controller';
import { pageContext } from '../web-page';
import { OidcRelyingParty, PendingSignIn, SignInError, SignInFailure } from './oidc-client';
import { personFromClaims } from './person';
import { OIDC_RELYING_PARTY } from './sign-in.tokens';

/** What a council sign-in keeps in the server-side session. */
export type OidcSession = Request['session'] & {
  actor?: RequestActor;
  /** When the sign-in ends however active the person is: the ID token's expiry, or the configured maximum. */
  signedInUntil?: number;
  /** Between sending someone to the provider and their return. */
  pendingSignIn?: PendingSignIn;
  /** Kept for the provider's end-session request, which names whose session to end. */
  idToken?: string;
};

/**
 * Signing in with the council's own accounts (OpenID Connect): off to the provider, back with a code,
 * the ID token checked, the person's role read from their claims. Every failure has its own page and
 * leaves no signed-in session behind.
 */
@ApiExcludeController()
@Controller()
export class OidcSignInController {
  private readonly logger = new Logger('SignIn');

  constructor(@Inject(OIDC_RELYING_PARTY) private readonly party: OidcRelyingParty | null) {}

  @Get('sign-in/oidc')
  @Public()
  async start(@Req() request: Request, @Res() response: Response, @Query('returnTo') returnTo?: string): Promise<void> {
    const party = this.configured(request, response);
    if (!party) return;
    try {
      const { url, pending } = await party.start(safeReturn(returnTo));
      (request.session as OidcSession).pendingSignIn = pending;
      request.session.save(() => response.redirect(303, url.href));
    } catch (error) {
      this.failed(request, response, party, error);
    }
  }

  @Get('sign-in/oidc/callback')
  @Public()
  async callback(@Req() request: Request, @Res() response: Response): Promise<void> {
    const party = this.configured(request, response);
    if (!party) return;
    const session = request.session as OidcSession;
    const pending = session.pendingSignIn;
    delete session.pendingSignIn;
    try {
      if (!pending)
        throw new SignInError({
          kind: 'mismatch',
          detail: 'this browser has no sign-in waiting for an answer (it expired, or was started elsewhere)',
        });
      const query = request.originalUrl.includes('?') ? request.originalUrl.slice(request.originalUrl.indexOf('?')) : '';
      const { claims, idToken } = await party.finish(query, pending);
      const person = personFromClaims(claims, party.settings);
      if (!person.role) {
        this.logger.warn(`${person.actorId} signed in but holds no mapped value of the claim ${party.settings.roleClaim}`);
        return this.endSession(request, response, () =>
          this.page(request, response, 403, 'You do not have access to this service', [
            `You signed in with ${party.settings.name} as ${person.name}, but your account has not been given a role in this service, so you cannot use it.`,
            `To get access, ask ${party.settings.accessContact}. Tell them the account you signed in with.`,
          ]),
        );
      }
      const role = person.role;
      const expiry = typeof claims.exp === 'number' ? claims.exp * 1000 : Date.now();
      const until = party.settings.maxSessionMinutes ? Date.now() + party.settings.maxSessionMinutes * 60_000 : expiry;
      // A new session id on sign-in, so an id known before signing in is worth nothing after.
      request.session.regenerate((error) => {
        if (error) return this.failed(request, response, party, error);
        const fresh = request.session as OidcSession;
        fresh.actor = { id: person.actorId, role, name: person.name, ...(person.participantId ? { participantId: person.participantId } : {}) };
        fresh.signedInUntil = until;
        fresh.idToken = idToken;
        request.session.save(() => response.redirect(303, pending.returnTo));
      });
    } catch (error) {
      this.endSession(request, response, () => this.failed(request, response, party, error));
    }
  }

  @Get('signed-out')
  @Public()
  signedOut(@Req() request: Request, @Res() response: Response): void {
    response.render('account/signed-out.njk', pageContext(request, 'You have signed out'));
  }

  private configured(request: Request, response: Response): OidcRelyingParty | undefined {
    if (this.party) return this.party;
    this.page(
      request,
      response,
      404,
      'Page not found',
      ['This service does not sign people in with council accounts. Sign in with an access token instead.'],
      {
        href: '/sign-in',
        text: 'Sign in with an access token',
      },
    );
    return undefined;
  }

  /** No usable session after a failure: whatever the browser held is gone, and a page says what happened. */
  private endSession(request: Request, response: Response, then: () => void): void {
    request.session.destroy(() => {
      response.clearCookie('coprod_session');
      (request as Request & { actor?: RequestActor }).actor = undefined;
      then();
    });
  }

  private failed(request: Request, response: Response, party: OidcRelyingParty, error: unknown): void {
    const failure: SignInFailure =
      error instanceof SignInError ? error.failure : { kind: 'unverified', detail: error instanceof Error ? error.message : String(error) };
    this.logger.warn(`sign-in with ${party.settings.issuer.href} failed (${failure.kind}): ${failure.detail}`);
    const { name, accessContact } = party.settings;
    const again = { href: '/sign-in', text: 'Go back to sign in' };
    switch (failure.kind) {
      case 'unreachable':
        return this.page(
          request,
          response,
          503,
          `Sorry, you cannot sign in with ${name} at the moment`,
          [
            `${name}'s sign-in service is not answering, so you have not been signed in.`,
            `Try again in a few minutes. If it keeps happening, tell ${accessContact}.`,
          ],
          again,
        );
      case 'mismatch':
        return this.page(
          request,
          response,
          400,
          'Your sign-in could not be completed',
          [
            'The answer from the sign-in service did not match the sign-in this browser started, so it was not accepted and you have not been signed in.',
            'This happens if the sign-in took too long, if you used the back button, or if you followed a sign-in link from somewhere else. Start again from this service.',
          ],
          again,
        );
      case 'refused':
        return this.page(
          request,
          response,
          400,
          'You have not been signed in',
          [`${name} did not sign you in: ${failure.detail}.`, `If you expected to be signed in, tell ${accessContact}.`],
          again,
        );
      case 'unverified':
        return this.page(
          request,
          response,
          400,
          'Your sign-in could not be checked',
          [
            `The answer from ${name} did not pass this service's checks (who signed it, who it was for, when it expires, and that it belongs to this sign-in), so you have not been signed in.`,
            `Start again. If it happens again, tell ${accessContact}, quoting: ${failure.detail}.`,
          ],
          again,
        );
    }
  }

  private page(request: Request, response: Response, status: number, title: string, lines: string[], link?: { href: string; text: string }): void {
    response.status(status).render('sign-in/problem.njk', pageContext(request, title, { lines, link }));
  }
}
