import { stillOpen } from './committee-extract.builder';

describe('the sentence saying how many commitments made with a decision are still open', () => {
  it.each([
    [0, 1, '0 of 1 commitment made with this decision is still open.'],
    [1, 1, '1 of 1 commitment made with this decision is still open.'],
    [1, 2, '1 of 2 commitments made with this decision is still open.'],
    [0, 3, '0 of 3 commitments made with this decision are still open.'],
    [2, 3, '2 of 3 commitments made with this decision are still open.'],
  ])('reads "%i of %i" with a verb that agrees', (open, total, sentence) => {
    expect(stillOpen(open, total)).toBe(sentence);
  });
});
