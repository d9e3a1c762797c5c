import { Body, Controller, Get, Inject, Optional, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Request, Response } from 'express';
import { TOKEN_STORE, TokenStore } from '@coprod/privacy';
import { Public } from '../../../api/src/auth/requires.decorator';
import { RequestActor } from '../../../api/src/http/request-actor';
import { pageContext } from '../web-page';
import type { OidcRelyingParty } from '../sign-in/oidc-client';
import { OIDC_RELYING_PARTY } from '../sign-in/sign-in.tokens';

type WebSession = Request['session'] & { actor?: RequestActor; idToken?: string; tokenId?: string };

/** Only a path on this service: never another site, never a protocol-relative address. */
export function safeReturn(value: unknown): string {
  return typeof value === 'string' && /^\/(?![/\\])/.test(value) ? value : '/';
}

/** Signing in with an access token (until the council's own accounts are connected), and signing out. */
@ApiExcludeController()
@Controller()
export class AccountController {
  constructor(
    @Inject(TOKEN_STORE) private readonly tokens: TokenStore,
    @Optional() @Inject(OIDC_RELYING_PARTY) private readonly oidc: OidcRelyingParty | null = null,
  ) {}

  /** When council accounts are configured, the sign-in page offers them first; access tokens stay for those who have one. */
  private signInChoices(): Record<string, unknown> {
    return this.oidc ? { oidc: { name: this.oidc.settings.name } } : {};
  }

  @Get('sign-in')
  @Public()
  form(@Req() request: Request, @Res() response: Response, @Query('returnTo') returnTo?: string): void {
    response.render('account/sign-in.njk', pageContext(request, 'Sign in', { returnTo: safeReturn(returnTo), ...this.signInChoices() }));
  }

  @Post('sign-in')
  @Public()
  async signIn(@Req() request: Request, @Res() response: Response, @Body() body: Record<string, string>): Promise<void> {
    const token = (body.token ?? '').trim();
    const returnTo = safeReturn(body.returnTo);
    const actor = token === '' ? undefined : await this.tokens.authenticate(token);
    if (!actor) {
      const text = token === '' ? 'Enter your access token' : 'Enter a valid access token: this one is unknown or was withdrawn';
      response.status(400).render(
        'account/sign-in.njk',
        pageContext(request, 'Sign in', {
          returnTo,
          ...this.signInChoices(),
          errors: [{ text, href: '#token' }],
          tokenError: text,
        }),
      );
      return;
    }
    // A new session id on sign-in, so an id known before signing in is worth nothing after.
    request.session.regenerate((error) => {
      if (error) throw error;
      (request.session as WebSession).actor = {
        id: actor.actorId,
        role: actor.role,
        ...(actor.participantId ? { participantId: actor.participantId } : {}),
      };
      (request.session as WebSession).tokenId = actor.tokenId;
      request.session.save(() => response.redirect(303, returnTo));
    });
  }

  @Get('sign-out')
  @Public()
  async signOut(@Req() request: Request, @Res() response: Response): Promise<void> {
    // Someone who signed in with a council account is signed out by their provider too (RP-initiated sign-out).
    const idToken = (request.session as WebSession | undefined)?.idToken;
    let endSession: URL | undefined;
    let providerUnreached = false;
    if (idToken && this.oidc) endSession = await this.oidc.endSessionUrl(idToken).catch(() => ((providerUnreached = true), undefined));
    const done = () => {
      response.clearCookie('coprod_session');
      if (endSession) return response.redirect(303, endSession.href);
      response.render(
        'account/signed-out.njk',
        pageContext(request, 'You have signed out', providerUnreached ? { provider: this.oidc?.settings.name } : {}),
      );
    };
    if (request.session) request.session.destroy(done);
    else done();
  }
}
