import { PlanActivityDto, HoldActivityDto, CancelActivityDto, RecordAttendanceDto, RecordContributionDto } from './activity.dto';
import { CorrectEventDto } from './correction.dto';
import { RecordDecisionDto, LinkInfluenceDto, RecordProposalNotAdoptedDto, MakeCommitmentDto, MeetCommitmentDto } from './decision.dto';
import { ClaimExpenseDto, AmendExpenseClaimDto, ApproveExpenseDto, RejectExpenseDto, PayExpenseDto } from './expense.dto';
import { DefineServiceMeasureDto, RecordServiceMeasureReadingDto } from './measure.dto';
import { RegisterParticipantDto, UpdateParticipantProfileDto, UpdateParticipantDetailsDto, EraseParticipantDto } from './participant.dto';
import { RegisterProjectDto, TailorOutcomeDto, RecordSetupActivityDto, MoveProjectToStageDto, ChangeProjectFrameworkDto, RecordPrincipleReflectionDto, CloseProjectDto } from './project.dto';
import { CaptureQuoteDto, ChangeQuoteConsentDto, WithdrawQuoteConsentDto } from './quote.dto';
import { RecordSurveyResponseDto } from './survey.dto';

/** The request body class of every command type that can be recorded over HTTP. */
export const COMMAND_DTOS: Record<string, new () => object> = {
  PlanActivity: PlanActivityDto,
  HoldActivity: HoldActivityDto,
  CancelActivity: CancelActivityDto,
  RecordAttendance: RecordAttendanceDto,
  RecordContribution: RecordContributionDto,
  CorrectEvent: CorrectEventDto,
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
  DefineServiceMeasure: DefineServiceMeasureDto,
  RecordServiceMeasureReading: RecordServiceMeasureReadingDto,
  RegisterParticipant: RegisterParticipantDto,
  UpdateParticipantProfile: UpdateParticipantProfileDto,
  UpdateParticipantDetails: UpdateParticipantDetailsDto,
  EraseParticipant: EraseParticipantDto,
  RegisterProject: RegisterProjectDto,
  TailorOutcome: TailorOutcomeDto,
  RecordSetupActivity: RecordSetupActivityDto,
  MoveProjectToStage: MoveProjectToStageDto,
  ChangeProjectFramework: ChangeProjectFrameworkDto,
  RecordPrincipleReflection: RecordPrincipleReflectionDto,
  CloseProject: CloseProjectDto,
  CaptureQuote: CaptureQuoteDto,
  ChangeQuoteConsent: ChangeQuoteConsentDto,
  WithdrawQuoteConsent: WithdrawQuoteConsentDto,
  RecordSurveyResponse: RecordSurveyResponseDto,
};
