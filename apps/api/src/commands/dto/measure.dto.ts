import { DateField, IdField, ChoiceField, NumberField, TEXT_LIMITS, TextField } from './fields';

export class DefineServiceMeasureDto {
  @IdField({ description: 'New measure id', example: 'm-energy-downloads' }) measureId: string;
  @IdField({ description: 'Project', example: 'p-energy' }) projectId: string;
  @TextField({ description: 'Name', example: 'Guidance note downloads per month' }, TEXT_LIMITS.title) name: string;
  @TextField({ description: 'Unit', example: 'downloads' }, TEXT_LIMITS.id) unit: string;
  @NumberField({ description: 'Baseline value', example: 0 }) baseline: number;
  @DateField({ description: 'When the baseline was taken', example: '2026-01-31' }) baselineOn: string;
  @ChoiceField(['higher', 'lower'], { description: 'Which direction is better', example: 'higher' }) betterWhen: string;
  @IdField({ description: 'Outcome it evidences', example: 'improved_services' }, { nullable: true }) outcomeId: string | null = null;
}

export class RecordServiceMeasureReadingDto {
  @IdField({ description: 'Measure', example: 'm-energy-downloads' }) measureId: string;
  @NumberField({ description: 'Value', example: 143 }) value: number;
  @DateField({ description: 'When it was read', example: '2026-09-30' }) readingOn: string;
  @TextField({ description: 'Note', example: 'After the launch event' }, TEXT_LIMITS.freeText, { nullable: true }) note: string | null = null;
}
