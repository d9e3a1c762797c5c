import { attributeQuote } from './attribute-quote';
import { quoteVisibility } from './quote-visibility';

describe('the words readers see about a quote', () => {
  it('tells an erased participant why none of their words are used', () => {
    const quote = { attribution: 'named' as const, allowedUses: ['public' as const], withdrawn: false, participantErased: true };
    expect(quoteVisibility(quote, 'public')).toEqual({
      show: false,
      code: 'participant_erased',
      reason: 'the participant asked to be erased, so none of their words are used',
    });
  });

  it('reads a role given with spaces as the role, and a blank role as a participant', () => {
    expect(attributeQuote('named', { name: 'Jane Doe', roleLabel: '  carer  ' })).toBe('Jane Doe, carer');
    expect(attributeQuote('named', { name: 'Jane Doe', roleLabel: '   ' })).toBe('Jane Doe');
    expect(attributeQuote('named', { roleLabel: ' ' })).toBe('a participant');
    expect(attributeQuote('role_only', { roleLabel: '' })).toBe('a participant');
    expect(attributeQuote('role_only', { roleLabel: ' evaluation lead ' })).toBe('an evaluation lead');
  });
});
