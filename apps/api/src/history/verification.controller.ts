import { Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { EVENT_STORE, EventStore } from '@coprod/event-store';
import { verifyChain } from '@coprod/privacy';
import { Requires } from '../auth/requires.decorator';

/** Recomputes the integrity chain on demand, as `coprod verify` does. */
@ApiTags('history')
@Controller('api/verification')
export class VerificationController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Post()
  @HttpCode(200)
  @Requires('verify')
  @ApiOperation({ summary: 'Recompute the hash chain over every event: ok with the head, or the first bad event and what is wrong with it' })
  async verify() {
    const checkedAt = new Date().toISOString();
    const chain = await verifyChain(this.store);
    return { ...chain, store: this.store.description, checkedAt };
  }
}
