import { Module } from '@nestjs/common';
import { ApplicationModule, RecordAccessModule } from '@coprod/application';
import { FormCommand } from '../form-command';
import { AuditController } from './audit.controller';
import { ErasurePagesController } from './erasure.controller';
import { PublicCaseStudy } from './public-case-study';
import { PublicPagesController } from './public.controller';
import { SubjectAccessPagesController } from './subject-access.controller';
import { TokensController } from './tokens.controller';
import { VerificationPagesController } from './verification.controller';

const auditors = [AuditController, VerificationPagesController];
const administrators = [SubjectAccessPagesController, ErasurePagesController, TokensController];
const residents = [PublicPagesController];

/** Pages for auditors, administrators and the public. */
@Module({
  imports: [ApplicationModule, RecordAccessModule],
  controllers: [...auditors, ...administrators, ...residents],
  providers: [FormCommand, PublicCaseStudy],
})
export class OversightPagesModule {}
