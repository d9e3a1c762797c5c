import { ATTRIBUTIONS, QUOTE_USES, QuoteUse } from '@coprod/domain/core/vocabulary';
import { QuoteConsent, quoteVisibility } from './quote-visibility';

const consent = (overrides: Partial<QuoteConsent> = {}): QuoteConsent => ({
  attribution: 'role_only',
  allowedUses: ['internal_evaluation', 'committee_papers', 'public'],
  withdrawn: false,
  participantErased: false,
  ...overrides,
});

describe('quoteVisibility', () => {
  describe('a quote consented for every use', () => {
    it.each(QUOTE_USES)('is shown in %s output with the attribution consented', (output) => {
      for (const attribution of ATTRIBUTIONS) {
        expect(quoteVisibility(consent({ attribution }), output)).toEqual({ show: true, attribution });
      }
    });
  });

  describe('is never shown once consent is withdrawn', () => {
    it.each(QUOTE_USES)('not in %s output', (output) => {
      expect(quoteVisibility(consent({ withdrawn: true }), output)).toEqual({
        show: false,
        code: 'consent_withdrawn',
        reason: 'the participant withdrew consent for this quote',
      });
    });
  });

  describe('is never shown once the participant is erased, even if consent was never withdrawn', () => {
    it.each(QUOTE_USES)('not in %s output', (output) => {
      const result = quoteVisibility(consent({ participantErased: true, attribution: 'anonymous' }), output);
      expect(result).toMatchObject({ show: false, code: 'participant_erased' });
    });
  });

  it('names erasure as the reason when a quote is both withdrawn and erased', () => {
    expect(quoteVisibility(consent({ withdrawn: true, participantErased: true }), 'internal_evaluation')).toMatchObject({
      code: 'participant_erased',
    });
  });

  // Each use must be consented in its own right: no use implies another.
  const table: Array<[QuoteUse[], QuoteUse, boolean]> = [
    [['internal_evaluation'], 'internal_evaluation', true],
    [['internal_evaluation'], 'committee_papers', false],
    [['internal_evaluation'], 'public', false],
    [['committee_papers'], 'committee_papers', true],
    [['committee_papers'], 'public', false],
    [['committee_papers'], 'internal_evaluation', false],
    [['public'], 'public', true],
    [['public'], 'committee_papers', false],
    [['public'], 'internal_evaluation', false],
    [['internal_evaluation', 'committee_papers'], 'committee_papers', true],
    [['internal_evaluation', 'committee_papers'], 'public', false],
    [['internal_evaluation', 'public'], 'committee_papers', false],
    [[], 'internal_evaluation', false],
  ];
  it.each(table)('consented for %j, asked for %s: shown %s', (allowedUses, output, shown) => {
    expect(quoteVisibility(consent({ allowedUses }), output).show).toBe(shown);
  });

  it('says which uses were consented when it refuses one', () => {
    expect(quoteVisibility(consent({ allowedUses: ['internal_evaluation', 'public'] }), 'committee_papers')).toEqual({
      show: false,
      code: 'use_not_consented',
      reason: 'consent covers internal evaluation and public documents, not committee papers',
    });
    expect(quoteVisibility(consent({ allowedUses: [] }), 'public')).toMatchObject({
      reason: 'consent covers no use, not public documents',
    });
  });
});
