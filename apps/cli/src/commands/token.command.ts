import { Inject } from '@nestjs/common';
import { Command, CommandRunner, Option, SubCommand } from 'nest-commander';
import { ACCESS_ROLES, AccessRole, isAccessRole, TOKEN_STORE, TokenStore } from '@coprod/privacy';

interface IssueOptions {
  actor?: string;
  role?: string;
  label?: string;
  participant?: string;
}

@SubCommand({ name: 'issue', description: `Issue a bearer token: --actor ID --role ROLE (${ACCESS_ROLES.join(', ')}) [--label TEXT] [--participant ID]; it is printed once` })
export class IssueTokenCommand extends CommandRunner {
  constructor(@Inject(TOKEN_STORE) private readonly tokens: TokenStore) {
    super();
  }

  async run(_: string[], options: IssueOptions): Promise<void> {
    if (!options.actor) throw new Error('name the person the token is for: coprod token issue --actor j.smith --role recorder');
    if (!options.role || !isAccessRole(options.role)) {
      throw new Error(`--role must be one of ${ACCESS_ROLES.join(', ')}${options.role ? `, got "${options.role}"` : ''}`);
    }
    const issued = await this.tokens.issue({ actorId: options.actor, role: options.role as AccessRole, label: options.label ?? '', participantId: options.participant });
    console.log(`token ${issued.tokenId} for ${issued.actorId} (${issued.role})${issued.label ? `, "${issued.label}"` : ''}:`);
    console.log(issued.token);
    console.log('It is shown only this once and kept only as a hash: give it to its holder now. Revoke it with coprod token revoke ' + issued.tokenId);
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

  @Option({ flags: '--participant <id>', description: 'the participant record of the holder, if they also take part: they can then never approve or pay their own claims' })
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
    const rows = tokens.map((t) => [t.tokenId, t.actorId, t.role, t.issuedAt, t.revokedAt ? `revoked ${t.revokedAt}` : 'active', t.label]);
    const header = ['token id', 'actor', 'role', 'issued', 'state', 'label'];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
    for (const row of [header, ...rows]) console.log(row.map((cell, i) => cell.padEnd(widths[i])).join('  ').trimEnd());
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

@Command({
  name: 'token',
  description: 'Bearer tokens for the API: token issue --actor ID --role ROLE [--label TEXT], token list, token revoke TOKEN_ID',
  subCommands: [IssueTokenCommand, ListTokensCommand, RevokeTokenCommand],
})
export class TokenCommand extends CommandRunner {
  async run(): Promise<void> {
    console.log('coprod token issue --actor ID --role ROLE [--label TEXT] | coprod token list | coprod token revoke TOKEN_ID');
  }
}

/** The token command and its subcommands, to register together. */
export const TOKEN_COMMANDS = [TokenCommand, IssueTokenCommand, ListTokensCommand, RevokeTokenCommand];
