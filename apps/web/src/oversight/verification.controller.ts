import { Body, Controller, Get, Inject, Post, Req, Res, UploadedFiles, UseInterceptors } from '@nestjs/common';
import { FileFieldsInterceptor } from '@nestjs/platform-express';
import { ApiExcludeController } from '@nestjs/swagger';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { Request, Response } from 'express';
import { createPublicKey } from 'node:crypto';
import { EVENT_STORE, EventStore } from '@coprod/event-store';
import { ChainVerification, Checkpoint, CheckpointVerification, verifyAgainstCheckpoint, verifyChain } from '@coprod/privacy';
import { Requires } from '../../../api/src/auth/requires.decorator';
import { CheckpointDto } from '../../../api/src/history/verification.controller';
import { FormError } from '../form-command';
import { pageContext } from '../web-page';
import { readableMoment, sentence } from './plain-words';

/** A file as the upload interceptor hands it over: held in memory, never written to disk. */
type UploadedFile = { buffer: Buffer; size: number };
type Uploads = { checkpointFile?: UploadedFile[]; publicKeyFile?: UploadedFile[] };

/** A checkpoint and a key are a few hundred bytes; anything much larger is not one. */
const UPLOAD_LIMITS = { fileSize: 64 * 1024, files: 2, fields: 10 };

const CHECKPOINT_FIELDS: Readonly<Record<string, string>> = {
  position: 'position',
  hash: 'hash',
  count: 'count of events',
  createdAt: 'date it was signed (createdAt)',
  algorithm: 'algorithm',
  publicKey: 'public key',
  signature: 'signature',
};

/**
 * Verification for auditors: recompute the integrity chain over the whole record, and check it
 * against a signed checkpoint (pasted or uploaded) with the council's trusted public key, as
 * `coprod verify --against` does. Nothing is recorded, so the answer is shown straight away.
 */
@ApiExcludeController()
@Controller('audit/verification')
export class VerificationPagesController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Get()
  @Requires('verify')
  form(@Req() request: Request, @Res() response: Response): void {
    response.render('oversight/audit/verification.njk', pageContext(request, 'Check the integrity of the record', { asked: {} }));
  }

  @Post()
  @Requires('verify')
  async run(@Req() request: Request, @Res() response: Response): Promise<void> {
    const chain = await verifyChain(this.store);
    this.result(request, response, chain);
  }

  @Post('checkpoint')
  @Requires('verify')
  @UseInterceptors(FileFieldsInterceptor([{ name: 'checkpointFile', maxCount: 1 }, { name: 'publicKeyFile', maxCount: 1 }], { limits: UPLOAD_LIMITS }))
  async check(@Req() request: Request, @Res() response: Response, @Body() body: Record<string, string> | undefined, @UploadedFiles() files: Uploads | undefined): Promise<void> {
    const pasted = { checkpoint: (body?.checkpoint ?? '').trim(), publicKey: (body?.publicKey ?? '').trim() };
    const checkpointFile = uploaded(files?.checkpointFile);
    const keyFile = uploaded(files?.publicKeyFile);
    const errors: FormError[] = [];
    const checkpoint = await readCheckpoint(checkpointFile ?? pasted.checkpoint, checkpointFile ? 'checkpointFile' : 'checkpoint', errors);
    const publicKey = readPublicKey(keyFile ?? pasted.publicKey, keyFile ? 'publicKeyFile' : 'publicKey', errors);
    if (!checkpoint || !publicKey) {
      response.status(400).render(
        'oversight/audit/verification.njk',
        pageContext(request, 'Check the integrity of the record', {
          asked: pasted,
          errors,
          errorFor: Object.fromEntries(errors.map((error) => [error.field, error.text])),
          filesToChooseAgain: Boolean(checkpointFile || keyFile),
        }),
      );
      return;
    }
    const chain = await verifyChain(this.store);
    const against = await verifyAgainstCheckpoint(this.store, checkpoint, { trustedPublicKeys: [publicKey] });
    this.result(request, response, chain, { checkpoint, against });
  }

  private result(request: Request, response: Response, chain: ChainVerification, compared?: { checkpoint: Checkpoint; against: CheckpointVerification }): void {
    const checkedAt = new Date().toISOString();
    const checkpoint = compared && {
      ok: compared.against.ok,
      signedOn: readableMoment(compared.checkpoint.createdAt),
      position: compared.checkpoint.position,
      count: compared.checkpoint.count,
      problem: compared.against.ok ? undefined : fullSentence(compared.against.problem),
    };
    const title = !chain.ok
      ? 'The record has been changed or damaged'
      : checkpoint && !checkpoint.ok
        ? 'The record does not match the checkpoint'
        : checkpoint
          ? 'The record matches the checkpoint'
          : 'The record is intact';
    response.render(
      'oversight/audit/verification-result.njk',
      pageContext(request, title, {
        intact: chain.ok && (!checkpoint || checkpoint.ok),
        chain: chain.ok
          ? { ok: true, count: chain.count, position: chain.head.position, hash: chain.head.hash }
          : { ok: false, count: chain.count, position: chain.firstBreak.position, eventId: chain.firstBreak.eventId, problem: fullSentence(chain.firstBreak.problem) },
        checkpoint,
        checkedAt,
        checkedAtText: readableMoment(checkedAt),
      }),
    );
  }
}

