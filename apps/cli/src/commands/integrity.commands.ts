import { Inject } from '@nestjs/common';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { Command, CommandRunner, Option } from 'nest-commander';
import { EVENT_STORE, EventStore } from '@coprod/event-store';
import { Checkpoint, createCheckpoint, generateSigningKeys, verifyAgainstCheckpoint, verifyChain } from '@coprod/privacy';

interface VerifyOptions {
  against?: string;
  publicKey?: string;
}

@Command({ name: 'verify', description: 'Recompute the integrity chain and report the first break; --against CHECKPOINT also detects truncation or rewritten history' })
export class VerifyCommand extends CommandRunner {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {
    super();
  }

  async run(_: string[], options: VerifyOptions): Promise<void> {
    const chain = await verifyChain(this.store);
    if (!chain.ok) {
      console.log(`BROKEN: ${chain.count} events checked; first bad event at position ${chain.firstBreak.position}${chain.firstBreak.eventId ? ` (event ${chain.firstBreak.eventId})` : ''}: ${chain.firstBreak.problem}`);
      process.exitCode = 2;
      return;
    }
    console.log(`chain verified: ${chain.count} events, head at position ${chain.head.position}, hash ${chain.head.hash}`);
    if (!options.against) return;
    const checkpoint = JSON.parse(readFileSync(options.against, 'utf8')) as Checkpoint;
    const trusted = options.publicKey ? [readFileSync(options.publicKey, 'utf8')] : undefined;
    if (!trusted) console.log('warning: no --public-key given; the checkpoint is only checked against its own key');
    const result = await verifyAgainstCheckpoint(this.store, checkpoint, { trustedPublicKeys: trusted });
    if (result.ok) {
      console.log(`matches checkpoint of ${checkpoint.createdAt}: position ${checkpoint.position}, hash ${checkpoint.hash}`);
    } else {
      console.log(`DOES NOT MATCH checkpoint of ${checkpoint.createdAt}: ${result.problem}`);
      process.exitCode = 2;
    }
  }

  @Option({ flags: '--against <checkpoint.json>', description: 'a signed checkpoint kept outside the system' })
  parseAgainst(value: string): string {
    return value;
  }

  @Option({ flags: '--public-key <file>', description: "the organisation's checkpoint public key (PEM)" })
  parsePublicKey(value: string): string {
    return value;
  }
}

interface CheckpointOptions {
  privateKey: string;
  out?: string;
}

@Command({ name: 'checkpoint', description: 'Sign (Ed25519) the current position and chain head: coprod checkpoint --private-key KEY.pem [--out FILE]; a missing key file is created with its .pub beside it' })
export class CheckpointCommand extends CommandRunner {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {
    super();
  }

  async run(_: string[], options: CheckpointOptions): Promise<void> {
    if (!options.privateKey) throw new Error('name the signing key: coprod checkpoint --private-key <file.pem>');
    if (!existsSync(options.privateKey)) {
      const keys = generateSigningKeys();
      writeFileSync(options.privateKey, keys.privateKey, { mode: 0o600 });
      chmodSync(options.privateKey, 0o600);
      writeFileSync(`${options.privateKey}.pub`, keys.publicKey);
      console.log(`created signing key ${options.privateKey} and public key ${options.privateKey}.pub (give the public key to your auditor)`);
    }
    const checkpoint = await createCheckpoint(this.store, readFileSync(options.privateKey, 'utf8'));
    const text = JSON.stringify(checkpoint, null, 2);
    if (options.out) writeFileSync(options.out, `${text}\n`);
    console.log(options.out ? `checkpoint at position ${checkpoint.position} written to ${options.out}` : text);
  }

  @Option({ flags: '--private-key <file>', description: 'Ed25519 private key (PEM)' })
  parseKey(value: string): string {
    return value;
  }

  @Option({ flags: '--out <file>', description: 'where to write the signed checkpoint' })
  parseOut(value: string): string {
    return value;
  }
}
