import { Attribution, ATTRIBUTIONS, CaptureQuote, ChangeQuoteConsent, QUOTE_USES, QuoteUse, WithdrawQuoteConsent } from '@coprod/domain';
import { Matches, MaxLength } from 'class-validator';
import { ApiProperty } from '@nestjs/swagger';
import { ChoiceField, ChoiceListField, CommandBody, DateField, IdField, IdListField, NestedField, TEXT_LIMITS, TextField } from './fields';
import { REFERENCE_DOCS } from './reference-docs';

/** A BCP 47 language tag such as `en`, `cy` or `pl-PL` (RFC 5646, simplified to language and subtags). */
const LANGUAGE_TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const MAX_OUTCOMES = 20;

/** The participant's own words. */
export class QuoteWordsDto {
  @TextField({ description: 'The words exactly as said or written', example: 'For the first time I felt the council was writing it with us, not for us.' }, TEXT_LIMITS.freeText)
  words: string;
}

/** The words are the participant's personal data, encrypted under their key. */
export class QuotePersonalDto {
  @IdField({ description: 'Whose words these are: must be the participant id', example: 'part-003' }) subjectId: string;
  @NestedField(() => QuoteWordsDto, { description: 'The words', example: { words: 'For the first time I felt the council was writing it with us, not for us.' } })
  fields: QuoteWordsDto;
}

const ATTRIBUTION = { description: 'How the quote may be attributed', example: 'role_only' };
const USES = { description: 'Where the quote may be used (at least one: that is the consent)', example: ['internal_evaluation', 'committee_papers'] };

/** Body of `POST /api/commands/CaptureQuote`. */
export class CaptureQuoteDto implements CommandBody<CaptureQuote> {
  @IdField(REFERENCE_DOCS.quoteId) quoteId: string;
  @IdField(REFERENCE_DOCS.projectId) projectId: string;
  @IdField(REFERENCE_DOCS.participantId) participantId: string;
  @IdField({ description: 'Activity where it was said, if any', example: 'act-energy-05' }, { nullable: true }) activityId: string | null = null;
  @IdField({ description: 'Decision it speaks to, if any', example: 'dec-energy-cabinet' }, { nullable: true }) decisionId: string | null = null;
  @TextField({ description: 'When and why it was said', example: 'Closing round of the design workshop' }, TEXT_LIMITS.freeText)
  context: string;
  @IdListField({ description: 'Framework outcomes it speaks to', example: ['increased_influence', 'more_confident'] }, { maxItems: MAX_OUTCOMES })
  outcomeIds: string[];
  @ChoiceField(ATTRIBUTIONS, ATTRIBUTION) attribution: Attribution;
  @ChoiceListField(QUOTE_USES, USES, { atLeastOne: true }) allowedUses: QuoteUse[];
  @ApiProperty({ description: 'Language of the words as a BCP 47 tag', example: 'en', pattern: LANGUAGE_TAG.source, maxLength: 35 })
  @Matches(LANGUAGE_TAG, { message: '$property must be a BCP 47 language tag, like en, cy or pl' })
  @MaxLength(35)
  language: string;
  @DateField({ description: 'When the words were captured', example: '2026-03-10T12:45:00Z' }) capturedOn: string;
  @NestedField(() => QuotePersonalDto, {
    description: 'The words, as the participant\'s personal data; subjectId must equal participantId',
    example: { subjectId: 'part-003', fields: { words: 'For the first time I felt the council was writing it with us, not for us.' } },
  })
  personal: QuotePersonalDto;
}

/** Body of `POST /api/commands/ChangeQuoteConsent`. */
export class ChangeQuoteConsentDto implements CommandBody<ChangeQuoteConsent> {
  @IdField(REFERENCE_DOCS.quoteId) quoteId: string;
  @ChoiceField(ATTRIBUTIONS, { ...ATTRIBUTION, example: 'anonymous' }) attribution: Attribution;
  @ChoiceListField(QUOTE_USES, { ...USES, example: ['internal_evaluation'] }, { atLeastOne: true }) allowedUses: QuoteUse[];
  @TextField({ description: 'Why consent changed, e.g. what the participant asked for', example: 'Asked by phone not to be quoted in public papers' }, TEXT_LIMITS.freeText)
  reason: string;
}

/** Body of `POST /api/commands/WithdrawQuoteConsent`. */
export class WithdrawQuoteConsentDto implements CommandBody<WithdrawQuoteConsent> {
  @IdField(REFERENCE_DOCS.quoteId) quoteId: string;
  @DateField({ description: 'When consent was withdrawn', example: '2026-07-01' }) withdrawnOn: string;
  @TextField({ description: 'Why, if the participant said', example: 'Moved away and would rather not be quoted' }, TEXT_LIMITS.freeText, { nullable: true })
  reason: string | null = null;
}
