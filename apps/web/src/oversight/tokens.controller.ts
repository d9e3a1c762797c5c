import { Body, Controller, Get, Inject, NotFoundException, Param, Post, Query, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiExcludeController } from '@nestjs/swagger';
import { Request, Response } from 'express';
import { APP_CONFIG, AppConfig, GetEntityHistory } from '@coprod/application';
import { DomainError } from '@coprod/domain';
import { ACCESS_ROLES, AccessRole, IssuedToken, isAccessRole, Permission, ROLE_PERMISSIONS, TOKEN_STORE, TokenStore, TokenSummary } from '@coprod/privacy';
import { Requires } from '../../../api/src/auth/requires.decorator';
import { ID_PATTERN } from '../../../api/src/commands/dto/fields';
import { RequestActor } from '../../../api/src/http/request-actor';
import { FormError, newFormKey } from '../form-command';
import { pageContext, ROLE_NAMES } from '../web-page';
import { listed, readableMoment, sentence } from './plain-words';
import { oversightSession } from './oversight-session';

type Actor = Request & { actor: RequestActor };
type Attempt = { issued: IssuedToken } | { errors: FormError[] };

const LABEL_LIMIT = 200;
const FORM_KEY = /^[A-Za-z0-9-]{8,100}$/;
/** How many recent issuing forms are remembered, so a form sent twice issues one token. */
const REMEMBERED_FORMS = 500;

/** What each permission lets a person do, as they would say it. */
const PERMISSION_WORDS: Readonly<Record<Permission, string>> = {
  record: 'record sessions, people, decisions and quotes',
  manage_projects: 'register and close projects',
  approve_expenses: 'approve expenses',
  pay_expenses: 'pay expenses',
  read_personal: 'see personal details',
  read_figures: 'see figures',
  read_reports: 'build reports',
  read_history: 'read the history of any record',
  verify: 'check the integrity of the record',
  erase: 'erase people',
  manage_tokens: 'issue and revoke tokens',
  read_access_log: 'see who read personal data',
};

/** What a role may do, in words. */
function roleAllows(role: AccessRole): string {
  const words = ROLE_PERMISSIONS[role].map((permission) => PERMISSION_WORDS[permission]);
  return `Can ${listed(words)}.`;
}

/**
 * API tokens for administrators: the list (never a token's value), issuing one with its role and an
 * optional link to the participant record of its holder (the token is shown once, then only its hash
 * is kept), and revoking one after a check, since that cannot be undone.
 */
@ApiExcludeController()
@Controller('tokens')
export class TokensController {
  /** Tokens being or just issued, by who asked and the form's one-time key. */
  private readonly issuing = new Map<string, Promise<Attempt>>();

