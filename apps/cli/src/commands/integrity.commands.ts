import { Inject } from '@nestjs/common';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { Command, CommandRunner, Option } from 'nest-commander';
import { EVENT_STORE, EventStore } from '@coprod/event-store';
import { Checkpoint, createCheckpoint, generateSigningKeys, verifyAgainstCheckpoint, verifyChain } from '@coprod/privacy';

interface VerifyOptions {
  against?: string;
  publicKey?: string;
  acceptUntrusted?: boolean;
}

/** Environment variable naming the organisation's trusted checkpoint public keys (PEM files, separated by ':'). */
const TRUSTED_KEYS_ENV = 'COPROD_TRUSTED_KEYS';

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
    const keyFiles = options.publicKey ? [options.publicKey] : (process.env[TRUSTED_KEYS_ENV] ?? '').split(':').filter(Boolean);
    const trusted = keyFiles.length > 0 ? keyFiles.map((file) => readFileSync(file, 'utf8')) : undefined;
    if (!trusted && !options.acceptUntrusted) {
      console.log(
        `REFUSED: a checkpoint proves nothing unless it is signed by a key you trust; give the organisation's public key with --public-key FILE (or ${TRUSTED_KEYS_ENV}), ` +
          'or pass --accept-untrusted to check it only against its own key',
      );
      process.exitCode = 2;
      return;
    }
    if (!trusted) console.log('warning: --accept-untrusted: the checkpoint is only checked against its own key, which proves nothing about who signed it');
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

  @Option({ flags: '--public-key <file>', description: "the organisation's checkpoint public key (PEM); default: the files in COPROD_TRUSTED_KEYS" })
  parsePublicKey(value: string): string {
    return value;
  }

  @Option({ flags: '--accept-untrusted', description: 'check a checkpoint signed by a key that is not trusted, against its own key only' })
  parseAcceptUntrusted(): boolean {
    return true;
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
