import { attributeQuote } from './attribute-quote';

describe('attributeQuote', () => {
  it('names the speaker with their role when consent is named', () => {
    expect(attributeQuote('named', { name: 'Jane Doe', roleLabel: 'carer' })).toBe('Jane Doe, carer');
  });

  it('gives only the role when consent is role only, even if the name is known', () => {
    expect(attributeQuote('role_only', { name: 'Jane Doe', roleLabel: 'carer' })).toBe('a carer');
  });

  it('says only "a participant" when anonymous, whatever is known', () => {
    expect(attributeQuote('anonymous', { name: 'Jane Doe', roleLabel: 'councillor' })).toBe('a participant');
  });

  it('falls back to the role when a named quote has no name (never given or erased)', () => {
    expect(attributeQuote('named', { roleLabel: 'resident' })).toBe('a resident');
    expect(attributeQuote('named', { name: '  ', roleLabel: 'resident' })).toBe('a resident');
  });

  it('chooses "an" by sound', () => {
    expect(attributeQuote('role_only', { roleLabel: 'expert by experience' })).toBe('an expert by experience');
    expect(attributeQuote('role_only', { roleLabel: 'officer' })).toBe('an officer');
    expect(attributeQuote('role_only', { roleLabel: 'user of care services' })).toBe('a user of care services');
    expect(attributeQuote('role_only', { roleLabel: 'family member' })).toBe('a family member');
  });

  it('falls back to "a participant" when no role label is given', () => {
    expect(attributeQuote('role_only', { roleLabel: '' })).toBe('a participant');
  });
});
