import { conflict, DomainError, forbidden, notFound, requireCalendarDate, requireOneOf, ruleBroken } from './errors';

/** The DomainError a check refuses with, or null when it lets the value through. */
function refusalOf(check: () => void): DomainError | null {
  try {
    check();
    return null;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
}

describe('domain errors: what every way in answers with', () => {
  it('carries the kind the edges answer by, the code clients branch on, and the message people read', () => {
    const made = [notFound('a.gone', 'one'), conflict('b.clash', 'two'), ruleBroken('c.rule', 'three'), forbidden('d.not_yours', 'four')];
    expect(made.map((e) => [e.kind, e.code, e.message])).toEqual([
      ['not_found', 'a.gone', 'one'],
      ['conflict', 'b.clash', 'two'],
      ['rule', 'c.rule', 'three'],
      ['forbidden', 'd.not_yours', 'four'],
    ]);
    for (const error of made) {
      expect(error).toBeInstanceOf(Error);
      expect(error.name).toBe('DomainError');
    }
  });

  describe('a value from a vocabulary', () => {
    it('lets a value of the vocabulary through', () => {
      expect(refusalOf(() => requireOneOf('paper', ['paper', 'phone'], 'format'))).toBeNull();
    });

    it('refuses any other value, naming the field, the value and every value allowed', () => {
      const refusal = refusalOf(() => requireOneOf('telepathy', ['paper', 'phone'], 'format'));
      expect([refusal?.kind, refusal?.code, refusal?.message]).toEqual([
        'rule',
        'value.not_allowed',
        'format "telepathy" is not one of paper, phone',
      ]);
      expect(refusalOf(() => requireOneOf(undefined, ['paper'], 'format'))?.message).toBe('format "undefined" is not one of paper');
    });
  });

  describe('a calendar date', () => {
    it.each([
      '2026-03-01',
      '2024-02-29',
      '2026-04-30',
      '2026-12-31',
      '2026-01-01',
      '2026-03-01T09:30Z',
      '2026-03-01T09:30:15Z',
      '2026-03-01T09:30:15.5Z',
      '2026-03-01T09:30:15.123456789Z',
      '2026-03-01T09:30:15.000+01:00',
      '2026-03-01T09:30-05:00',
    ])('takes %p', (value) => {
      expect(refusalOf(() => requireCalendarDate(value, 'heldOn'))).toBeNull();
    });

    it.each([
      ['a day that month does not have', '2026-02-29'],
      ['the 31st of a 30-day month', '2026-04-31'],
      ['day 0', '2026-03-00'],
      ['day 32', '2026-01-32'],
      ['month 0', '2026-00-10'],
      ['month 13', '2026-13-01'],
      ['a date-time without its offset', '2026-03-01T09:30:00'],
      ['an hour without minutes', '2026-03-01T09Z'],
      ['an hour that is not on the clock', '2026-03-01T25:00Z'],
      ['text before the date', 'on 2026-03-01'],
      ['text after the date', '2026-03-01 or so'],
      ['a short year', '226-03-01'],
      ['a one-digit month', '2026-3-01'],
      ['a one-digit day', '2026-03-1'],
      ['other separators', '2026/03/01'],
      ['a fraction of a second too fine', '2026-03-01T09:30:15.1234567890Z'],
      ['an offset without its minutes', '2026-03-01T09:30+01'],
      ['words', 'last spring'],
      ['empty text', ''],
    ])('refuses %s (%p)', (_what, value) => {
      const refusal = refusalOf(() => requireCalendarDate(value, 'heldOn'));
      expect([refusal?.kind, refusal?.code, refusal?.message]).toEqual([
        'rule',
        'value.not_a_date',
        `heldOn "${value}" is not a real calendar date (YYYY-MM-DD, or a date-time with its offset)`,
      ]);
    });

    it('refuses a value that is not text, naming it', () => {
      expect(refusalOf(() => requireCalendarDate(20260301, 'heldOn'))?.message).toBe(
        'heldOn "20260301" is not a real calendar date (YYYY-MM-DD, or a date-time with its offset)',
      );
      expect(refusalOf(() => requireCalendarDate(null, 'heldOn'))?.code).toBe('value.not_a_date');
      // A list holding one date reads as that date when turned into text: it is still not a date.
      expect(refusalOf(() => requireCalendarDate(['2026-03-01'], 'heldOn'))?.code).toBe('value.not_a_date');
      expect(refusalOf(() => requireCalendarDate(new Date('2026-03-01'), 'heldOn'))?.code).toBe('value.not_a_date');
    });
  });
});
