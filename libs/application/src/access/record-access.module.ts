import { Module } from '@nestjs/common';
import { TOKEN_STORE } from '@coprod/privacy/access/token-store.port';
import { ApplicationModule } from '../application.module';
import { GetEntityHistoryHandler } from '../history/entity-history.query';
import { TraceFigureHandler } from '../history/figure-trace.query';
import { AccessLog } from './access-log';
import { ParticipantErasure } from './participant-erasure';
import { SubjectAccess } from './subject-access';
import { tokenStoreProvider, TokenStoreShutdown } from './token-store.provider';

const access = [tokenStoreProvider, TokenStoreShutdown, ParticipantErasure, SubjectAccess, AccessLog];
const history = [GetEntityHistoryHandler, TraceFigureHandler];

/** Who may use the record and what it shows them: tokens, history and trace, subject access, erasure, the log of reads of personal data. */
@Module({
  imports: [ApplicationModule],
  providers: [...access, ...history],
  exports: [TOKEN_STORE, ParticipantErasure, SubjectAccess, AccessLog],
})
export class RecordAccessModule {}
