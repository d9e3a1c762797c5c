import 'reflect-metadata';
import { Test } from '@nestjs/testing';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { COMMAND_DTOS } from '.';

type Schema = { properties?: Record<string, { example?: unknown; nullable?: boolean; $ref?: string; allOf?: unknown[] }>; required?: string[] };

/** The schemas the API's OpenAPI document holds once the DTOs are registered as extra models. */
async function schemas(): Promise<Record<string, Schema>> {
  const app = (await Test.createTestingModule({}).compile()).createNestApplication({ logger: false });
  await app.init();
  try {
    const document = SwaggerModule.createDocument(app, new DocumentBuilder().build(), { extraModels: Object.values(COMMAND_DTOS) });
    return (document.components?.schemas ?? {}) as Record<string, Schema>;
  } finally {
    await app.close();
  }
}

describe('OpenAPI schemas of the command DTOs', () => {
  let all: Record<string, Schema>;
  beforeAll(async () => {
    all = await schemas();
  });

  it('has a schema named <CommandType>Dto for every command, with an example for every property', () => {
    for (const type of Object.keys(COMMAND_DTOS)) {
      const schema = all[`${type}Dto`];
      expect(schema?.properties).toBeDefined();
      const withoutExample = Object.entries(schema.properties ?? {}).filter(([, property]) => property.example === undefined);
      expect({ type, withoutExample }).toEqual({ type, withoutExample: [] });
    }
  });

  it('marks fields that may be left out as not required', () => {
    expect(all.RecordSetupActivityDto.required).not.toContain('note');
    expect(all.RecordSetupActivityDto.properties?.note?.nullable).toBe(true);
    expect(all.ParticipantDetailsDto.required).toEqual(['name']);
    expect(all.SurveyAnswersDto.required ?? []).toEqual([]);
  });

  it('describes a contribution as either a staff summary or one participant\'s sealed words, stating which', () => {
    const contribution = all.RecordContributionDto;
    expect(contribution.required).toEqual(expect.arrayContaining(['recordedAs', 'participantIds', 'kind']));
    expect(contribution.required).not.toContain('summary');
    expect(contribution.required).not.toContain('personal');
    expect(JSON.stringify(contribution.properties?.recordedAs)).toContain('"enum":["staff_summary","participant_words"]');
    expect(JSON.stringify(contribution.properties?.summary)).toContain('quote nobody');
    expect(JSON.stringify(contribution.properties?.personal)).toContain('#/components/schemas/QuotePersonalDto');
  });

  it('describes nested personal data by reference to its own schema', () => {
    expect(JSON.stringify(all.RegisterParticipantDto.properties?.personal)).toContain('#/components/schemas/PersonalDetailsDto');
    expect(JSON.stringify(all.PersonalDetailsDto.properties?.fields)).toContain('#/components/schemas/ParticipantDetailsDto');
  });
});
