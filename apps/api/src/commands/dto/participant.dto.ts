import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsOptional, IsString, Matches, MaxLength, ValidateIf } from 'class-validator';
import {
  EraseParticipant,
  Format,
  FORMATS,
  PARTICIPANT_ROLES,
  ParticipantDetails,
  ParticipantRole,
  RegisterParticipant,
  UpdateParticipantDetails,
  UpdateParticipantProfile,
} from '@coprod/domain';
import { ChoiceField, ChoiceListField, CommandBody, DateField, IdField, LabelListField, NestedField, TEXT_LIMITS, TextField } from './fields';
import { REFERENCE_DOCS } from './reference-docs';

/** A full UK postcode or just its outward part (`RG14 5LD` or `RG14`): collect no more than is needed. */
const UK_POSTCODE = /^[A-Za-z]{1,2}[0-9][A-Za-z0-9]?( ?[0-9][A-Za-z]{2})?$/;
/** 10 to 15 digits with single spaces, dashes or brackets between, UK or international (`01635 519000`, `+44 7700 900109`). */
const PHONE_NUMBER = /^[+(]?(?:[0-9][ ()-]{0,2}){9,14}[0-9]$/;
const MAX_SELDOM_HEARD_GROUPS = 30;

/** What a participant tells us about themselves. Optional fields are declared, not defined: an omitted one leaves no key. */
export class ParticipantDetailsDto implements ParticipantDetails {
  @TextField({ description: 'Name the person wants to be known by', example: 'Paweł Wójcik' }, TEXT_LIMITS.title)
  name: string;

  @ApiPropertyOptional({ description: 'E-mail address', example: 'pawel.wojcik@example.com', maxLength: 254 })
  @ValidateIf((details: ParticipantDetailsDto) => details.email !== undefined)
  @IsEmail({}, { message: '$property must be an e-mail address, like name@example.org' })
  @MaxLength(254)
  declare email?: string;

  @ApiPropertyOptional({ description: 'Phone number (UK numbers may omit +44)', example: '07700 900109' })
  @ValidateIf((details: ParticipantDetailsDto) => details.phone !== undefined)
  @Matches(PHONE_NUMBER, { message: '$property must be a phone number of 10 to 15 digits, like 01635 519000 or +44 7700 900109' })
  declare phone?: string;

  @ApiPropertyOptional({ description: 'UK postcode, in full or just the outward part', example: 'RG14' })
  @ValidateIf((details: ParticipantDetailsDto) => details.postcode !== undefined)
  @Matches(UK_POSTCODE, { message: '$property must be a UK postcode like RG14 5LD, or its first part like RG14' })
  declare postcode?: string;

  @TextField({ description: 'What the person needs to take part fully', example: 'Large-print papers posted a week ahead' }, TEXT_LIMITS.freeText, {
    omittable: true,
  })
  declare accessNeeds?: string;
}

/** Personal data about one participant, encrypted under their own key. */
export class PersonalDetailsDto {
  @IdField({ description: 'Whose data this is: must be the participant id', example: 'part-003' }) subjectId: string;
  @NestedField(() => ParticipantDetailsDto, {
    description: 'The personal details',
    example: { name: 'Paweł Wójcik', email: 'pawel.wojcik@example.com', postcode: 'RG14' },
  })
  fields: ParticipantDetailsDto;
}

const ROLE = { description: 'The role the person takes part in', example: 'resident' };
const GROUPS = { description: 'Seldom-heard groups the person belongs to, as the council names them', example: ['low_income', 'young_people'] };
const FORMATS_DOC = { description: 'Ways the person prefers to take part', example: ['online', 'phone'] };
const PERSONAL = {
  description: "The person's details; subjectId must equal participantId",
  example: { subjectId: 'part-003', fields: { name: 'Paweł Wójcik', email: 'pawel.wojcik@example.com', postcode: 'RG14' } },
};

/** Body of `POST /api/commands/RegisterParticipant`. */
export class RegisterParticipantDto implements CommandBody<RegisterParticipant> {
  @IdField(REFERENCE_DOCS.participantId) participantId: string;
  @ChoiceField(PARTICIPANT_ROLES, ROLE) role: ParticipantRole;
  @LabelListField(GROUPS, MAX_SELDOM_HEARD_GROUPS) seldomHeardGroups: string[];
  @ChoiceListField(FORMATS, FORMATS_DOC) preferredFormats: Format[];
  @NestedField(() => PersonalDetailsDto, PERSONAL) personal: PersonalDetailsDto;
  @TextField(
    { description: 'The organisation a voluntary or community organisation representative speaks for', example: 'Healthwatch West Berkshire' },
    TEXT_LIMITS.title,
    { nullable: true },
  )
  organisation: string | null = null;
}

/** Body of `POST /api/commands/UpdateParticipantProfile`. */
export class UpdateParticipantProfileDto implements CommandBody<UpdateParticipantProfile> {
  @IdField(REFERENCE_DOCS.participantId) participantId: string;
  @ChoiceField(PARTICIPANT_ROLES, { ...ROLE, example: 'carer' }) role: ParticipantRole;
  @LabelListField({ ...GROUPS, example: ['carers', 'low_income'] }, MAX_SELDOM_HEARD_GROUPS) seldomHeardGroups: string[];
  @ChoiceListField(FORMATS, { ...FORMATS_DOC, example: ['hybrid', 'phone'] }) preferredFormats: Format[];
  @TextField({ description: 'Why the profile changed', example: 'Now caring for her father; asked to join by phone' }, TEXT_LIMITS.freeText)
  reason: string;
  /** Omitted and null differ here: omitted keeps the organisation recorded, null removes it. */
  @ApiPropertyOptional({
    description:
      'The organisation a voluntary or community organisation representative now speaks for; leave it out to keep the one recorded, or give null to remove it',
    example: 'Berkshire Carers Centre',
    type: String,
    nullable: true,
    minLength: 1,
    maxLength: TEXT_LIMITS.title,
  })
  @IsOptional()
  @IsString()
  @Matches(/\S/, { message: '$property must not be empty or only spaces' })
  @MaxLength(TEXT_LIMITS.title, { message: `$property must be at most ${TEXT_LIMITS.title} characters` })
  declare organisation?: string | null;
}

/** Body of `POST /api/commands/UpdateParticipantDetails`. */
export class UpdateParticipantDetailsDto implements CommandBody<UpdateParticipantDetails> {
  @IdField(REFERENCE_DOCS.participantId) participantId: string;
  @NestedField(() => PersonalDetailsDto, PERSONAL) personal: PersonalDetailsDto;
}

/** Body of `POST /api/commands/EraseParticipant`. */
export class EraseParticipantDto implements CommandBody<EraseParticipant> {
  @IdField(REFERENCE_DOCS.participantId) participantId: string;
  @TextField({ description: 'Why the person was erased', example: 'Asked to be forgotten (UK GDPR article 17)' }, TEXT_LIMITS.freeText)
  reason: string;
}