/** The text of an uploaded file, or undefined when none was chosen. */
function uploaded(files: UploadedFile[] | undefined): string | undefined {
  const file = files?.[0];
  return file && file.size > 0 ? file.buffer.toString('utf8').trim() : undefined;
}

/** The checkpoint as `coprod checkpoint` wrote it, or undefined with the reason added to `errors`. */
async function readCheckpoint(text: string, field: string, errors: FormError[]): Promise<Checkpoint | undefined> {
  const refuse = (words: string) => {
    errors.push({ field, text: words, href: `#${field}` });
    return undefined;
  };
  if (text === '') return refuse('Paste the checkpoint, or choose the file it was saved in');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return refuse('The checkpoint is not complete JSON: paste the whole file, from the opening { to the closing }');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return refuse('The checkpoint must be the JSON object that coprod checkpoint writes, from { to }');
  }
  const checkpoint = plainToInstance(CheckpointDto, parsed);
  const problems = await validate(checkpoint, { whitelist: true, forbidNonWhitelisted: true });
  if (problems.length > 0) {
    const first = problems[0];
    const known = CHECKPOINT_FIELDS[first.property];
    const detail = known
      ? `The checkpoint's ${known} ${(Object.values(first.constraints ?? {})[0] ?? 'is not valid').replace(new RegExp(`^${first.property}\\s*`), '')}`
      : `The checkpoint has a field a checkpoint never has (${first.property})`;
    return refuse(`${detail}: paste it exactly as coprod checkpoint wrote it`);
  }
  return parsed as Checkpoint;
}

/** The trusted public key as PEM (or base64 DER) text, or undefined with the reason added to `errors`. */
function readPublicKey(text: string, field: string, errors: FormError[]): string | undefined {
  if (text === '') {
    errors.push({ field, text: "Paste the council's checkpoint public key, or choose its file", href: `#${field}` });
    return undefined;
  }
  try {
    if (text.includes('BEGIN')) createPublicKey(text);
    else createPublicKey({ key: Buffer.from(text, 'base64'), format: 'der', type: 'spki' });
    return text;
  } catch {
    errors.push({
      field,
      text: 'The public key cannot be read: paste all of it, from -----BEGIN PUBLIC KEY----- to -----END PUBLIC KEY-----',
      href: `#${field}`,
    });
    return undefined;
  }
}

/** A problem as the verification words it, as a sentence ending with its full stop. */
function fullSentence(text: string): string {
  return /[.!?]$/.test(text) ? sentence(text) : `${sentence(text)}.`;
}
