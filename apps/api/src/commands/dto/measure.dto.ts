import { DefineServiceMeasure, RecordServiceMeasureReading } from '@coprod/domain';
import { ChoiceField, CommandBody, DateField, IdField, NumberField, TEXT_LIMITS, TextField } from './fields';
import { REFERENCE_DOCS } from './reference-docs';

const BETTER_WHEN = ['higher', 'lower'] as const;

/** Body of `POST /api/commands/DefineServiceMeasure`. */
export class DefineServiceMeasureDto implements CommandBody<DefineServiceMeasure> {
  @IdField(REFERENCE_DOCS.measureId) measureId: string;
  @IdField(REFERENCE_DOCS.projectId) projectId: string;
  @TextField({ description: 'What is measured', example: 'Community groups asking for help with an energy scheme' }, TEXT_LIMITS.title)
  name: string;
  @TextField({ description: 'Unit of the measure', example: 'enquiries per quarter' }, TEXT_LIMITS.id) unit: string;
  @NumberField({ description: 'Value before the project', example: 2 }) baseline: number;
  @DateField({ description: 'When the baseline was taken', example: '2025-12-31' }) baselineOn: string;
  @ChoiceField(BETTER_WHEN, { description: 'Whether a higher or a lower value is an improvement', example: 'higher' })
  betterWhen: (typeof BETTER_WHEN)[number];
  @IdField({ description: 'Framework outcome the measure is evidence for, if any', example: 'services_improved' }, { nullable: true })
  outcomeId: string | null = null;
}

/** Body of `POST /api/commands/RecordServiceMeasureReading`. */
export class RecordServiceMeasureReadingDto implements CommandBody<RecordServiceMeasureReading> {
  @IdField(REFERENCE_DOCS.measureId) measureId: string;
  @NumberField({ description: 'The value read', example: 7 }) value: number;
  @DateField({ description: 'When the reading was taken (not before the baseline)', example: '2026-09-30' }) readingOn: string;
  @TextField({ description: 'A note on the reading', example: 'Includes two enquiries from outside the district' }, TEXT_LIMITS.freeText, { nullable: true })
  note: string | null = null;
}
