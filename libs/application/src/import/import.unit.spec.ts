import { normaliseEmail, normalisePhone } from './contact-index';
import { pence } from './import-kinds';
import { decodeText } from './read-table';
import { anonymisedRow, codedFacts } from './record-export';
import { neutralise } from './spreadsheet-out';

describe("reading what councils' spreadsheets hold", () => {
  it('reads UTF-8 with and without a byte-order mark, and Windows-1252 when the bytes are not UTF-8', () => {
    expect(decodeText(Buffer.from('\uFEFFname\nZoé', 'utf8'))).toEqual({ text: 'name\nZoé', encoding: 'utf-8 with BOM' });
    expect(decodeText(Buffer.from('name\nZoé', 'utf8'))).toEqual({ text: 'name\nZoé', encoding: 'utf-8' });
    expect(decodeText(Buffer.from([0x5a, 0x6f, 0xe9, 0x20, 0xa3, 0x35, 0x20, 0x96, 0x20, 0x80]))).toEqual({
      text: 'Zoé £5 – €',
      encoding: 'windows-1252',
    });
    expect(() => decodeText(Buffer.from([0xff, 0xfe, 0x41, 0x00]))).toThrow(/UTF-16; save it as "CSV UTF-8"/);
  });

  it('reads pounds and pence as whole pence, and refuses what is not money', () => {
    expect([pence('12.50'), pence('£12.5'), pence('£1,200'), pence('0.07')]).toEqual([1250, 1250, 120000, 7]);
    expect(pence('12.505')).toEqual({ column: 'amount', problem: expect.stringMatching(/not an amount of money/) });
    expect(pence('-3')).toEqual({ column: 'amount', problem: expect.stringMatching(/not an amount of money/) });
  });

  it('matches contact details as people mean them', () => {
    expect(normaliseEmail('  Pawel.Wojcik@Example.ORG ')).toBe('pawel.wojcik@example.org');
    expect(['+44 7700 900123', '07700 900123', '0044 (7700) 900-123'].map(normalisePhone)).toEqual(['07700900123', '07700900123', '07700900123']);
  });
});

describe('writing spreadsheets that are safe to open', () => {
  it('neutralises text a spreadsheet would run as a formula, and leaves numbers alone', () => {
    expect(['=SUM(A1:A9)', '+44', '-1', '@cmd', '\tx', 'Ada', ''].map(neutralise)).toEqual([
      "'=SUM(A1:A9)",
      "'+44",
      "'-1",
      "'@cmd",
      "'\tx",
      'Ada',
      '',
    ]);
    expect([neutralise(-5), neutralise(null)]).toEqual([-5, null]);
  });

  it('keeps only coded facts in the anonymised record: no people, no free text', () => {
    const data = {
      claimId: 'exp-1',
      participantId: 'part-9',
      category: 'care_cover',
      amountPence: 3600,
      description: 'cover',
      claimedOn: '2026-02-11',
      personal: { subjectId: 'part-9', sealed: 'x' },
      answers: { confidence_in_partnership: 4 },
      seldomHeardGroups: ['carers'],
    };
    expect(codedFacts(data)).toEqual(['category=care_cover', 'amountPence=3600', 'claimedOn=2026-02-11', 'answers.confidence_in_partnership=4']);
    const row = anonymisedRow({
      id: 'e1',
      type: 'SurveyResponseRecorded',
      schemaVersion: 1,
      data: { projectId: 'p-1', participantId: 'part-9', phase: 'pre' },
      occurredAt: '2026-01-20T00:00:00.000Z',
      recordedAt: '2026-01-21T09:00:00.000Z',
      actor: { id: 'ann.officer', role: 'recorder' },
      source: 'paper',
      correlationId: 'c',
      causationId: null,
      stream: 'survey-p-1.part-9',
      revision: 0,
      position: 7,
      prevHash: '',
      hash: '',
    });
    expect(row).toEqual([7, 'SurveyResponseRecorded', '2026-01-20', '2026-01-21', 'survey', '', 'p-1', '', '', 'paper', 'recorder', 'phase=pre']);
  });
});
