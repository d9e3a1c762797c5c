import { Inject } from '@nestjs/common';
import { Command, CommandRunner, Option, SubCommand } from 'nest-commander';
import { ACCESS_ROLES, AccessRole, isAccessRole, IssuedToken, TOKEN_STORE, TokenStore, TokenSummary } from '@coprod/privacy';

interface IssueOptions {
  actor?: string;
  role?: string;
  label?: string;
  participant?: string;
  expiresIn?: string;
}

const UNIT_MS = { d: 24 * 60 * 60 * 1000, h: 60 * 60 * 1000, m: 60 * 1000 } as const;

/** A lifetime such as `30d`, `12h` or `45m` (a bare number is days), in milliseconds. */
export function lifetimeOf(text: string): number {
  const match = /^(\d{1,5})([dhm]?)$/.exec(text.trim());
  if (!match || Number(match[1]) === 0) throw new Error(`--expires-in must be a lifetime such as 30d, 12h or 45m, got "${text}"`);
  return Number(match[1]) * UNIT_MS[(match[2] || 'd') as keyof typeof UNIT_MS];
}

/** Prints a token the one time it is shown. */
function printIssued(issued: IssuedToken, revoked?: string): void {
  console.log(
    `token ${issued.tokenId} for ${issued.actorId} (${issued.role})${issued.label ? `, "${issued.label}"` : ''}, expires ${issued.expiresAt}:`,
  );
  console.log(issued.token);
  if (revoked) console.log(`token ${revoked} is revoked: it stopped working when this one was issued.`);
  console.log('It is shown only this once and kept only as a hash: give it to its holder now. Revoke it with coprod token revoke ' + issued.tokenId);
}

@SubCommand({
  name: 'issue',
  description: `Issue a bearer token: --actor ID --role ROLE (${ACCESS_ROLES.join(', ')}) [--label TEXT] [--participant ID] [--expires-in 90d]; it is printed once`,
})
export class IssueTokenCommand extends CommandRunner {
  constructor(@Inject(TOKEN_STORE) private readonly tokens: TokenStore) {
    super();
  }

  async run(_: string[], options: IssueOptions): Promise<void> {
    if (!options.actor) throw new Error('name the person the token is for: coprod token issue --actor j.smith --role recorder');
    if (!options.role || !isAccessRole(options.role)) {
      throw new Error(`--role must be one of ${ACCESS_ROLES.join(', ')}${options.role ? `, got "${options.role}"` : ''}`);
    }
    const lifetime = options.expiresIn === undefined ? {} : { lifetimeMs: lifetimeOf(options.expiresIn) };
    const issued = await this.tokens.issue({
      actorId: options.actor,
      role: options.role as AccessRole,
      label: options.label ?? '',
      participantId: options.participant,
      ...lifetime,
    });
    printIssued(issued);
  }

  @Option({ flags: '--expires-in <lifetime>', description: 'how long it works: 30d, 12h, 45m (default COPROD_TOKEN_DAYS, 90 days)' })
  parseExpiresIn(value: string): string {
    return value;
  }

  @Option({ flags: '--actor <id>', description: 'who the token is for; recorded on every event they write' })
  parseActor(value: string): string {
    return value;
  }

  @Option({ flags: '--role <role>', description: ACCESS_ROLES.join(', ') })
  parseRole(value: string): string {
    return value;
  }

  @Option({ flags: '--label <text>', description: 'a note to tell tokens apart, such as the device' })
  parseLabel(value: string): string {
    return value;
  }

  @Option({
    flags: '--participant <id>',
    description: 'the participant record of the holder, if they also take part: they can then never approve or pay their own claims',
  })
  parseParticipant(value: string): string {
    return value;
  }
}

@SubCommand({ name: 'list', description: 'List every token: who holds it, its role, when issued and revoked (never the token itself)' })
export class ListTokensCommand extends CommandRunner {
  constructor(@Inject(TOKEN_STORE) private readonly tokens: TokenStore) {
    super();
  }

  async run(): Promise<void> {
    const tokens = await this.tokens.list();
    if (tokens.length === 0) {
      console.log('no tokens issued yet: coprod token issue --actor ID --role ROLE');
      return;
    }
    const now = new Date().toISOString();
    const state = (t: TokenSummary) => (t.revokedAt ? `revoked ${t.revokedAt}` : t.expiresAt <= now ? `expired ${t.expiresAt}` : 'active');
    const rows = tokens.map((t) => [t.tokenId, t.actorId, t.role, t.issuedAt, t.expiresAt, state(t), t.label]);
    const header = ['token id', 'actor', 'role', 'issued', 'expires', 'state', 'label'];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
    for (const row of [header, ...rows])
      console.log(
        row
          .map((cell, i) => cell.padEnd(widths[i]))
          .join('  ')
          .trimEnd(),
      );
  }
}

@SubCommand({ name: 'revoke', arguments: '<tokenId>', description: 'Revoke a token by its id (from coprod token list); it stops working at once' })
export class RevokeTokenCommand extends CommandRunner {
  constructor(@Inject(TOKEN_STORE) private readonly tokens: TokenStore) {
    super();
  }

  async run([tokenId]: string[]): Promise<void> {
    if (!(await this.tokens.revoke(tokenId))) {
      throw new Error(`no active token has the id ${tokenId}: coprod token list shows every token and whether it is revoked`);
    }
    console.log(`token ${tokenId} revoked`);
  }
}

interface RotateOptions {
  expiresIn?: string;
}

@SubCommand({
  name: 'rotate',
  arguments: '<tokenId>',
  description:
    'Replace a token with a new one for the same person and role, revoking the old one at the same moment: coprod token rotate TOKEN_ID [--expires-in 90d]',
})
export class RotateTokenCommand extends CommandRunner {
  constructor(@Inject(TOKEN_STORE) private readonly tokens: TokenStore) {
    super();
  }

  async run([tokenId]: string[], options: RotateOptions): Promise<void> {
    const lifetime = options.expiresIn === undefined ? {} : { lifetimeMs: lifetimeOf(options.expiresIn) };
    const issued = await this.tokens.rotate(tokenId, lifetime);
    if (!issued) throw new Error(`no active token has the id ${tokenId}: coprod token list shows every token and whether it is revoked`);
    printIssued(issued, tokenId);
  }

  @Option({ flags: '--expires-in <lifetime>', description: 'how long the new token works: 30d, 12h, 45m (default COPROD_TOKEN_DAYS, 90 days)' })
  parseExpiresIn(value: string): string {
    return value;
  }
}

@Command({
  name: 'token',
  description:
    'Bearer tokens for the API: token issue --actor ID --role ROLE [--label TEXT] [--expires-in 90d], token list, token rotate TOKEN_ID, token revoke TOKEN_ID',
  subCommands: [IssueTokenCommand, ListTokensCommand, RevokeTokenCommand, RotateTokenCommand],
})
export class TokenCommand extends CommandRunner {
  async run(): Promise<void> {
    console.log(
      'coprod token issue --actor ID --role ROLE [--label TEXT] [--expires-in 90d] | coprod token list | coprod token rotate TOKEN_ID | coprod token revoke TOKEN_ID',
    );
  }
}

/** The token command and its subcommands, to register together. */
export const TOKEN_COMMANDS = [TokenCommand, IssueTokenCommand, ListTokensCommand, RevokeTokenCommand, RotateTokenCommand];
