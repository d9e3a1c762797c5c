import { Module } from '@nestjs/common';
import { ApplicationModule, RecordAccessModule } from '@coprod/application';
import { FormCommand } from '../form-command';
import { ClaimPage } from './claim-page';
import { DecisionPartsController } from './decision-parts.controller';
import { DecisionRecords } from './decision-record';
import { DecisionsController } from './decisions.controller';
import { ExpenseClaims } from './expense-claims';
import { ExpenseDecisionsController } from './expense-decisions.controller';
import { ExpensePaymentsController } from './expense-payments.controller';
import { ExpensesController } from './expenses.controller';
import { InfluenceController } from './influence.controller';
import { ParticipantNames } from './participant-names';
import { ReportsController } from './reports.controller';

const decisions = [DecisionsController, DecisionPartsController, InfluenceController];
const expenses = [ExpensesController, ExpenseDecisionsController, ExpensePaymentsController];
const reports = [ReportsController];

/** Pages for decisions, expenses and reports. */
@Module({
  imports: [ApplicationModule, RecordAccessModule],
  controllers: [...decisions, ...expenses, ...reports],
  providers: [FormCommand, DecisionRecords, ExpenseClaims, ClaimPage, ParticipantNames],
})
export class DecisionPagesModule {}
