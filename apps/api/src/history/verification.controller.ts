import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsISO8601, IsOptional, IsString, Matches, MaxLength, Min, ValidateNested } from 'class-validator';
import { EVENT_STORE, EventStore } from '@coprod/event-store';
import { Checkpoint, CheckpointVerification, verifyAgainstCheckpoint, verifyChain } from '@coprod/privacy';
import { Requires } from '../auth/requires.decorator';

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** A checkpoint as `coprod checkpoint` writes it: the auditor's own copy, kept outside the system. */
export class CheckpointDto implements Checkpoint {
  @ApiProperty({ description: 'Global position the checkpoint signed', example: 641 })
  @IsInt()
  @Min(1)
  position: number;

  @ApiProperty({ description: 'Hash of the event at that position (SHA-256, hex)', example: 'a3f1…' })
  @Matches(/^[0-9a-f]{64}$/, { message: 'hash must be 64 lower-case hexadecimal characters' })
  hash: string;

  @ApiProperty({ description: 'Events up to and including that position', example: 641 })
  @IsInt()
  @Min(1)
  count: number;

  @ApiProperty({ description: 'When the checkpoint was signed', example: '2026-11-23T09:00:00.000Z' })
  @IsISO8601({ strict: true })
  createdAt: string;

  @ApiProperty({ enum: ['Ed25519'], example: 'Ed25519' })
  @IsIn(['Ed25519'])
  algorithm: 'Ed25519';

  @ApiProperty({ description: "The signer's public key: base64 of its DER (SPKI) encoding", example: 'MCowBQYDK2VwAyEA…' })
  @IsString()
  @MaxLength(200)
  @Matches(BASE64, { message: 'publicKey must be base64' })
  publicKey: string;

  @ApiProperty({ description: 'Ed25519 signature over the other fields, base64', example: 'q1x…' })
  @IsString()
  @MaxLength(200)
  @Matches(BASE64, { message: 'signature must be base64' })
  signature: string;
}

/** What to verify the chain against, if anything beyond itself. */
export class VerificationDto {
  @ApiPropertyOptional({ type: () => CheckpointDto, description: 'A signed checkpoint: also detects truncation and history rewritten up to it' })
  @IsOptional()
  @ValidateNested()
  @Type(() => CheckpointDto)
  checkpoint?: CheckpointDto;

  @ApiPropertyOptional({
    type: [String],
    description: "The organisation's checkpoint public keys (PEM or base64 DER). Without them a checkpoint is only checked against the key it carries.",
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @MaxLength(1000, { each: true })
  trustedPublicKeys?: string[];
}

/** Recomputes the integrity chain on demand, as `coprod verify` does, optionally against a signed checkpoint. */
@ApiTags('history')
@Controller('api/verification')
export class VerificationController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Post()
  @HttpCode(200)
  @Requires('verify')
  @ApiOperation({
    summary:
      'Recompute the hash chain over every event: ok with the head, or the first bad event and what is wrong with it. ' +
      'With a signed checkpoint in the body, also whether the store still holds exactly the history it signed.',
  })
  @ApiBody({ type: VerificationDto, required: false })
  async verify(@Body() body: VerificationDto) {
    const checkedAt = new Date().toISOString();
    const chain = await verifyChain(this.store);
    const answer = { ...chain, store: this.store.description, checkedAt };
    if (!body?.checkpoint) return answer;
    const against: CheckpointVerification & { trusted: boolean } = {
      ...(await verifyAgainstCheckpoint(this.store, body.checkpoint, { trustedPublicKeys: body.trustedPublicKeys })),
      trusted: Boolean(body.trustedPublicKeys?.length),
    };
    // The whole answer is good only when the chain verifies and matches what the auditor signed.
    return { ...answer, ok: chain.ok && against.ok, checkpoint: against };
  }
}
