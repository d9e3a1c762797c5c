import { CancelActivityDto, HoldActivityDto, PlanActivityDto, RecordAttendanceDto, RecordContributionDto } from './activity.dto';
import { CORRECTION_DTOS } from './correction.dto';
import { LinkInfluenceDto, MakeCommitmentDto, MeetCommitmentDto, RecordDecisionDto, RecordProposalNotAdoptedDto } from './decision.dto';
import {
  AmendExpenseClaimDto,
  ApproveExpenseDto,
  ClaimExpenseDto,
  PayExpenseDto,
  RejectExpenseDto,
  ReverseExpensePaymentDto,
  WithdrawExpenseApprovalDto,
} from './expense.dto';
import { DefineServiceMeasureDto, RecordServiceMeasureReadingDto } from './measure.dto';
import { EraseParticipantDto, RegisterParticipantDto, UpdateParticipantDetailsDto, UpdateParticipantProfileDto } from './participant.dto';
import {
  ChangeProjectFrameworkDto,
  CloseProjectDto,
  MoveProjectToStageDto,
  RecordPrincipleReflectionDto,
  RecordSetupActivityDto,
  RegisterProjectDto,
  TailorOutcomeDto,
} from './project.dto';
import { CaptureQuoteDto, ChangeQuoteConsentDto, WithdrawQuoteConsentDto } from './quote.dto';
import { RecordSurveyResponseDto } from './survey.dto';

export * from './activity.dto';
export * from './correction.dto';
export * from './decision.dto';
export * from './expense.dto';
export * from './measure.dto';
export * from './participant.dto';
export * from './project.dto';
export * from './quote.dto';
export * from './survey.dto';

/** The DTO that validates the body of `POST /api/commands/{CommandType}`, for every command type. */
export const COMMAND_DTOS: Record<string, new () => object> = {
  RegisterProject: RegisterProjectDto,
  TailorOutcome: TailorOutcomeDto,
  RecordSetupActivity: RecordSetupActivityDto,
  MoveProjectToStage: MoveProjectToStageDto,
  ChangeProjectFramework: ChangeProjectFrameworkDto,
  RecordPrincipleReflection: RecordPrincipleReflectionDto,
  CloseProject: CloseProjectDto,
  RegisterParticipant: RegisterParticipantDto,
  UpdateParticipantProfile: UpdateParticipantProfileDto,
  UpdateParticipantDetails: UpdateParticipantDetailsDto,
  EraseParticipant: EraseParticipantDto,
  PlanActivity: PlanActivityDto,
  HoldActivity: HoldActivityDto,
  CancelActivity: CancelActivityDto,
  RecordAttendance: RecordAttendanceDto,
  RecordContribution: RecordContributionDto,
  RecordDecision: RecordDecisionDto,
  LinkInfluence: LinkInfluenceDto,
  RecordProposalNotAdopted: RecordProposalNotAdoptedDto,
  MakeCommitment: MakeCommitmentDto,
  MeetCommitment: MeetCommitmentDto,
  ClaimExpense: ClaimExpenseDto,
  AmendExpenseClaim: AmendExpenseClaimDto,
  ApproveExpense: ApproveExpenseDto,
  RejectExpense: RejectExpenseDto,
  PayExpense: PayExpenseDto,
  CaptureQuote: CaptureQuoteDto,
  ChangeQuoteConsent: ChangeQuoteConsentDto,
  WithdrawQuoteConsent: WithdrawQuoteConsentDto,
  RecordSurveyResponse: RecordSurveyResponseDto,
  DefineServiceMeasure: DefineServiceMeasureDto,
  RecordServiceMeasureReading: RecordServiceMeasureReadingDto,
  WithdrawExpenseApproval: WithdrawExpenseApprovalDto,
  ReverseExpensePayment: ReverseExpensePaymentDto,
  ...CORRECTION_DTOS,
};