  constructor(
    @Inject(TOKEN_STORE) private readonly tokens: TokenStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @Requires('manage_tokens')
  async list(@Req() request: Actor, @Res() response: Response, @Query('revoked') revoked?: string): Promise<void> {
    const all = await this.tokens.list();
    const justRevoked = revoked ? all.find((token) => token.tokenId === revoked && token.revokedAt) : undefined;
    response.render(
      'oversight/tokens/list.njk',
      pageContext(request, 'API tokens', {
        active: all.filter((token) => !token.revokedAt).map(row),
        revoked: all.filter((token) => token.revokedAt).map(row),
        flash: justRevoked ? `The token for ${justRevoked.actorId}${justRevoked.label ? ` (${justRevoked.label})` : ''} was revoked` : undefined,
      }),
    );
  }

  @Get('new')
  @Requires('manage_tokens')
  form(@Req() request: Actor, @Res() response: Response): void {
    this.renderForm(request, response, { actorId: '', role: '', label: '', participantId: '', formKey: newFormKey() });
  }

  @Post('new')
  @Requires('manage_tokens')
  async issue(@Req() request: Actor, @Res() response: Response, @Body() body: Record<string, string> | undefined): Promise<void> {
    const asked = {
      actorId: (body?.actorId ?? '').trim(),
      role: body?.role ?? '',
      label: (body?.label ?? '').trim(),
      participantId: (body?.participantId ?? '').trim(),
      formKey: FORM_KEY.test(body?.formKey ?? '') ? body!.formKey : newFormKey(),
    };
    const key = `${request.actor.id}\u0000${asked.formKey}`;
    const earlier = this.issuing.get(key);
    if (earlier) {
      const first = await earlier;
      if ('issued' in first) return response.redirect(303, `/tokens/${encodeURIComponent(first.issued.tokenId)}/issued`);
    }
    // Remembered before anything is awaited, so the same form sent twice at once issues one token.
    const attempt = this.attempt(asked);
    this.remember(key, attempt);
    const outcome = await attempt;
    if ('errors' in outcome) {
      this.renderForm(request, response.status(400), asked, outcome.errors);
      return;
    }
    oversightSession(request).newToken = { tokenId: outcome.issued.tokenId, token: outcome.issued.token };
    response.redirect(303, `/tokens/${encodeURIComponent(outcome.issued.tokenId)}/issued`);
  }

  @Get(':tokenId/issued')
  @Requires('manage_tokens')
  async issued(@Req() request: Actor, @Res() response: Response, @Param('tokenId') tokenId: string): Promise<void> {
    const summary = await this.find(tokenId);
    const session = oversightSession(request);
    const shown = session.newToken?.tokenId === tokenId ? session.newToken.token : undefined;
    if (shown) delete session.newToken;
    response.setHeader('Cache-Control', 'no-store');
    response.render(
      'oversight/tokens/issued.njk',
      pageContext(request, shown ? `Token issued for ${summary.actorId}` : `The token for ${summary.actorId} has already been shown`, {
        token: shown,
        summary: row(summary),
      }),
    );
  }

  @Get(':tokenId/revoke')
  @Requires('manage_tokens')
  async confirmRevoke(@Req() request: Actor, @Res() response: Response, @Param('tokenId') tokenId: string): Promise<void> {
    const summary = await this.find(tokenId);
    if (summary.revokedAt) return response.redirect(303, '/tokens');
    response.render('oversight/tokens/revoke.njk', pageContext(request, `Revoke the token for ${summary.actorId}?`, { summary: row(summary), idleMinutes: this.config.web.idleMinutes }));
  }

  @Post(':tokenId/revoke')
  @Requires('manage_tokens')
  async revoke(@Res() response: Response, @Param('tokenId') tokenId: string): Promise<void> {
    const summary = await this.find(tokenId);
    if (!summary.revokedAt) await this.tokens.revoke(tokenId);
    response.redirect(303, `/tokens?revoked=${encodeURIComponent(tokenId)}`);
  }

  private async find(tokenId: string): Promise<TokenSummary> {
    const summary = (await this.tokens.list()).find((token) => token.tokenId === tokenId);
    if (!summary) throw new NotFoundException(`no token has the id ${tokenId}`);
    return summary;
  }

  private async attempt(asked: { actorId: string; role: string; label: string; participantId: string }): Promise<Attempt> {
    const errors = await this.problems(asked);
    if (errors.length > 0) return { errors };
    const issued = await this.tokens.issue({
      actorId: asked.actorId,
      role: asked.role as AccessRole,
      label: asked.label,
      ...(asked.participantId ? { participantId: asked.participantId } : {}),
    });
    return { issued };
  }

  /** Keeps an attempt while it can still answer a second sending of its form: a refused one is forgotten, so the corrected form can be sent. */
  private remember(key: string, attempt: Promise<Attempt>): void {
    this.issuing.set(key, attempt);
    attempt.then(
      (outcome) => 'errors' in outcome && this.issuing.delete(key),
      () => this.issuing.delete(key),
    );
    if (this.issuing.size > REMEMBERED_FORMS) this.issuing.delete(this.issuing.keys().next().value!);
  }

  private async problems(asked: { actorId: string; role: string; label: string; participantId: string }): Promise<FormError[]> {
    const errors: FormError[] = [];
    if (asked.actorId === '') errors.push({ field: 'actorId', text: 'Enter who the token is for', href: '#actorId' });
    else if (!ID_PATTERN.test(asked.actorId)) {
      errors.push({ field: 'actorId', text: 'Enter who the token is for as a short name such as j.smith: letters, digits and . _ : - only', href: '#actorId' });
    }
    if (!isAccessRole(asked.role)) errors.push({ field: 'role', text: 'Select the role the token gives', href: '#role' });
    if (asked.label.length > LABEL_LIMIT) errors.push({ field: 'label', text: `The note must be ${LABEL_LIMIT} characters or fewer`, href: '#label' });
    if (asked.participantId !== '') {
      if (!ID_PATTERN.test(asked.participantId) || !(await this.participantExists(asked.participantId))) {
        errors.push({ field: 'participantId', text: `No participant has the ID ${asked.participantId}: check it on their page, or leave it empty`, href: '#participantId' });
      }
    }
    return errors;
  }

  private async participantExists(participantId: string): Promise<boolean> {
    try {
      await this.queries.execute(new GetEntityHistory('participant', participantId));
      return true;
    } catch (error) {
      if (error instanceof DomainError && error.kind === 'not_found') return false;
      throw error;
    }
  }

  private renderForm(request: Actor, response: Response, asked: Record<string, string>, errors: FormError[] = []): void {
    response.render(
      'oversight/tokens/new.njk',
      pageContext(request, 'Issue a token', {
        asked,
        errors,
        errorFor: Object.fromEntries(errors.map((error) => [error.field, error.text])),
        roles: ACCESS_ROLES.map((role) => ({ value: role, text: sentence(ROLE_NAMES[role] ?? role), hint: { text: roleAllows(role) }, checked: asked.role === role })),
        labelLimit: LABEL_LIMIT,
      }),
    );
  }
}

/** A token as its table row and summary show it. */
function row(token: TokenSummary) {
  return {
    ...token,
    roleName: ROLE_NAMES[token.role] ?? token.role,
    issuedText: readableMoment(token.issuedAt),
    revokedText: token.revokedAt ? readableMoment(token.revokedAt) : undefined,
    revokeHref: `/tokens/${encodeURIComponent(token.tokenId)}/revoke`,
  };
}
